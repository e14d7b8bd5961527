using System.Net;
using System.Text.RegularExpressions;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Security;

/// <summary>
/// Issue 24, item 7: the edition decides which emergency number a runner is told to call, so a link from another site
/// never switches it silently: a cross-site request (by Sec-Fetch-Site, or by Origin/Referer when a browser sends no
/// Sec-Fetch-Site) gets a confirmation page whose button, on this site, does the switch.
/// </summary>
public sealed partial class EditionSwitchSameSiteTests : IClassFixture<RunBackFactory>
{
    private readonly RunBackFactory _factory;

    public EditionSwitchSameSiteTests(RunBackFactory factory) => _factory = factory;

    private static bool SetsEdition(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("__Host-rb_edition=", StringComparison.Ordinal));

    public static TheoryData<string, string> CrossSite => new()
    {
        { "Sec-Fetch-Site", "cross-site" },
        { "Referer", "https://evil.example/page" },
        { "Origin", "https://evil.example" },
        { "Referer", "https://localhost.evil.example/" },
        { "Referer", "http://localhost/" },
        { "Referer", "not a url" },
        { "Origin", "null" },
        { "X-No-Header", "nothing says where the request came from" },
    };

    [Theory]
    [MemberData(nameof(CrossSite))]
    public async Task CrossSiteOrUnknown_AsksFirst_ButtonOnThisSiteSwitches(string header, string value)
    {
        var client = _factory.CreateBrowserLikeClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/edition/en-US?return=%2Fabout");
        request.Headers.TryAddWithoutValidation(header, value);

        var response = await client.SendAsync(request);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(SetsEdition(response), "switched without asking");
        Assert.True(html.Contains("Switch to the US edition?", StringComparison.Ordinal), Regex.Match(html, "<h1.*?</h1>", RegexOptions.Singleline).Value);
        Assert.Contains("emergency number", html, StringComparison.Ordinal);
        Assert.Contains("You are using the UK edition now.", html, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore, "the confirmation page may be cached");
        Integration.SecurityHeadersOf(response);

        var form = FormPattern().Match(html);
        Assert.True(form.Success, "no confirmation form");
        Assert.Equal("/edition/en-US", form.Groups["action"].Value);
        var token = TokenPattern().Match(html).Groups[1].Value;
        var confirmed = await client.PostAsync("/edition/en-US", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["return"] = ReturnPattern().Match(html).Groups[1].Value,
        }));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/about", confirmed.Headers.Location!.OriginalString);
        Assert.True(SetsEdition(confirmed));
        Assert.Contains("physical therapist", WebUtility.HtmlDecode(await client.GetStringAsync("/")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirmation_WithoutToken_Refused()
    {
        var client = _factory.CreateBrowserLikeClient();
        await Html.AntiforgeryTokenAsync(client, "/forget");

        var response = await client.PostAsync("/edition/en-US", new FormUrlEncodedContent(new Dictionary<string, string> { ["return"] = "/" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(SetsEdition(response));
    }

    public static TheoryData<string, string> SameSite => new()
    {
        { "Sec-Fetch-Site", "same-origin" },
        { "Sec-Fetch-Site", "same-site" },
        { "Sec-Fetch-Site", "none" },
        { "Referer", "https://localhost/about" },
        { "Origin", "https://localhost" },
    };

    [Theory]
    [MemberData(nameof(SameSite))]
    public async Task SameSite_SwitchesAtOnce(string header, string value)
    {
        var client = _factory.CreateBrowserLikeClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/edition/en-US?return=%2Fabout");
        request.Headers.TryAddWithoutValidation(header, value);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/about", response.Headers.Location!.OriginalString);
        Assert.True(SetsEdition(response));
    }

    [Fact]
    public async Task SecFetchSiteWins_OverAMatchingReferer()
    {
        var client = _factory.CreateBrowserLikeClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/edition/en-US?return=%2F");
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "cross-site");
        request.Headers.TryAddWithoutValidation("Referer", "https://localhost/");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(SetsEdition(response));
    }

    [GeneratedRegex("<form method=\"post\" action=\"(?<action>[^\"]+)\"")]
    private static partial Regex FormPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\"(?: type=\"hidden\")? value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"return\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnPattern();

    private static class Integration
    {
        public static void SecurityHeadersOf(HttpResponseMessage response) => SecurityHeaders.AssertPresent(response, "confirmation");
    }
}
