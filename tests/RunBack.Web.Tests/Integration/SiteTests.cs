using System.Net;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

public sealed class SiteTests : IClassFixture<RunBackFactory>
{
    private readonly RunBackFactory _factory;

    public SiteTests(RunBackFactory factory) => _factory = factory;

    [Fact]
    public async Task Healthz_DatabaseAnswers_Healthy()
    {
        var response = await _factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Home_Returns200_WithSafetyNoticeAndLinks()
    {
        var html = await _factory.CreateClient().GetStringAsync("/");

        Assert.Contains("Safety first", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/check\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/history\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/about\"", html, StringComparison.Ordinal);
        Assert.Contains("Information, not a diagnosis.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task About_ListsReleaseAndEverySource()
    {
        var html = WebUtility.HtmlDecode(await _factory.CreateClient().GetStringAsync("/about"));

        Assert.Contains(RepoPaths.ServedRelease, html, StringComparison.Ordinal);
        Assert.Contains("What to do if you have lower back pain when running", html, StringComparison.Ordinal);
        Assert.Contains("How the hip flexors and the lower back are linked", html, StringComparison.Ordinal);
        Assert.DoesNotContain("untitled", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/guidance/2026.11.0/no-such-article")]
    [InlineData("/guidance/1999.1.0/shoes")]
    [InlineData("/summary/not-a-guid")]
    public async Task UnknownPage_Friendly404_NoStackTrace(string path)
    {
        var response = await _factory.CreateClient().GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("We could not find that page", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at RunBack", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Article_RendersItemsWithSources()
    {
        var html = WebUtility.HtmlDecode(await _factory.CreateClient().GetStringAsync("/guidance/2026.11.0/shoes"));

        Assert.Contains("id=\"shoes-replace\"", html, StringComparison.Ordinal);
        Assert.Contains("300 to 500\u00A0miles", html, StringComparison.Ordinal);
        Assert.Contains("Sources:", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryResponse_HasSecurityHeaders()
    {
        var client = _factory.CreateClient(new() { BaseAddress = new Uri("https://runback.test") });
        var response = await client.GetAsync("/");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task PostToUnknownPath_FriendlyPageKeepsStatus()
    {
        var response = await _factory.CreateClient().PostAsync("/nowhere", new StringContent("x"));

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        Assert.Contains(StatusCodeTitle(response.StatusCode), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string StatusCodeTitle(HttpStatusCode status) =>
        status == HttpStatusCode.NotFound ? "We could not find that page" : "That did not work";

    [Fact]
    public async Task FormPostWithoutAntiforgery_Refused()
    {
        var response = await _factory.CreateClient().PostAsync("/forget", new FormUrlEncodedContent(new Dictionary<string, string> { ["confirm"] = "yes" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("We could not read that request", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
