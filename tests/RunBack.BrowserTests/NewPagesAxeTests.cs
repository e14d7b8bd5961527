using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace RunBack.BrowserTests;

/// <summary>
/// Axe scans of the pages around the quick check-in, in both editions at phone width: the form (and its error state),
/// its result, the history with a chart, the delete confirmation and the reminder's error page. Every violation axe
/// reports fails the test, whatever its impact.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class NewPagesAxeTests(AppFixture app)
{
    [Trait("Category", "Axe")]
    [Theory]
    [InlineData("en-GB")]
    [InlineData("en-US")]
    public async Task QuickCheckIn_History_Delete_Reminder_AxeFindsNothing(string edition)
    {
        var page = await app.NewPageAsync(390, 844, locale: edition);
        var findings = new List<string>();
        async Task ScanAsync(string where)
        {
            var result = await page.ScanAxeAsync(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
            findings.AddRange(result.Violations.Select(v =>
                $"{where}: {v.Id} ({v.Impact}) {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}"));
        }
        await HistoryAndSummaryTests.SaveByFormAsync(page, Personas.NoRisk());

        await page.GotoAsync("/check-in/quick");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", edition);
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot($"quick-check-in-{edition}-phone"), FullPage = true });
        await ScanAsync("quick check-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my check-in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("Nothing was saved");
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot($"quick-check-in-errors-{edition}-phone"), FullPage = true });
        await ScanAsync("quick check-in with errors");

        await QuickCheckInTests.QuickCheckInAsync(page, 2, 4, 1, "About the same", 20, "Stretches");
        await QuickCheckInTests.QuickCheckInAsync(page, 1, 3, 1, "Better", 25, null);
        await QuickCheckInTests.QuickCheckInAsync(page, 0, 2, 0, "Better", 28, "Heat");
        await Assertions.Expect(page.Locator(".result-saved")).ToContainTextAsync("Saved.");
        await ScanAsync("quick check-in result");

        await page.GotoAsync("/history");
        await Assertions.Expect(page.Locator(".checkins > li")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("svg.history-chart:visible")).ToHaveCountAsync(1);
        await ScanAsync("history");
        await page.SetViewportSizeAsync(1280, 900);
        await ScanAsync("history, wide");
        await page.SetViewportSizeAsync(390, 844);

        await page.Locator(".checkins > li").First.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Delete") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Delete the check-in of") })).ToBeVisibleAsync();
        await ScanAsync("delete confirmation");

        await page.GotoAsync("/history/reminder.ics?day=someday&time=25:61");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The reminder could not be made" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot($"reminder-error-{edition}-phone"), FullPage = true });
        await ScanAsync("reminder error");

        Assert.Empty(findings);
        await page.Context.CloseAsync();
    }
}
