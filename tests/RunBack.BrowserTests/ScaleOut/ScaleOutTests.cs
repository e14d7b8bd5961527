using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace RunBack.BrowserTests.ScaleOut;

/// <summary>Two app instances on PostgreSQL behind the sticky gateway: shared keys, shared data, a failed instance.</summary>
public sealed partial class ScaleOutTests(ScaleOutFixture env, ITestOutputHelper output) : IClassFixture<ScaleOutFixture>
{
    [GeneratedRegex("[0-9A-Z]{4}(?:-[0-9A-Z]{4}){6}")]
    private static partial Regex RecoveryCode();

    [Fact]
    public async Task TwoInstancesBehindTheGateway_ShareProfilesKeysAndSurviveAKilledInstance()
    {
        // A recovery code made on one instance opens the history on the other; forget-me on one is seen by both.
        var phone = await env.NewPageAsync(env.App1.Url);
        await SaveSelfCheckAsync(phone);
        var code = RecoveryCode().Match(await phone.Locator("code").First.InnerTextAsync()).Value;
        Assert.NotEmpty(code);
        var laptop = await env.NewPageAsync(env.App2.Url);
        await laptop.GotoAsync("/recover");
        await laptop.GetByLabel("Recovery code").FillAsync(code);
        await laptop.GetByRole(AriaRole.Button, new() { Name = "Open my history" }).ClickAsync();
        await Assertions.Expect(laptop.GetByRole(AriaRole.Heading, new() { Name = "Pain and running over time" })).ToBeVisibleAsync();
        await laptop.GotoAsync("/forget");
        await laptop.GetByRole(AriaRole.Checkbox).CheckAsync();
        await laptop.GetByRole(AriaRole.Button, new() { Name = "Delete everything" }).ClickAsync();
        await phone.GotoAsync("/history");
        await Assertions.Expect(phone.GetByText("There is no history on this browser yet.")).ToBeVisibleAsync();

        // Through the gateway: a runner saves and opens the history, then starts another self-check.
        var runner = await env.NewPageAsync(env.Gateway.Url);
        await SaveSelfCheckAsync(runner);
        // Measured, not asserted: 50 concurrent writers through the gateway (PostgreSQL, two instances), then against
        // one SQLite instance of its own.
        var postgres = await Throughput.MeasureAsync(env.Gateway.Url);
        var sqliteFolder = Path.Combine(Path.GetTempPath(), "runback-throughput-" + Guid.NewGuid().ToString("N"));
        (double SavesPerSecond, double P95Milliseconds, int Saved) sqlite;
        await using (var single = await ScaleOutFixture.StartSqliteInstanceAsync(Path.Combine(sqliteFolder, "runback.db")))
        {
            sqlite = await Throughput.MeasureAsync(single.Url);
        }
        Directory.Delete(sqliteFolder, recursive: true);
        output.WriteLine($"| PostgreSQL, 2 instances behind the gateway | {Throughput.Writers} | {postgres.Saved} | {postgres.SavesPerSecond:0.0} | {postgres.P95Milliseconds:0} |");
        output.WriteLine($"| SQLite, 1 instance | {Throughput.Writers} | {sqlite.Saved} | {sqlite.SavesPerSecond:0.0} | {sqlite.P95Milliseconds:0} |");
        Assert.Equal(Throughput.Writers * Throughput.SavesPerWriter, postgres.Saved);
        Assert.Equal(Throughput.Writers * Throughput.SavesPerWriter, sqlite.Saved);

        env.App1.ClearOutput();
        env.App2.ClearOutput();
        await runner.GotoAsync("/check");
        // The result is saved (it is in the history), so nothing is lost and it starts at once, without asking.
        await runner.GetByRole(AriaRole.Button, new() { Name = "Start a new self-check" }).ClickAsync();
        await Assertions.Expect(runner.GetByRole(AriaRole.Heading, new() { Name = SelfCheckDriver.Questionnaire.Sections[0].Title, Level = 2 })).ToBeVisibleAsync();
        await runner.GetByRole(AriaRole.Group, new() { Name = "Where do you feel it?" }).GetByRole(AriaRole.Checkbox, new() { Name = "Lower back" }).CheckAsync();
        await runner.GetByRole(AriaRole.Group, new() { Name = "How bad is your back pain right now?" }).GetByRole(AriaRole.Radio, new() { Name = "3", Exact = true }).CheckAsync();
        // The circuit's negotiate request names the instance that holds it.
        var holder = env.App1.Output.Contains("/_blazor/negotiate", StringComparison.Ordinal) ? env.App1 : env.App2;
        var other = holder == env.App1 ? env.App2 : env.App1;
        Assert.Contains("/_blazor/negotiate", holder.Output, StringComparison.Ordinal);
        await runner.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();
        await Assertions.Expect(runner.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();

        await holder.KillAsync();

        // The circuit is gone; the browser reconnects through the gateway to the other instance, which reads the
        // protected session storage (shared keys) and puts the runner back where they were, answers kept.
        await Assertions.Expect(runner.Locator("#q-back_pain-3")).ToBeCheckedAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(runner.Locator("#q-pain_where-lower_back")).ToBeCheckedAsync();
        Assert.True(holder.HasExited);
        Assert.False(other.HasExited);
        // The new circuit answers: Next reaches the other instance, which checks the step and asks for the missing answer.
        await runner.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();
        await Assertions.Expect(runner.GetByRole(AriaRole.Alert)).ToContainTextAsync("Hip pain now");
        await runner.GotoAsync("/history");
        Assert.Equal(1, await runner.Locator("a[href^='/history/delete/']").CountAsync());
        output.WriteLine($"Killed {holder.Url}; carried on through {other.Url}.");
    }

    private static async Task SaveSelfCheckAsync(IPage page)
    {
        var driver = new SelfCheckDriver(page, Personas.NoRisk());
        await driver.StartAsync();
        await driver.CompleteAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a check-in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pain and running over time" })).ToBeVisibleAsync();
    }
}
