using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace RunBack.BrowserTests;

/// <summary>
/// Issue 26 item 14 at 390 x 844: the shoes' distance counts itself. A runner who gave 780 km a week ago sees the total
/// on the quick check-in; the week they add takes it past 800 km, so the result says the shoes are well past their
/// distance though the runner typed nothing about shoes; the history shows the new total, and new shoes start it again.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class ShoeCountTests(AppFixture app, ITestOutputHelper output)
{
    [GeneratedRegex(@"Your shoes: about 780\u00A0km \(counted from your check-ins since you gave 780\u00A0km on \d{1,2} \w+ \d{4}\)")]
    private static partial Regex Given780();

    [GeneratedRegex(@"Your shoes have covered 810\u00A0km, more than")]
    private static partial Regex WellPast810();

    [GeneratedRegex(@"Your shoes: about 810\u00A0km")]
    private static partial Regex Total810();

    /// <summary>A full self-check saved as the result page's form does, dated <paramref name="daysBack"/> days back.</summary>
    private static async Task SaveFullAsync(IPage page, Dictionary<string, object> persona, int daysBack)
    {
        await page.GotoAsync("/forget");
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.InputValueAsync();
        var day = AppClock.Today.AddDays(-daysBack);
        var questionnaire = await (await page.Context.APIRequest.GetAsync("/api/questionnaire")).JsonAsync();
        var response = await page.Context.APIRequest.PostAsync("/check-ins", new()
        {
            Form = page.Context.APIRequest.CreateFormData()
                .Append("__RequestVerificationToken", token)
                .Append("answers", persona.ToJson(day).ToJsonString())
                .Append("release", questionnaire!.Value.GetProperty("release").GetString()!)
                .Append("date", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                .Append("key", Guid.NewGuid().ToString()),
            MaxRedirects = 0,
        });
        Assert.Equal(302, response.Status);
    }

    [Fact]
    public async Task QuickCheckIn_Phone_ShoeTotalCountsItself_PassesEightHundredKm_WornShoesWithoutTypingIt()
    {
        var page = await app.NewPageAsync(390, 844);
        var persona = Personas.NoRisk();
        persona["shoe_distance"] = 780;
        await SaveFullAsync(page, persona, daysBack: 7);

        await page.GotoAsync("/check-in/quick");
        var line = page.Locator("#shoe-count");
        await Assertions.Expect(line).ToHaveTextAsync(Given780());
        output.WriteLine($"Quick check-in: {await line.TextContentAsync()}");
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("quick-check-in-shoes-phone"), FullPage = true });

        // 30 km in the last 7 days, nothing about shoes: 780 + 30 = 810 km, past the 800 km of shoes-well-past.
        await QuickCheckInTests.QuickCheckInAsync(page, 0, 3, 0, "About the same", 30, null);
        await Assertions.Expect(page.Locator(".result-saved")).ToContainTextAsync("Saved.");
        await Assertions.Expect(page.GetByText(WellPast810()).First).ToBeVisibleAsync();

        await page.GotoAsync("/history");
        await Assertions.Expect(page.Locator("#shoe-count")).ToHaveTextAsync(Total810());
        output.WriteLine($"History: {await page.Locator("#shoe-count").TextContentAsync()}");

        // New shoes: the count starts again at the distance given.
        await QuickCheckInTests.QuickCheckInAsync(page, 0, 3, 0, "About the same", 30, null, beforeSave: async () =>
        {
            await page.Locator("#shoes > summary").ClickAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "New shoes since last time?" }).GetByRole(AriaRole.Radio, new() { Name = "Yes", Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Textbox, new() { Name = "If they are not new out of the box: roughly how far have they gone?" }).FillAsync("40");
        });
        await Assertions.Expect(page.Locator(".result-saved")).ToContainTextAsync("Saved.");
        await Assertions.Expect(page.GetByText(WellPast810())).ToHaveCountAsync(0);
        await page.GotoAsync("/history");
        await Assertions.Expect(page.Locator("#shoe-count")).ToContainTextAsync("about 40\u00A0km");
        await page.Context.CloseAsync();
    }
}
