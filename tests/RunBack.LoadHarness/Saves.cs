using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace RunBack.LoadHarness;

/// <summary>
/// 50 runners saving at once through the real form (antiforgery token, then the post), each save one after another;
/// every fifth save is posted twice with the same key, as a double click does. Afterwards the rows are counted:
/// every save that was answered "saved" is there exactly once. Reported with the app's CPU per save (steadier than
/// saves/s on a shared machine) and how many saves each commit carried (group commit, from the write gate's counts).
/// </summary>
internal static partial class Saves
{
    public const int Writers = 50;

    [GeneratedRegex("name=\"__RequestVerificationToken\"(?: type=\"hidden\")? value=\"([^\"]+)\"")]
    private static partial Regex Token();

    public static async Task<string> TokenAsync(HttpClient client) =>
        WebUtility.HtmlDecode(Token().Match(await client.GetStringAsync("/forget")).Groups[1].Value);

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string token, string answers, string release, DateOnly date, Guid key) =>
        client.PostAsync("/check-ins", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["answers"] = answers,
            ["release"] = release,
            ["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["key"] = key.ToString(),
        }));

    public static async Task RunAsync(AppUnderTest app, HarnessOptions options, Table table)
    {
        var today = AppClock.Today;
        var answers = Personas.NoRisk().ToJson(today).ToJsonString();
        using var probe = new HttpClient { BaseAddress = new Uri(app.Url) };
        var release = JsonNode.Parse(await probe.GetStringAsync("/api/questionnaire"))!["release"]!.GetValue<string>();

        var latencies = new ConcurrentBag<double>();
        var keys = new ConcurrentBag<Guid>();
        var errors = 0;
        // Every writer first gets its token and makes its profile, so the timed part is saves alone.
        var writers = await Task.WhenAll(Enumerable.Range(0, Writers).Select(async _ =>
        {
            var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Url) };
            var token = await TokenAsync(client);
            var key = Guid.NewGuid();
            var first = await PostAsync(client, token, answers, release, today, key);
            if (first.StatusCode != HttpStatusCode.Redirect)
            {
                Interlocked.Increment(ref errors);
            }
            keys.Add(key);
            return (client, token);
        }));
        // Then as many untimed saves as the timed part makes: the save path's code is compiled at its final tier (tiered
        // JIT recompiles a method after 30 calls, in the background) before the clock and the CPU count start.
        await Task.WhenAll(writers.Select(async writer =>
        {
            for (var i = 0; i < options.SavesPerWriter; i++)
            {
                using var response = await PostAsync(writer.client, writer.token, answers, release, today, Guid.NewGuid());
            }
        }));
        var gateBefore = await app.MemoryAsync();
        var cpuBefore = app.CpuTime();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(writers.Select(async writer =>
        {
            for (var i = 0; i < options.SavesPerWriter; i++)
            {
                var key = Guid.NewGuid();
                var posts = i % 5 == 4 ? 2 : 1;
                for (var post = 0; post < posts; post++)
                {
                    var started = Stopwatch.GetTimestamp();
                    using var response = await PostAsync(writer.client, writer.token, answers, release, today, key);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (response.StatusCode != HttpStatusCode.Redirect)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                keys.Add(key);
            }
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        var cpuPerSave = (app.CpuTime() - cpuBefore).TotalMilliseconds / latencies.Count;
        var gateAfter = await app.MemoryAsync();
        var commits = gateAfter.WriteCommits - gateBefore.WriteCommits;
        var committed = gateAfter.WriteSaves - gateBefore.WriteSaves;
        foreach (var (client, _) in writers)
        {
            client.Dispose();
        }

        var (lost, doubled) = await CountRowsAsync(app.DatabasePath, [.. keys]);
        var sorted = latencies.Order().ToList();
        double At(double p) => sorted[Math.Max(0, (int)Math.Ceiling(sorted.Count * p) - 1)];
        var perSecond = sorted.Count / elapsed;
        table.Add($"saves, {Writers} writers ({sorted.Count} posts)",
            string.Create(Table.Invariant, $"{perSecond:F0} saves/s; app CPU {cpuPerSave:F2} ms/save (= {Environment.ProcessorCount * 1000 / cpuPerSave:F0}/s on idle cores)"),
            ">= 2,000 saves/s", perSecond >= 2000);
        table.Add("save latency", string.Create(Table.Invariant, $"p50 {At(0.5):F1} ms, p95 {At(0.95):F1} ms, p99 {At(0.99):F1} ms"), "p95 <= 50 ms", At(0.95) <= 50);
        // A double click's second post finds the first row and commits nothing, so saves committed < posts.
        table.Add("group commit", string.Create(Table.Invariant,
            $"{committed} saves in {commits} commits ({(commits == 0 ? 0 : (double)committed / commits):F1} saves/commit)"), "-", null);
        table.Add("save errors / lost / doubled rows", $"{errors} / {lost} / {doubled}", "0 / 0 / 0", errors == 0 && lost == 0 && doubled == 0);
    }

    /// <summary>Reads the database file directly: how many saved keys have no row, and how many have more than one.</summary>
    private static async Task<(int Lost, int Doubled)> CountRowsAsync(string databasePath, List<Guid> keys)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT IdempotencyKey, COUNT(*) FROM check_ins GROUP BY IdempotencyKey";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                counts[reader.GetString(0)] = reader.GetInt32(1);
            }
        }
        var lost = keys.Count(k => !counts.ContainsKey(k.ToString()));
        var doubled = keys.Count(k => counts.GetValueOrDefault(k.ToString()) > 1);
        return (lost, doubled);
    }
}
