using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RunBack.BrowserTests;

/// <summary>The recovery code's Copy button, disclosure markers, and the result page's single disclaimer.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class HistoryAndResultPolishTests(AppFixture app)
{
    [Fact]
    public async Task FirstSave_CopyButton_PutsTheRecoveryCodeOnTheClipboard_AndTheTableDisclosureShowsAMarker()
    {
        var page = await app.NewPageAsync(390, 844);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await HistoryAndSummaryTests.SaveByFormAsync(page, Personas.HipPattern());
        await page.GotoAsync("/history");

        var code = page.Locator(".recovery-code__value code");
        await Assertions.Expect(code).ToHaveTextAsync(new Regex("^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$"));
        var copy = page.GetByRole(AriaRole.Button, new() { Name = "Copy", Exact = true });
        await copy.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copied", Exact = true })).ToBeVisibleAsync();
        Assert.Equal(await code.TextContentAsync(), await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await page.Locator(".recovery-code").ScreenshotAsync(new() { Path = AppFixture.Screenshot("recovery-code-copy-phone") });

        var marker = await page.Locator(".chart-table > summary").EvaluateAsync<string[]>(
            "s => { const m = getComputedStyle(s, '::before'); return [m.content, m.width, m.borderRightWidth, m.display]; }");
        Assert.NotEqual("none", marker[0]);
        Assert.NotEqual("none", marker[3]);
        Assert.True(double.Parse(marker[1].TrimEnd('p', 'x'), System.Globalization.CultureInfo.InvariantCulture) > 4, $"Marker width {marker[1]}");
        Assert.NotEqual("0px", marker[2]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task UrgentResult_ShowsTheDisclaimerOnce_AndEveryDisclosureHasAMarker()
    {
        var page = await app.NewPageAsync();
        var driver = new SelfCheckDriver(page, Personas.RedFlag());
        await driver.StartAsync();
        await driver.CompleteAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your result", Level = 1 })).ToBeVisibleAsync();

        // The footer's disclaimer is the one; the result page once added its own just above it.
        var disclaimers = await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('p')].filter(p => /information, not a diagnosis/i.test(p.textContent) && p.checkVisibility()).length");
        Assert.True(disclaimers == 1, $"The disclaimer is shown {disclaimers} times.");

        // Every folded part of the result shows a marker (a summary styled as flex loses the browser's own).
        var summaries = page.Locator("main details > summary");
        Assert.True(await summaries.CountAsync() > 0, "The result has no disclosures to check.");
        foreach (var summary in await summaries.AllAsync())
        {
            var marker = await summary.EvaluateAsync<string[]>(
                "s => { const m = getComputedStyle(s, '::before'); return [m.content, m.display, m.borderLeftWidth, m.borderRightWidth]; }");
            Assert.NotEqual("none", marker[0]);
            Assert.NotEqual("none", marker[1]);
            Assert.True(marker[2] != "0px" || marker[3] != "0px", $"No visible marker on \"{await summary.TextContentAsync()}\".");
        }
        await page.Context.CloseAsync();
    }
}
