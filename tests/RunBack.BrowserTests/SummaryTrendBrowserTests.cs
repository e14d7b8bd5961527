using Microsoft.Playwright;
using Xunit.Abstractions;

namespace RunBack.BrowserTests;

/// <summary>
/// Issue 26 item 15 at phone width (390×844): the printable summary's 12-week pain trend (chart and table) fits the
/// phone's width. The two-page print check is PrintTests (WorstCaseSummary has 12 weeks of check-ins with PEG).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SummaryTrendBrowserTests(AppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Summary_OnAPhone_ShowsTwelveWeekTrendChartAndTable_WithinTheWidth()
    {
        var page = await app.NewPageAsync(390, 844);
        var today = app.Today;
        await HomeWelcomeBackTests.SaveAsync(app, page, 7, 1, today.AddDays(-7));
        var id = await HomeWelcomeBackTests.SaveAsync(app, page, 4, 3, today);

        await page.GotoAsync($"/summary/{id}");

        var chart = page.GetByRole(AriaRole.Img, new() { Name = "Chart of the weekly pain scores in the table beside it (0 to 10)" });
        await Assertions.Expect(chart).ToBeVisibleAsync();
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Pain over the last 12 weeks (0–10; the last check-in of each week)" });
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(12);
        await Assertions.Expect(table.Locator("tbody tr").Last).ToContainTextAsync("(this check-in)");
        await Assertions.Expect(table.Locator("tbody tr").Last.Locator("td")).ToHaveTextAsync(["4", "3"]);
        var chartBox = await chart.BoundingBoxAsync();
        Assert.NotNull(chartBox);
        output.WriteLine($"Trend chart at 390x844: {chartBox.Width:0}×{chartBox.Height:0} px; page width {await page.EvaluateAsync<int>("document.documentElement.scrollWidth")} px");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "The summary scrolls sideways.");
        await chart.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("summary-trend-phone"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
