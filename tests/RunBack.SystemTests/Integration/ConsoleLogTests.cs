using System.Net;
using System.Text.Json.Nodes;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// The console log is written on a background thread (Serilog's Async sink wraps every configured sink), so a request
/// never waits for the console; what it writes still holds no answers, scores, codes, secrets or ids.
/// </summary>
public sealed class ConsoleLogTests
{
    [Fact]
    public void AppSettings_EverySinkWrappedInAsync()
    {
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "RunBack.Web", "appsettings.json")))!;
        var sinks = settings["Serilog"]!["WriteTo"]!.AsArray();

        Assert.NotEmpty(sinks);
        Assert.All(sinks, sink => Assert.Equal("Async", sink!["Name"]!.GetValue<string>()));
        Assert.Contains(sinks, sink => sink!["Args"]!["configure"]!.AsArray().Any(inner => inner!["Name"]!.GetValue<string>() == "Console"));
    }

    [Fact]
    public async Task ConsoleOfTheBuiltApp_LogsRequests_WithoutPersonalData()
    {
        var folder = Path.Combine(Path.GetTempPath(), "runback-log-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using var app = await AppProcess.StartAsync(Path.Combine(folder, "runback.db"));
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
            // The app runs on the real clock here, not the test factory's fake one.
            var today = AppClock.Today;
            var answers = Personas.RedFlag().ToJson(today).With("distance_week_1", 123.25).With("shoe_distance", 4321).With("back_pain", 9);
            var save = await CheckInClient.SaveAsync(client, answers, date: today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
            var id = save.Headers.Location!.ToString()["/history?saved=".Length..];
            await client.GetStringAsync("/history");

            var until = DateTime.UtcNow.AddSeconds(30);
            while (!app.Output.Contains("HTTP GET /history responded 200", StringComparison.Ordinal) && DateTime.UtcNow < until)
            {
                await Task.Delay(100);
            }
            var output = app.Output;
            Assert.Contains("HTTP POST /check-ins responded 302", output, StringComparison.Ordinal);
            Assert.Contains("HTTP GET /history responded 200", output, StringComparison.Ordinal);
            foreach (var forbidden in new[] { "123.25", "4321", "saddle_numbness", "back_pain", id, answers.ToJsonString() })
            {
                Assert.DoesNotContain(forbidden, output, StringComparison.OrdinalIgnoreCase);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
