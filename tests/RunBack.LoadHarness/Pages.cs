using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RunBack.LoadHarness;

/// <summary>
/// Requests/s and p50/p99 with wrk for home, About, an article, the history of a profile with 20 check-ins and the
/// static file closest in size to those pages, one after another at the same concurrency. The static file is measured
/// twice, as wrk asks by default (no Accept-Encoding: the file's full bytes) and as a browser asks (Accept-Encoding:
/// br, gzip: its precompressed copy), and the content pages' caching state is read from their headers, so a reader
/// can tell what "N % of static" compares.
/// </summary>
internal static partial class Pages
{
    private static readonly string[] StaticCandidates = ["/app.css", "/result.css", "/history.css", "/summary.css", "/print.css", "/favicon.svg", "/js/selfcheck.js"];

    public static async Task RunAsync(AppUnderTest app, HarnessOptions options, Table table)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        { BaseAddress = new Uri(app.Url) };
        var release = JsonNode.Parse(await client.GetStringAsync("/api/questionnaire"))!["release"]!.GetValue<string>();
        var article = $"/guidance/{release}/training-load";
        var profileCookie = await SaveHistoryAsync(client, cookies, app, release, 20);

        var pages = new List<(string Name, string Path, string? Cookie)>
        {
            ("/", "/", null), ("/about", "/about", null), ("article", article, null), ("/history (20 check-ins)", "/history", profileCookie),
        };
        var sizes = new List<long>();
        foreach (var (_, path, cookie) in pages)
        {
            sizes.Add((await Fetch(app.Url, path, cookie)).LongLength);
        }
        var average = (long)sizes.Average();
        var staticSizes = new List<(string Path, long Size)>();
        foreach (var path in StaticCandidates)
        {
            staticSizes.Add((path, (await Fetch(app.Url, path, null)).LongLength));
        }
        var staticFile = staticSizes.MinBy(s => Math.Abs(s.Size - average));

