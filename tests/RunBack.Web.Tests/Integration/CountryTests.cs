using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>The app serving the draft release 2027.2.0 (the countries' actions), as it will once it is published.</summary>
public sealed class DraftContentFactory : RunBackFactory
{
    public DraftContentFactory() => Settings["Content:IncludeDrafts"] = "true";
}

/// <summary>
/// Issue 23, hazard 2: the emergency number follows the runner's country, a setting of its own (pre-selected from the
/// browser's language region, changeable, kept with the profile), never the edition, and never changed by another site.
/// </summary>
public sealed partial class CountryTests(DraftContentFactory factory) : IClassFixture<DraftContentFactory>
{
    private const string CountryCookie = "__Host-rb_country";

    private HttpClient Client(string? acceptLanguage, bool cookies = true)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = cookies,
            BaseAddress = new Uri("https://localhost"),
        });
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }
        return client;
    }

    private static async Task<string> PageAsync(HttpClient client, string path) => WebUtility.HtmlDecode(await client.GetStringAsync(path));

    /// <summary>Uses the country switch as RunBack's own pages do (a same-origin request).</summary>
    private static async Task ChooseAsync(HttpClient client, string code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/country/{code}?return=%2F");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Theory]
    [InlineData("en-CA,en;q=0.9", "Canada", "911")]
    [InlineData("fr-CA", "Canada", "911")]
    [InlineData("en-AU", "Australia", "000")]
    [InlineData("en-NZ", "New Zealand", "111")]
    [InlineData("en-IE", "Ireland", "112")]
    [InlineData("de-DE,de;q=0.9", "Germany", "112")]
    [InlineData("fr-FR", "France", "112")]
    [InlineData("es-US", "the United States", "911")]
    public async Task AcceptLanguageRegion_PreselectsTheCountry_AndItsNumber_Not999(string acceptLanguage, string country, string number)
    {
        var html = await PageAsync(Client(acceptLanguage), "/");

        Assert.Contains($"href=\"tel:{number}\"", html, StringComparison.Ordinal);
        Assert.Contains($"Advice for {country} · <a href=\"/country?return=%2F\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("tel:999", html, StringComparison.Ordinal);
        Assert.DoesNotContain("A&E", html, StringComparison.Ordinal);
        if (country != "Ireland") // "Call 112 or 999" is right there
        {
            Assert.DoesNotContain("999", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("en-IN")]
    [InlineData("fr")]
    [InlineData("xx-not-a-culture;;q=?")]
    public async Task NoRegionOrUnlistedCountry_LocalEmergencyNumber_NoTelLink(string acceptLanguage)
    {
        var html = await PageAsync(Client(acceptLanguage), "/");

        Assert.Contains("Call your local emergency number now", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"tel:", html, StringComparison.Ordinal);
        Assert.Contains("Advice for any country (yours is not set or not listed)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CountryPage_WithoutRegion_AsksWithAnotherCountrySelected()
    {
        var html = await PageAsync(Client("en"), "/country?return=%2Fcheck");

        Assert.Contains("<select class=\"input\" id=\"country\" name=\"country\">", html, StringComparison.Ordinal);
        Assert.Matches("<option value=\"ZZ\" selected[^>]*>Another country", html);
        Assert.Contains("<option value=\"CA\">Canada</option>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"return\" value=\"/check\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsBrowser_CountryGbChosen_Calls999_InUsWords()
    {
        var client = Client("en-US,en;q=0.9");
        Assert.Contains("href=\"tel:911\"", await PageAsync(client, "/"), StringComparison.Ordinal);

        var form = await PageAsync(client, "/country?return=%2F");
        var response = await client.PostAsync("/country", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenPattern().Match(form).Groups[1].Value,
            ["country"] = "GB",
            ["return"] = "/",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(CountryCookie + "=GB", StringComparison.Ordinal));
        var html = await PageAsync(client, "/");
        Assert.Contains("<html lang=\"en-US\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:999\"", html, StringComparison.Ordinal);
        Assert.Contains("Advice for the United Kingdom", html, StringComparison.Ordinal);
        Assert.DoesNotContain("tel:911", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("X-No-Header", "nothing says where the request came from")]
    public async Task CrossSiteLink_CannotChangeTheCountry_AsksFirst(string header, string value)
    {
        var client = Client("en-GB");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/country/US?return=%2F");
        request.Headers.TryAddWithoutValidation(header, value);

        var response = await client.SendAsync(request);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(CountryCookie, StringComparison.Ordinal)),
            "the country changed without asking");
        Assert.Contains("A link from another site asked RunBack to change your country to the United States", html, StringComparison.Ordinal);
        Assert.Matches("<option value=\"US\" selected", html);
        Assert.Contains("href=\"tel:999\"", await PageAsync(client, "/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrossSitePost_WithoutToken_Refused_CountryUnchanged()
    {
        var client = Client("en-GB");

        var response = await client.PostAsync("/country", new FormUrlEncodedContent(new Dictionary<string, string> { ["country"] = "US", ["return"] = "/" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(CountryCookie, StringComparison.Ordinal)));
        Assert.Contains("href=\"tel:999\"", await PageAsync(client, "/"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("")]
    [InlineData("<script>")]
    public async Task CountryForm_UnknownCountry_StyledProblem_NoChange(string posted)
    {
        var client = Client("en-GB");
        var form = await PageAsync(client, "/country?return=%2F");

        var response = await client.PostAsync("/country", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenPattern().Match(form).Groups[1].Value,
            ["country"] = posted,
            ["return"] = "//evil.example",
        }));

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose a country from the list", html, StringComparison.Ordinal);
        Assert.Contains("class=\"site-header\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"return\" value=\"/\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/country/XX")).StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"(?: type=\"hidden\")? value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
