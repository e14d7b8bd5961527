using System.Net;
using System.Text;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>Hostile or careless clients: rate limits, oversize bodies, and what reaches the logs.</summary>
public sealed class AbuseTests
{
    [Fact]
    public async Task RecoveryCodeGuessing_RateLimitedWithFriendlyPage()
    {
        await using var factory = new RunBackFactory();
        factory.Settings["RateLimits:RecoveryPerMinute"] = "3";
        var client = factory.CreateBrowserLikeClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var response = await CheckInClient.PostFormAsync(client, "/recover", new() { ["code"] = "0000-0000-0000-0000-0000-0000-0000" }, "/recover");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("Too many tries in a short time", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                Assert.Equal("60", response.Headers.GetValues("Retry-After").Single());
            }
        }

        // A wrong code re-shows the recovery page (400, the typed code kept) until the limit answers 429.
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task ExportHammering_RateLimited()
    {
        await using var factory = new RunBackFactory();
        factory.Settings["RateLimits:ExportPerMinute"] = "2";
        var client = factory.CreateBrowserLikeClient();
        await CheckInClient.SaveOkAsync(client, Answers.NoRisk());

        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            codes.Add((await client.GetAsync("/history/export.csv")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], codes);
    }

    [Fact]
    public async Task RecoveryGuessing_MadeUpProfileCookies_StillOneBucketPerAddress()
    {
        await using var factory = new RunBackFactory();
        factory.Settings["RateLimits:RecoveryPerMinute"] = "3";
        var attacker = factory.CreateBrowserLikeClient("203.0.113.7");
        var token = await Html.AntiforgeryTokenAsync(attacker, "/recover");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/recover")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["code"] = "0000-0000-0000-0000-0000-0000-0000" }),
            };
            // A fresh, well-formed but unknown profile cookie each time (the bypass the audit found).
            request.Headers.Add("Cookie", "__Host-rb_profile=" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'));
            statuses.Add((await attacker.SendAsync(request)).StatusCode);
        }
        var neighbour = factory.CreateBrowserLikeClient("198.51.100.20");
        var other = await CheckInClient.PostFormAsync(neighbour, "/recover", new() { ["code"] = "0000-0000-0000-0000-0000-0000-0000" }, "/recover");

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
    }

    [Fact]
    public async Task Exports_VerifiedProfilesBehindOneAddress_EachHaveTheirOwnBucket()
    {
        await using var factory = new RunBackFactory();
        factory.Settings["RateLimits:ExportPerMinute"] = "2";
        var first = factory.CreateBrowserLikeClient("192.0.2.1");
        var second = factory.CreateBrowserLikeClient("192.0.2.1");
        await CheckInClient.SaveOkAsync(first, Answers.NoRisk());
        await CheckInClient.SaveOkAsync(second, Answers.NoRisk());
        // Profiles younger than RateLimits:YoungProfileMinutes count against their address (ProfileLimitTests): these are older.
        factory.Clock.Advance(TimeSpan.FromMinutes(61));

        var codes = new List<HttpStatusCode>();
        foreach (var client in new[] { first, first, first, second, second })
        {
            codes.Add((await client.GetAsync("/history/export.csv")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK, HttpStatusCode.OK], codes);
    }

    [Fact]
    public async Task OversizeFormPost_RefusedPolitely()
    {
        await using var factory = new RunBackFactory();
        var client = factory.CreateBrowserLikeClient();
        var token = await Html.AntiforgeryTokenAsync(client, "/forget");

        var response = await client.PostAsync("/check-ins", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["answers"] = new string('x', 40_000),
            ["key"] = Guid.NewGuid().ToString(),
        }));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"Got {response.StatusCode}");
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_HoldNoAnswersScoresCodesSecretsOrIds()
    {
        await using var factory = new RunBackFactory();
        var client = factory.CreateBrowserLikeClient();
        // Distinctive values, so that any trace of them in the logs is found.
        var answers = Answers.RedFlag().With("distance_week_1", 123.25).With("shoe_distance", 4321).With("sitting_hours", 7.75)
            .With("back_pain", 9).With("hip_pain", 8);

        await client.PostAsync("/api/assessments", new StringContent($"{{\"answers\": {answers.ToJsonString()}}}", Encoding.UTF8, "application/json"));
        var save = await CheckInClient.SaveAsync(client, answers);
        var id = save.Headers.Location!.ToString()["/history?saved=".Length..];
        var secret = save.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("__Host-rb_profile=", StringComparison.Ordinal)).Split(';')[0]["__Host-rb_profile=".Length..];
        var history = await client.GetStringAsync("/history");
        var code = System.Text.RegularExpressions.Regex.Match(history, "<code>([0-9A-Z-]{34})</code>").Groups[1].Value;
        await client.GetAsync($"/summary/{id}");
        await client.GetAsync("/history/export.json");
        await CheckInClient.PostFormAsync(client, "/recover", new() { ["code"] = code }, "/recover");
        await CheckInClient.PostFormAsync(client, $"/check-ins/{id}/delete");

        var logs = factory.Logs.AllText();
        Assert.NotEmpty(factory.Logs.Events);
        Assert.Contains("RoutePattern=\"/check-ins\" StatusCode=302", logs, StringComparison.Ordinal);
        Assert.NotEmpty(code);
        foreach (var forbidden in new[] { "saddle_numbness", "back_pain", "hip_pain", secret, code, code.Replace("-", "", StringComparison.Ordinal), id, answers.ToJsonString() })
        {
            Assert.DoesNotContain(forbidden, logs, StringComparison.OrdinalIgnoreCase);
        }
        // The planted numbers as numbers of their own: inside another one they are chance, not a leak (CI once found
        // "4321" in "Elapsed=13.432108"; a trace id's hex digits can hold them too).
        foreach (var number in new[] { "123.25", "4321", "7.75" })
        {
            var leaked = System.Text.RegularExpressions.Regex.Match(logs, $@"(?<![\w.]){System.Text.RegularExpressions.Regex.Escape(number)}(?!\d)");
            Assert.False(leaked.Success, $"The logs hold {number}: ...{(leaked.Success ? logs.Substring(Math.Max(0, leaked.Index - 80), Math.Min(160, logs.Length - Math.Max(0, leaked.Index - 80))) : "")}...");
        }
    }
}