        var staticResult = await WrkAsync(app, app.Url + staticFile.Path, null, options);
        var compressed = await FetchCompressedAsync(app.Url, staticFile.Path);
        var staticCompressed = await WrkAsync(app, app.Url + staticFile.Path, null, options, ["-H", "Accept-Encoding: br, gzip"]);
        foreach (var (name, path) in new[] { ("/", "/"), ("article", article) })
        {
            table.Note($"{name}: caching state", await CachingStateAsync(app.Url, path));
        }
        for (var i = 0; i < pages.Count; i++)
        {
            var (name, path, cookie) = pages[i];
            var result = await WrkAsync(app, app.Url + path, cookie, options);
            var ratio = result.RequestsPerSecond / staticResult.RequestsPerSecond;
            table.Add($"{name} ({sizes[i] / 1024.0:F1} KB)",
                string.Create(Table.Invariant, $"{result.RequestsPerSecond:F0} req/s = {ratio:P0}; p50 {result.P50} p99 {result.P99}; {result.CpuMicrosecondsPerRequest:F0} us CPU"),
                ">= 50 % of static req/s", ratio >= 0.5);
        }
        table.Add($"static {staticFile.Path} ({staticFile.Size / 1024.0:F1} KB)",
            string.Create(Table.Invariant, $"{staticResult.RequestsPerSecond:F0} req/s; p50 {staticResult.P50} p99 {staticResult.P99}; {staticResult.CpuMicrosecondsPerRequest:F0} us CPU"), "(the 100 %; no Accept-Encoding)", null);
        table.Add($"static {staticFile.Path} with Accept-Encoding: br, gzip ({compressed.Encoding}, {compressed.Bytes / 1024.0:F1} KB sent)",
            string.Create(Table.Invariant, $"{staticCompressed.RequestsPerSecond:F0} req/s = {staticCompressed.RequestsPerSecond / staticResult.RequestsPerSecond:P0} of the uncompressed figure; p50 {staticCompressed.P50} p99 {staticCompressed.P99}; {staticCompressed.CpuMicrosecondsPerRequest:F0} us CPU"),
            "(reported)", null);
    }

    /// <summary>The static file as a browser asks for it: the encoding the app chose and the bytes it sent.</summary>
    private static async Task<(string Encoding, long Bytes)> FetchCompressedAsync(string baseUrl, string path)
    {
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = new Uri(baseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Accept-Encoding", "br, gzip");
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var encoding = response.Content.Headers.ContentEncoding.FirstOrDefault() ?? "not compressed";
        return (encoding, bytes.LongLength);
    }

    /// <summary>
    /// A content page asked for twice by a runner with no profile: whether the second answer came from the output
    /// cache (the middleware adds an Age header to a cached answer), the Cache-Control the browser gets, and whether
    /// the page is compressed for a browser that accepts it.
    /// </summary>
    private static async Task<string> CachingStateAsync(string baseUrl, string path)
    {
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = new Uri(baseUrl) };
        async Task<HttpResponseMessage> Get()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Accept-Encoding", "br, gzip");
            var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
            return response;
        }
        (await Get()).Dispose();
        using var second = await Get();
        var cached = second.Headers.Age is { } age ? $"served from the output cache (Age {age.TotalSeconds:F0} s)" : "NOT served from the output cache (no Age header)";
        var cacheControl = second.Headers.CacheControl?.ToString() is { Length: > 0 } cc ? cc : "none";
        var encoding = second.Content.Headers.ContentEncoding.FirstOrDefault() ?? "not compressed";
        return $"{cached}; browser Cache-Control: {cacheControl}; with Accept-Encoding: br, gzip: {encoding}";
    }

    /// <summary>
    /// Saves <paramref name="count"/> check-ins over the last week (the furthest back a check-in can be dated) through
    /// the real form; returns the profile cookie. The first save makes the profile; the rest go a few at a time.
    /// </summary>
    internal static async Task<string> SaveHistoryAsync(HttpClient client, CookieContainer cookies, AppUnderTest app, string release, int count)
    {
        var today = AppClock.Today;
        var token = await Saves.TokenAsync(client);
        async Task SaveAsync(int i)
        {
            var day = today.AddDays(-(i % 7));
            using var response = await Saves.PostAsync(client, token, Personas.HipPattern().ToJson(day).ToJsonString(), release, day, Guid.NewGuid());
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Saving the history failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
        await SaveAsync(count - 1);
        using var gate = new SemaphoreSlim(8);
        await Task.WhenAll(Enumerable.Range(0, count - 1).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                await SaveAsync(i);
            }
            finally
            {
                gate.Release();
            }
        }));
        var cookie = cookies.GetCookies(new Uri(app.Url)).Single(c => c.Name == "rb_profile");
        return $"{cookie.Name}={cookie.Value}";
    }

    private static async Task<byte[]> Fetch(string baseUrl, string path, string? cookie)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    internal sealed record WrkResult(double RequestsPerSecond, string P50, string P99, double CpuMicrosecondsPerRequest);

    private static async Task<WrkResult> WrkAsync(AppUnderTest app, string url, string? cookie, HarnessOptions options, string[]? extraHeaders = null)
    {
        string[] header = [.. cookie is null ? Array.Empty<string>() : ["-H", "Cookie: " + cookie], .. extraHeaders ?? []];
        // A short warm-up (JIT, caches), then the measured run.
        if (options.WarmupSeconds > 0)
        {
            await Processes.RunAsync("wrk", ["-t2", "-c" + options.Connections, "-d" + options.WarmupSeconds + "s", .. header, url]);
        }
        var cpuBefore = app.CpuTime();
        var (exit, output) = await Processes.RunAsync("wrk", ["-t2", "-c" + options.Connections, "-d" + options.PageSeconds + "s", "--latency", .. header, url]);
        var cpu = app.CpuTime() - cpuBefore;
        var rps = RequestsPerSecond().Match(output);
        if (exit != 0 || !rps.Success)
        {
            throw new InvalidOperationException("wrk failed:\n" + output);
        }
        var non2xx = Non2xx().Match(output);
        if (non2xx.Success)
        {
            throw new InvalidOperationException($"wrk got {non2xx.Groups[1].Value} answers other than 2xx/3xx from {url}:\n{output}");
        }
        var requests = long.Parse(Requests().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        return new WrkResult(double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture),
            Percentile(output, "50%"), Percentile(output, "99%"), cpu.TotalMicroseconds / Math.Max(1, requests));
    }

    private static string Percentile(string output, string which) =>
        Regex.Match(output, @"^\s+" + Regex.Escape(which) + @"\s+(\S+)", RegexOptions.Multiline).Groups[1].Value;

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();
}
