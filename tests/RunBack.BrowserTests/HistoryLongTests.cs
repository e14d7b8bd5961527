using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RunBack.Core.Content;
using RunBack.Core.Questionnaire;
using RunBack.Web.Features.Assessments;
using RunBack.Web.Features.CheckIns;
using Xunit.Abstractions;

namespace RunBack.BrowserTests;

/// <summary>
/// A runner with five months of check-ins on a phone: the history's chart draws one point per week (the week's average)
/// and says so, the tables show the latest rows with "Show all", which shows every check-in. Takes the README's history
/// image (history-long-phone.png).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class HistoryLongTests(AppFixture app, ITestOutputHelper output)
{
    private const int Count = 36;

    /// <summary>
    /// Saves <see cref="Count"/> check-ins, one every 4 days back from the app's today (the form allows 7 days back, so
    /// they go through the app's own intake and save, dated), back pain easing from 7 to 2: returns the recovery code.
    /// </summary>
    private async Task<string> SaveFiveMonthsAsync()
    {
        var intake = app.Services.GetRequiredService<AnswerIntake>();
        var checkIns = app.Services.GetRequiredService<CheckInService>();
        var release = app.Services.GetRequiredService<ContentStore>().Current;
        var today = app.Today;
        Guid? profile = null;
        string? code = null;
        for (var i = Count - 1; i >= 0; i--)
        {
            var day = today.AddDays(-4 * i);
            var persona = Personas.NoRisk();
            persona["back_pain"] = 2 + (5 * i / Count) + (i % 3 == 1 ? 1 : 0);
            persona["hip_pain"] = (2 * i / Count) + (i % 4 == 0 ? 1 : 0);
            persona["distance_week_1"] = 18 + (i * 7 % 15);
            persona["distance_week_2"] = 18 + ((i + 2) * 7 % 15);
            persona["distance_week_3"] = 18 + ((i + 4) * 7 % 15);
            var (answers, errors) = AnswerParser.FromJson(persona.ToJson(day).ToJsonString(), release.Questionnaire);
            Assert.Empty(errors);
            var read = intake.Check(release, answers, new PostedDate(day, false, null), null, "GB").Checked;
            Assert.NotNull(read);
            var saved = await checkIns.SaveAsync(profile, read, Guid.NewGuid());
            Assert.Equal(SaveOutcome.Saved, saved.Outcome);
            profile ??= saved.ProfileId;
            code ??= saved.NewRecoveryCode;
        }
        return code!;
    }

    [Fact]
    public async Task FiveMonthsOfCheckIns_Phone_WeeklyPointsSaidUnderTheChart_LatestRowsThenShowAll()
    {
        var code = await SaveFiveMonthsAsync();
        var page = await app.NewPageAsync(390, 844);
        await page.GotoAsync("/recover");
        await page.GetByLabel("Recovery code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open my history" }).ClickAsync();
        await page.GotoAsync("/history");

        // One point per week, fewer than the check-ins, and the page says so under the chart.
        await Assertions.Expect(page.Locator(".chart-note").First).ToContainTextAsync("one point per week: the average of that week's check-ins");
        var points = await page.Locator("svg.history-chart:visible .history-chart__back-point").CountAsync();
        output.WriteLine($"{Count} check-ins over {4 * (Count - 1)} days: {points} weekly points on the phone chart");
        Assert.InRange(points, 13, Count - 1);

        // The tables (opened if folded): the latest rows, then every check-in after "Show all".
        var tables = page.Locator("details.chart-table");
        if (await tables.GetAttributeAsync("open") is null)
        {
            await tables.Locator("summary").ClickAsync();
        }
        var rows = page.Locator(".chart-table table").First.Locator("tbody tr");
        var shown = await rows.CountAsync();
        Assert.InRange(shown, 1, Count - 1);
        var showAll = page.GetByRole(AriaRole.Link, new() { Name = $"Show all {Count} check-ins" });
        await Assertions.Expect(showAll).ToBeVisibleAsync();
        await page.Locator(".panel").First.ScreenshotAsync(new() { Path = AppFixture.Screenshot("history-long-phone") });
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("history-long-phone-page"), FullPage = true });
        await showAll.ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(Count);
        await page.Context.CloseAsync();
    }
}
