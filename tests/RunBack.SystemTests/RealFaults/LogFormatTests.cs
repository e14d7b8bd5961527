using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using RunBack.Web.Tests.Infrastructure;
using RunBack.Web.Tests.Integration;
using Xunit.Abstractions;

namespace RunBack.Web.Tests.RealFaults;

/// <summary>
/// The built app's console log: every line has a full timestamp; a request's lines carry its trace id, which its error
/// page shows as a reference a runner can quote; compact JSON is one setting away (the Console sink's formatter).
/// </summary>
[Collection(RealFaultGroup.Name)]
public sealed partial class LogFormatTests(ITestOutputHelper output)
{
    [Fact]
    public async Task StyledOutagePage_ShowsTheTraceIdOfItsLogLine_EveryLineTimestamped()
    {
        // PostgreSQL of the test's own, stopped: a returning runner's history answers the styled 503.
        using var cluster = PostgresCluster.StartPrivate();
        var connectionString = cluster.CreateDatabase("runback_trace");
        await using var app = await AppProcess.StartAsync("unused.db", new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__RunBack"] = connectionString,
        });
        using var runner = app.CreateClient();
        await CheckInClient.SaveOkAsync(runner, Answers.NoRisk(AppClock.Today), date: AppClock.Today);
        cluster.StopServer("fast");
        var response = await runner.GetAsync("/history");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var reference = Reference().Match(html);
        Assert.True(reference.Success, "The styled 503 shows no reference: " + html[html.IndexOf("<main", StringComparison.Ordinal)..]);
        var traceId = reference.Groups[1].Value;

        await PollAsync(() => app.Output.Split('\n').Any(l => l.Contains("HTTP GET /history responded 503", StringComparison.Ordinal)), "the 503 logged");
        var line = app.Output.Split('\n').Single(l => l.Contains("HTTP GET /history responded 503", StringComparison.Ordinal));
        Assert.Contains("trace=" + traceId, line, StringComparison.Ordinal);
        Assert.All(app.Output.Split('\n').Where(l => l.StartsWith('[')), l => Assert.Matches(Timestamped(), l));
        output.WriteLine(line.Trim());
    }

    [Fact]
    public async Task CompactJson_OneSetting_EveryLineJsonWithTimestamp_RequestLinesWithTraceId()
    {
        var folder = FaultMachine.NewTempFolder("json-log");
        try
        {
            await using var app = await AppProcess.StartAsync(Path.Combine(folder, "runback.db"), new Dictionary<string, string>
            {
                ["Serilog__WriteTo__0__Args__configure__0__Args__formatter"] = "Serilog.Formatting.Compact.CompactJsonFormatter, Serilog.Formatting.Compact",
            });
            using var client = app.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/about")).StatusCode);
            await PollAsync(() => app.Output.Contains("/about", StringComparison.Ordinal), "the /about request logged");

            var lines = app.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(l => !l.StartsWith("Now listening", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(lines);
            var events = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.All(events, e => Assert.True(e.TryGetProperty("@t", out _), "a line without a timestamp: " + e));
            var request = events.Single(e => e.TryGetProperty("RoutePattern", out var route) && route.GetString() == "/about");
            Assert.Matches("^[0-9a-f]{32}$", request.GetProperty("@tr").GetString());
            output.WriteLine(lines.First(l => l.Contains("/about", StringComparison.Ordinal)));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [GeneratedRegex("quote this reference: <code>([0-9a-f]{32})</code>")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} [+-]\d{2}:\d{2} [A-Z]{3}\] ")]
    private static partial Regex Timestamped();

    private static async Task PollAsync(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(40);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Not reached within 40 s: {what}");
            await Task.Delay(100);
        }
    }
}
