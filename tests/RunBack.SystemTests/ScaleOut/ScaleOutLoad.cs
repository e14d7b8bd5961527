using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.ScaleOut;

/// <summary>
/// Load through the gateway while a fault happens: saving clients (each save with its own idempotency key; a redirect
/// to the history is an acknowledged save) and returning runners with a profile reading the pages that need it and the
/// content pages that must not. Every answer is judged as it arrives: a 5xx other than 503, a 503 that is not the
/// styled page, an empty page, a content page that fails, or no answer at all is a problem, kept with what it was.
/// </summary>
internal sealed partial class ScaleOutLoad : IAsyncDisposable
{
    /// <summary>Pages that never need the database: they answer 200 through a database outage.</summary>
    private static readonly string[] ContentPages = ["/about", "/check", "/api/questionnaire"];

    /// <summary>What a returning runner opens: the home page, the history, the quick check-in, the questionnaire API, content.</summary>
    private static readonly string[] RunnerPages = ["/", "/history", "/check-in/quick", "/api/questionnaire", "/about", "/check"];

    private readonly Uri _gateway;
    private readonly string _release;
    private readonly ConcurrentDictionary<Guid, Guid> _acknowledged = new();
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _clients = [];
    private int _refusedSaves;

    private ScaleOutLoad(Uri gateway, string release)
    {
        _gateway = gateway;
        _release = release;
    }

    /// <summary>Acknowledged saves: idempotency key to the check-in id the app redirected to.</summary>
    public IReadOnlyDictionary<Guid, Guid> Acknowledged => _acknowledged;

    public IReadOnlyCollection<string> Problems => _problems;

    /// <summary>Saves answered with the styled 503 (refused, what was typed kept): not acknowledged, so not expected stored.</summary>
    public int RefusedSaves => _refusedSaves;

    /// <summary>Responses by status code, every client together.</summary>
    public IReadOnlyDictionary<int, int> Statuses => _statuses;

    public int ServerErrors => _statuses.Where(s => s.Key >= 500).Sum(s => s.Value);

    public DateTime? LastAcknowledgedAt { get; private set; }

    /// <summary>Starts <paramref name="savers"/> saving clients and <paramref name="runners"/> returning runners (each saves once first, so has a profile).</summary>
    public static async Task<ScaleOutLoad> StartAsync(Uri gateway, int savers, int runners)
    {
        using var probe = NewClient(gateway);
        var release = JsonNode.Parse(await probe.GetStringAsync("/api/questionnaire"))!["release"]!.GetValue<string>();
        var load = new ScaleOutLoad(gateway, release);
        var profiles = new List<HttpClient>();
        for (var i = 0; i < runners; i++)
        {
            var runner = NewClient(gateway);
            Assert.True(await load.SaveOnceAsync(runner), "a returning runner's first save (made before any fault) was not acknowledged: " + string.Join('\n', load.Problems));
            profiles.Add(runner);
        }
        for (var i = 0; i < savers; i++)
        {
            var saver = NewClient(gateway);
            load._clients.Add(Task.Run(() => load.SaveLoopAsync(saver)));
        }
        foreach (var runner in profiles)
        {
            load._clients.Add(Task.Run(() => load.ReadLoopAsync(runner)));
        }
        return load;
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_clients);
    }

    /// <summary>Stops the clients when a test ends early (a failed poll), so none is left running.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private static HttpClient NewClient(Uri gateway) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = gateway,
            Timeout = TimeSpan.FromSeconds(30),
        };

    private async Task SaveLoopAsync(HttpClient client)
    {
        using (client)
        {
            while (!_stop.IsCancellationRequested)
            {
                await SaveOnceAsync(client);
            }
        }
    }

    private async Task ReadLoopAsync(HttpClient client)
    {
        using (client)
        {
            while (!_stop.IsCancellationRequested)
            {
                foreach (var path in RunnerPages)
                {
                    await GetAsync(client, path);
                }
            }
        }
    }

    /// <summary>A save as the browser makes it: the form page for its token, then the post. True when acknowledged.</summary>
    private async Task<bool> SaveOnceAsync(HttpClient client)
    {
        var form = await GetAsync(client, "/forget");
        if (form is null || TokenPattern().Match(form) is not { Success: true } token)
        {
            return false;
        }
        var key = Guid.NewGuid();
        var answers = Answers.NoRisk(AppClock.Today);
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["answers"] = answers.ToJsonString(),
            ["release"] = _release,
            ["date"] = AppClock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["key"] = key.ToString(),
        };
        var (status, body, location) = await SendAsync(() => client.PostAsync("/check-ins", new FormUrlEncodedContent(fields)), "POST /check-ins");
        if (status == HttpStatusCode.Redirect && location is { } to && to.StartsWith("/history?saved=", StringComparison.Ordinal))
        {
            _acknowledged[key] = Guid.Parse(to["/history?saved=".Length..]);
            LastAcknowledgedAt = DateTime.UtcNow;
            return true;
        }
        if (status == HttpStatusCode.ServiceUnavailable && body is not null)
        {
            if (!body.Contains("<main", StringComparison.Ordinal) || !body.Contains("We could not save your check-in just now", StringComparison.Ordinal))
            {
                Problem("POST /check-ins", status, "a 503 that is not the styled save page", body);
            }
            Interlocked.Increment(ref _refusedSaves);
            return false;
        }
        if (status is not null && body is not null)
        {
            Problem("POST /check-ins", status, "neither acknowledged nor refused with the styled 503", body);
        }
        return false;
    }

    /// <summary>GETs a page and judges the answer; returns its body when it was a 200.</summary>
    private async Task<string?> GetAsync(HttpClient client, string path)
    {
        var (status, body, _) = await SendAsync(() => client.GetAsync(path), "GET " + path);
        if (status is null || body is null)
        {
            return null;
        }
        if (status == HttpStatusCode.OK)
        {
            if (body.Length == 0)
            {
                Problem("GET " + path, status, "an empty page", body);
                return null;
            }
            return body;
        }
        if (ContentPages.Contains(path))
        {
            Problem("GET " + path, status, "a content page that did not work", body);
        }
        else if (status != HttpStatusCode.ServiceUnavailable)
        {
            Problem("GET " + path, status, "neither the page nor the styled 503", body);
        }
        else if (!body.Contains("<main", StringComparison.Ordinal) || !body.Contains("storage on our side is not available", StringComparison.Ordinal))
        {
            Problem("GET " + path, status, "a 503 that is not the styled page", body);
        }
        return null;
    }

    private async Task<(HttpStatusCode? Status, string? Body, string? Location)> SendAsync(Func<Task<HttpResponseMessage>> send, string what)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await send();
            var body = await response.Content.ReadAsStringAsync();
            _statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            return (response.StatusCode, body, response.Headers.Location?.OriginalString);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            _problems.Enqueue($"{what}: no answer after {watch.Elapsed.TotalSeconds:0.0} s ({ex.GetType().Name}: {ex.Message})");
            return (null, null, null);
        }
    }

    private void Problem(string what, HttpStatusCode? status, string why, string body)
    {
        var main = body.IndexOf("<main", StringComparison.Ordinal);
        var excerpt = main >= 0 ? body[main..] : body;
        _problems.Enqueue($"{what} -> {(int?)status}: {why}: {excerpt[..Math.Min(300, excerpt.Length)]}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"(?: type=\"hidden\")? value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
