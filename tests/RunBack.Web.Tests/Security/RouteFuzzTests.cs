using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RunBack.Web.Tests.Infrastructure;
using RunBack.Web.Tests.Integration;
using Xunit.Abstractions;

namespace RunBack.Web.Tests.Security;

/// <summary>
/// The standing fuzz pass (issue 24): every route in the app's route table, so a new endpoint is covered without anyone
/// remembering to add it, gets GET and POST with malformed, oversized and wrong-typed input (route values, query
/// values, form bodies including the unreadable ones), from a stranger and from a runner with cookies and a valid
/// antiforgery token. No answer may be a 5xx, and every answer carries the security headers.
/// </summary>
public sealed class RouteFuzzTests(ITestOutputHelper output)
{
    /// <summary>Values a route parameter gets: wrong type, traversal, encoded junk, very long.</summary>
    private static readonly string[] RouteValues =
        ["not-a-guid", "00000000-0000-0000-0000-000000000000", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%C3%A9%F0%9F%8F%83", "%FF%FE", new string('9', 600), "-1"];

    /// <summary>Query strings with wrong-typed, non-ASCII, broken-encoding and oversized values for the names the app reads.</summary>
    private static readonly string[] Queries =
    [
        "",
        "?page=abc&deleted=x&saved=not-a-guid&recovered=%F0&newcode=%00&forgotten=99999999999&from=nowhere",
        "?day=someday&time=25:99&paper=%FF&return=/caf%C3%A9&error=%3Cscript%3E&x=%",
        "?return=//evil.example&return=/\\evil&culture=zz-ZZ&releaseId=../../etc&id=" + new string('a', 3000),
    ];

    [Fact]
    public async Task EveryRoute_MalformedInput_NeverA5xx_AlwaysTheSecurityHeaders()
    {
        var watch = Stopwatch.StartNew();
        await using var factory = new RunBackFactory();
        var stranger = factory.CreateBrowserLikeClient("10.24.0.1");
        var runner = factory.CreateBrowserLikeClient("10.24.0.2");
        await CheckInClient.SaveOkAsync(runner, Answers.NoRisk());
        var token = await Html.AntiforgeryTokenAsync(runner, "/forget");
        var patterns = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            // Static files (MapStaticAssets) are left out: under the test host they resolve to the build's folders.
            .Where(p => p.Contains('{', StringComparison.Ordinal) || !Path.HasExtension(p) || p.StartsWith("/openapi/", StringComparison.Ordinal))
            .Distinct().Order().ToList();
        Assert.Contains("/check-ins/{id}/delete", patterns);
        Assert.Contains("/edition/{culture}", patterns);
        Assert.Contains("/healthz", patterns);
        var failures = new List<string>();
        var requests = 0;

        foreach (var pattern in patterns)
        {
            foreach (var path in Paths(pattern))
            {
                foreach (var (client, withToken) in new[] { (stranger, false), (runner, true) })
                {
                    foreach (var query in Queries)
                    {
                        await SendAsync(client, HttpMethod.Get, path + query, null);
                    }
                    foreach (var kind in UnreadableBodies.Names)
                    {
                        await SendAsync(client, HttpMethod.Post, path, UnreadableBodies.Make(kind, withToken ? token : null).Content);
                    }
                    foreach (var body in WrongTypedBodies(withToken ? token : null))
                    {
                        await SendAsync(client, HttpMethod.Post, path + Queries[1], body);
                    }
                }
            }
        }

        output.WriteLine($"{requests} requests over {patterns.Count} routes in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(40)) + $"\n({failures.Count} of {requests})");
        Assert.True(requests > 500, $"only {requests} requests");

        async Task SendAsync(HttpClient client, HttpMethod method, string url, HttpContent? content)
        {
            requests++;
            using var request = new HttpRequestMessage(method, url) { Content = content };
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failures.Add($"{method} {Short(url)}: threw {ex.GetType().Name}: {ex.Message}");
                return;
            }
            using (response)
            {
                // Two routes answer 5xx by design: /healthz says 503 while storage is down, and the bare error page is the 500 page.
                var byDesign = (url.StartsWith("/healthz", StringComparison.Ordinal) && (int)response.StatusCode == 503)
                    || (url.Split('?')[0] == "/error" && method == HttpMethod.Get && (int)response.StatusCode == 500);
                if ((int)response.StatusCode >= 500 && !byDesign)
                {
                    failures.Add($"{method} {Short(url)} [{content?.Headers.ContentType}]: {(int)response.StatusCode}");
                }
                if (!response.Headers.Contains("Content-Security-Policy") || !response.Headers.Contains("X-Content-Type-Options")
                    || !response.Headers.Contains("X-Frame-Options"))
                {
                    failures.Add($"{method} {Short(url)} [{content?.Headers.ContentType}]: {(int)response.StatusCode} without the security headers");
                }
            }
        }
    }

    private static string Short(string url) => url.Length <= 160 ? url : url[..160] + "…";

    /// <summary>The pattern with each parameter filled by every kind of bad value (or as it is, when it has none).</summary>
    private static IEnumerable<string> Paths(string pattern)
    {
        if (!pattern.Contains('{', StringComparison.Ordinal))
        {
            yield return pattern;
            yield break;
        }
        foreach (var value in RouteValues)
        {
            yield return System.Text.RegularExpressions.Regex.Replace(pattern, @"\{\*?\*?[^}]+\}", value);
        }
        yield return System.Text.RegularExpressions.Regex.Replace(pattern, @"\{\*?\*?[^}]+\}", "en-US");
    }

    /// <summary>Readable forms with values of the wrong type or shape for every field the app's forms read.</summary>
    private static IEnumerable<HttpContent> WrongTypedBodies(string? token)
    {
        var fields = new Dictionary<string, string>
        {
            ["answers"] = "{\"back_pain\":\"eleven\",\"pain_where\":7,\"x\":\"\\ud800\"}",
            ["release"] = "../../9999.1.1",
            ["date"] = "0001-01-01",
            ["key"] = "not-a-guid",
            ["code"] = "<script>alert(1)</script>",
            ["confirm"] = "maybe",
            ["return"] = "/caf\u00e9",
            ["_handler"] = "quick",
            ["q-back_pain"] = "lots",
            ["q-distance"] = "1e308",
            ["q-helped"] = "magic",
            ["day"] = "someday",
            ["time"] = "99:99",
        };
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }
        yield return new FormUrlEncodedContent(fields);
        fields["date"] = "9999-12-31";
        fields["answers"] = "[]";
        fields["q-back_pain"] = "-1";
        yield return new FormUrlEncodedContent(fields);
        var json = new StringContent("{\"answers\":{\"back_pain\":\"x\"},\"date\":\"0001-01-01\"}", Encoding.UTF8, "application/json");
        yield return json;
        var text = new ByteArrayContent([0xFF, 0xFE, 0x00, 0x41]);
        text.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        yield return text;
        var badType = new ByteArrayContent(Encoding.ASCII.GetBytes("a=b"));
        badType.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded; charset=no-such-charset");
        yield return badType;
        yield return new ByteArrayContent([]);
    }
}
