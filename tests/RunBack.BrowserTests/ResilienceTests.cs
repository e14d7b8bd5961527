using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace RunBack.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class ResilienceTests(AppFixture app)
{
    [Fact]
    public async Task ConnectionDrops_ReconnectDialogShows_AnswersKept()
    {
        var page = await app.NewPageAsync(390, 844);
        // Remember the page's WebSockets so the test can cut the circuit's connection the way a dropped network does.
        await page.AddInitScriptAsync("""
            (() => {
              const Original = window.WebSocket;
              window.__sockets = [];
              window.WebSocket = function (...args) { const socket = new Original(...args); window.__sockets.push(socket); return socket; };
              window.WebSocket.prototype = Original.prototype;
              Object.assign(window.WebSocket, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
            })();
            """);
        await new SelfCheckDriver(page, []).StartAsync();
        // Each answer is kept in sessionStorage (encrypted, so every write changes the stored value): wait for the write
        // that follows each answer before cutting the connection.
        var saved = await SelfCheckDriver.StoredAnswersAsync(page);
        await page.GetByRole(AriaRole.Group, new() { Name = "Where do you feel it?" }).GetByRole(AriaRole.Checkbox, new() { Name = "Buttock" }).CheckAsync();
        saved = await SelfCheckDriver.StoredAnswersChangedAsync(page, saved);
        await page.GetByRole(AriaRole.Group, new() { Name = "How bad is your back pain right now?" }).GetByRole(AriaRole.Radio, new() { Name = "4", Exact = true }).CheckAsync();
        await SelfCheckDriver.StoredAnswersChangedAsync(page, saved);

        await page.Context.SetOfflineAsync(true);
        await page.EvaluateAsync("() => window.__sockets.forEach(s => s.close())");
        await Assertions.Expect(page.Locator("#components-reconnect-modal")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#components-reconnect-modal")).ToContainTextAsync("Your answers are safe");
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("reconnect-phone") });
        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync(new() { Timeout = 30_000 });

        await Assertions.Expect(page.Locator("#q-back_pain-4")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#q-pain_where-buttock")).ToBeCheckedAsync();
        // The circuit is live again: the next answer still reaches the server.
        await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Hip pain now: please choose a number from 0 to 10.");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task InteractivePagesAndHistory_NoContentSecurityPolicyViolations()
    {
        var page = await app.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                violations.Add(message.Text);
            }
        };
        var driver = new SelfCheckDriver(page, Personas.NoRisk());
        await driver.StartAsync();
        await driver.CompleteAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your result", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a check-in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pain and running over time" })).ToBeVisibleAsync();

        Assert.Empty(violations);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("en-US")]
    public async Task DarkMode_FollowsTheSystem_AndStaysAccessible(string edition)
    {
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, ColorScheme = ColorScheme.Dark, ViewportSize = new() { Width = 390, Height = 844 }, Locale = edition });
        var page = await context.NewPageAsync();
        var driver = new SelfCheckDriver(page, Personas.HipPattern(), culture: edition);
        await driver.StartAsync();
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot($"dark-step-phone-{edition}"), FullPage = true });
        await driver.CompleteAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your result", Level = 1 })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot($"dark-result-phone-{edition}"), FullPage = true });

        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(17, 25, 29)", background);
        var result = await page.ScanAxeAsync(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        Assert.Empty(result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id));
        await context.CloseAsync();
    }
}
