using Microsoft.Playwright;

namespace RunBack.BrowserTests;

/// <summary>
/// The PEG score (Krebs et al. 2009) in the history on a phone (390 wide), in Chromium, with release 2027.2.0 served
/// (a draft until the lead publishes it): the dotted PEG line, the ring on a change of 30 % or more, the table's column
/// with "meaningful", and nothing for a check-in without it. Takes the screenshot history-peg-phone.png.
/// </summary>
public sealed class PegHistoryTests(DraftContentAppFixture app) : IClassFixture<DraftContentAppFixture>
{
    private static async Task SaveAsync(IPage page, Dictionary<string, object> persona, DateOnly day, DateOnly today)
    {
        await page.GotoAsync("/forget");
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.InputValueAsync();
        var response = await page.Context.APIRequest.PostAsync("/check-ins", new()
        {
            Form = page.Context.APIRequest.CreateFormData()
                .Append("__RequestVerificationToken", token)
                .Append("answers", persona.ToJson(today).ToJsonString())
                .Append("release", "2027.2.0")
                .Append("date", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                .Append("key", Guid.NewGuid().ToString()),
            MaxRedirects = 0,
        });
        Assert.Equal(302, response.Status);
    }

    private static Dictionary<string, object> Runner(int back, int? peg = null, int? pegActivity = null)
    {
        var answers = Personas.NoRisk();
        answers["back_pain"] = back;
        answers["hip_pain"] = 1;
        if (peg is { } p)
        {
            answers["peg_pain"] = p;
            answers["peg_enjoyment"] = p;
            answers["peg_activity"] = pegActivity ?? p;
        }
        return answers;
    }

    [Fact]
    public async Task History_OnAPhone_ShowsThePegLine_AndMarksAMeaningfulChange()
    {
        var page = await app.NewPageAsync(390, 844);
        var today = app.Today;
        await SaveAsync(page, Runner(6, 6), today.AddDays(-6), today);
        await SaveAsync(page, Runner(5), today.AddDays(-4), today);
        await SaveAsync(page, Runner(5, 5, 6), today.AddDays(-2), today);
        await SaveAsync(page, Runner(3, 3), today, today);

        await page.GotoAsync("/history");

        var chart = page.Locator(".history-chart--narrow");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        await Assertions.Expect(chart.Locator(".history-chart__peg-point")).ToHaveCountAsync(3);
        await Assertions.Expect(chart.Locator(".history-chart__peg-point--meaningful")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".history-chart__legend")).ToContainTextAsync("PEG score");
        await Assertions.Expect(page.Locator("td.peg-cell")).ToHaveTextAsync(["6.0", "–", "5.3 (down 11 %)", "3.0 down 44 %, meaningful"]);
        await Assertions.Expect(page.Locator("#chart-summary")).ToContainTextAsync("PEG score: 3.0 out of 10, down 44 % from 5.3 at the check-in before: a meaningful change (30 % or more).");
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("history-peg-phone"), FullPage = true });
    }
}
