using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace RunBack.LoadHarness;

/// <summary>
/// What a runner's history costs as it grows: for each of <see cref="HarnessOptions.HistorySizes"/> (20, 1,000 and
/// 5,000 check-ins in the full run) one profile with that many check-ins, saved through the real form, then /history
/// and the CSV export asked for one at a time: the bytes sent and the median time of a few requests, and the app's
/// peak resident memory during one export above what it held just before (the kernel's VmHWM, reset before it).
/// Budget (issue 28): the page stays within 60 KB and 1.5x the first (smallest) profile's time, whatever the length.
/// </summary>
internal static class History
{
    private const int Requests = 5;

    public static async Task RunAsync(AppUnderTest app, HarnessOptions options, Table table)
    {
        using var probe = new HttpClient { BaseAddress = new Uri(app.Url) };
        var release = JsonNode.Parse(await probe.GetStringAsync("/api/questionnaire"))!["release"]!.GetValue<string>();
        double? firstPageMs = null;
        foreach (var size in options.HistorySizes)
        {
            var cookies = new CookieContainer();
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Url) };
            var saving = Stopwatch.StartNew();
            var cookie = await Pages.SaveHistoryAsync(client, cookies, app, release, size);
            Console.WriteLine($"  {size} check-ins saved in {saving.Elapsed.TotalSeconds:F1} s");

            var (pageBytes, pageMs) = await MeasureAsync(app.Url, "/history", cookie);
            var (csvBytes, csvMs) = await MeasureAsync(app.Url, "/history/export.csv", cookie);
            var csvLines = await CountCsvRowsAsync(app.Url, cookie);
            if (csvLines != size)
            {
                throw new InvalidOperationException($"The CSV export of a {size}-check-in profile has {csvLines} rows.");
            }

            app.ResetPeakResident();
            var (before, _) = app.ResidentBytes();
            await FetchAsync(app.Url, "/history/export.csv", cookie);
            var (_, peak) = app.ResidentBytes();

            firstPageMs ??= pageMs;
            var ratio = pageMs / firstPageMs.Value;
            var withinBudget = pageBytes <= 60 * 1024 && ratio <= 1.5;
            table.Add($"/history, {size} check-ins",
                string.Create(Table.Invariant, $"{pageBytes / 1024.0:F1} KB, median {pageMs:F1} ms ({ratio:F2}x the {options.HistorySizes[0]}-check-in time)"),
                "<= 60 KB, <= 1.5x", withinBudget);
            table.Add($"/history/export.csv, {size} check-ins",
                string.Create(Table.Invariant, $"{csvBytes / 1024.0:F1} KB, median {csvMs:F1} ms; peak resident during one export +{Math.Max(0, peak - before) / 1024.0 / 1024.0:F1} MB"),
                "(reported)", null);
        }
    }

    /// <summary>The page's bytes and the median time of <see cref="Requests"/> requests, after one to warm up.</summary>
    private static async Task<(long Bytes, double MedianMs)> MeasureAsync(string baseUrl, string path, string cookie)
    {
        var bytes = (await FetchAsync(baseUrl, path, cookie)).LongLength;
        var times = new List<double>();
        for (var i = 0; i < Requests; i++)
        {
            var watch = Stopwatch.StartNew();
            await FetchAsync(baseUrl, path, cookie);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (bytes, times[times.Count / 2]);
    }

    private static async Task<int> CountCsvRowsAsync(string baseUrl, string cookie)
    {
        var text = System.Text.Encoding.UTF8.GetString(await FetchAsync(baseUrl, "/history/export.csv", cookie));
        // The header line, then one line per check-in.
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
    }

    private static async Task<byte[]> FetchAsync(string baseUrl, string path, string cookie)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }
}
