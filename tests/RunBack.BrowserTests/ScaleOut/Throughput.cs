using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RunBack.BrowserTests.ScaleOut;

/// <summary>
/// A measurement, not an asserted timing: <see cref="Writers"/> runners at once, each saving check-ins one after another
/// through the real forms (antiforgery token, then the post), reporting saves per second and the 95th percentile.
/// </summary>
internal static partial class Throughput
{
    public const int Writers = 50;
    public const int SavesPerWriter = 8;

    [GeneratedRegex("name=\"__RequestVerificationToken\"(?: type=\"hidden\")? value=\"([^\"]+)\"")]
    private static partial Regex Token();

    public static async Task<(double SavesPerSecond, double P95Milliseconds, int Saved)> MeasureAsync(string baseUrl)
    {
        var today = AppClock.Today;
        var answers = Personas.NoRisk().ToJson(today).ToJsonString();
        using var probe = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var release = JsonNode.Parse(await probe.GetStringAsync("/api/questionnaire"))!["release"]!.GetValue<string>();

        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        var saved = await Task.WhenAll(Enumerable.Range(0, Writers).Select(async _ =>
        {
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
            var token = WebUtility.HtmlDecode(Token().Match(await client.GetStringAsync("/forget")).Groups[1].Value);
            var ok = 0;
            for (var i = 0; i < SavesPerWriter; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var response = await client.PostAsync("/check-ins", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token,
                    ["answers"] = answers,
                    ["release"] = release,
                    ["date"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["key"] = Guid.NewGuid().ToString(),
                }));
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.Redirect)
                {
                    Assert.Fail($"Save refused: {(int)response.StatusCode} {Regex.Replace(await response.Content.ReadAsStringAsync(), @"\s+", " ")}");
                }
                ok++;
            }
            return ok;
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        var sorted = latencies.Order().ToList();
        return (saved.Sum() / elapsed, sorted[(int)Math.Ceiling(sorted.Count * 0.95) - 1], saved.Sum());
    }
}
