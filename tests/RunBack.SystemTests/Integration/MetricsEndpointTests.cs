using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using RunBack.Web.Tests.Infrastructure;
using RunBack.Web.Tests.RealFaults;
using Xunit.Abstractions;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// The built app in its own process with <c>Telemetry:MetricsPort</c> set: <c>/metrics</c> (Prometheus text) answers on
/// that loopback port only, with RunBack's own meter (saves by outcome, check-ins by tier); the public port answers 404
/// for it, the metrics port nothing else; and no answer (id or value) ever appears in the scrape.
/// </summary>
public sealed partial class MetricsEndpointTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AfterSaves_MetricsPortShowsSavesAndTiers_PublicPort404_NoAnswerInTheScrape()
    {
        var folder = FaultMachine.NewTempFolder("metrics");
        var metricsPort = FreeLoopbackPort();
        try
        {
            await using var app = await AppProcess.StartAsync(Path.Combine(folder, "runback.db"), new Dictionary<string, string>
            {
                ["Telemetry__MetricsPort"] = metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            Assert.NotEqual(metricsPort, app.BaseAddress.Port);
            using var runner = app.CreateClient();
            using var other = app.CreateClient();
            await CheckInClient.SaveOkAsync(runner, Answers.NoRisk(AppClock.Today), date: AppClock.Today);
            await CheckInClient.SaveOkAsync(other, Personas.RedFlag().ToJson(AppClock.Today), date: AppClock.Today);

            using var scraper = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}"), Timeout = TimeSpan.FromSeconds(30) };
            var scrape = "";
            var until = DateTime.UtcNow.AddSeconds(40);
            while (!(SavedCount().IsMatch(scrape) && Tier("self_care").IsMatch(scrape) && Tier("emergency").IsMatch(scrape)))
            {
                Assert.True(DateTime.UtcNow < until, "The scrape never showed the two saves and their tiers:\n" + scrape);
                await Task.Delay(200);
                var response = await scraper.GetAsync("/metrics");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                scrape = await response.Content.ReadAsStringAsync();
            }
            Assert.Contains("runback_checkin_save_duration_seconds_bucket", scrape, StringComparison.Ordinal);
            Assert.Contains("http_server_request_duration_seconds", scrape, StringComparison.Ordinal); // ASP.NET Core's own
            Assert.Contains("dotnet_", scrape, StringComparison.Ordinal); // the runtime's

            // No answer: neither a question id nor a word answer of either runner appears anywhere in the scrape (short
            // common words such as "no" or "none" are left out: they occur in ASP.NET Core's own labels).
            var answerWords = Personas.RedFlag().Concat(Personas.NoRisk())
                .SelectMany(a => new[] { a.Key }.Concat(a.Value is string s ? [s] : a.Value is string[] many ? many : []))
                .Where(word => word.Length >= 6 || word.Contains('_', StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal).ToList();
            Assert.Contains("saddle_numbness", answerWords);
            Assert.All(answerWords, word => Assert.DoesNotContain(word, scrape, StringComparison.Ordinal));

            // Off the public surface: the public port answers 404 for /metrics; the metrics port serves nothing else.
            Assert.Equal(HttpStatusCode.NotFound, (await runner.GetAsync("/metrics")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await scraper.GetAsync("/")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await scraper.GetAsync("/history")).StatusCode);
            output.WriteLine(string.Join('\n', scrape.Split('\n').Where(l => l.StartsWith("runback_checkin", StringComparison.Ordinal))));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("Telemetry__MetricsPort", "70000", "Telemetry:MetricsPort must be a port number")]
    [InlineData("Telemetry__MetricsPort", "metrics", "Telemetry:MetricsPort must be a port number")]
    [InlineData("Telemetry__OtlpEndpoint", "collector:4317", "Telemetry:OtlpEndpoint must be an http:// or https:// address")]
    public async Task BadTelemetrySetting_RefusesToStart_InOneLine(string key, string value, string message)
    {
        var folder = FaultMachine.NewTempFolder("metrics-refused");
        try
        {
            var (exitCode, _, error) = await AppProcess.RunCommandAsync(Path.Combine(folder, "runback.db"), [],
                new Dictionary<string, string> { [key] = value });
            Assert.Equal(1, exitCode);
            Assert.Contains("RunBack cannot start: " + message, error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal); // no stack trace
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Regex Tier(string tier) => new($@"^runback_checkins_by_tier_total\{{[^}}]*tier=""{tier}""[^}}]*\}} 1( |$)", RegexOptions.Multiline);

    [GeneratedRegex(@"^runback_checkin_saves_total\{[^}]*outcome=""Saved""[^}]*\} 2( |$)", RegexOptions.Multiline)]
    private static partial Regex SavedCount();
}
