using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// The country is kept with the profile (issue 23, hazard 2) and used where the profile is: the quick check-in and the
/// summary, on another device too; and "When to get help" lists the signs and the number for it (hazard 7).
/// </summary>
public sealed partial class CountryProfileTests(DraftContentFactory factory) : IClassFixture<DraftContentFactory>
{
    private HttpClient Client(string acceptLanguage, bool cookies = true)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = cookies,
            BaseAddress = new Uri("https://localhost"),
        });
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        return client;
    }

    private static async Task<string> PageAsync(HttpClient client, string path) => WebUtility.HtmlDecode(await client.GetStringAsync(path));

    private static string CookiePair(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal)).Split(';')[0];

    [Fact]
    public async Task CountryChosen_IsKeptWithTheProfile_AndUsedOnTheQuickCheckInAndSummary_OnAnotherDevice()
    {
        // A UK-English browser in Canada: chooses Canada (same-origin switch), then saves a self-check.
        var runner = Client("en-GB");
        using (var choose = new HttpRequestMessage(HttpMethod.Get, "/country/CA?return=%2Fcheck"))
        {
            choose.Headers.Add("Sec-Fetch-Site", "same-origin");
            Assert.Equal(HttpStatusCode.Redirect, (await runner.SendAsync(choose)).StatusCode);
        }
        var saved = await CheckInClient.SaveAsync(runner, Answers.NoRisk());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var profile = CookiePair(saved, "__Host-rb_profile");
        var profileId = await factory.QueryAsync(db => db.DeviceKeys.Select(k => k.ProfileId).SingleAsync());
        Assert.Equal("CA", await factory.QueryAsync(db => db.Profiles.Where(p => p.Id == profileId).Select(p => p.Country).SingleAsync()));

        // Another device: only the profile cookie (no country cookie), a UK-English browser: Canada, from the profile.
        var other = Client("en-GB", cookies: false);
        using var open = new HttpRequestMessage(HttpMethod.Get, "/check-in/quick");
        open.Headers.Add("Cookie", profile);
        var quickPage = await other.SendAsync(open);
        var antiforgery = CookiePair(quickPage, "__Host-rb_af");
        var token = TokenPattern().Match(await quickPage.Content.ReadAsStringAsync()).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/check-in/quick")
        {
            Content = new FormUrlEncodedContent(
            [
                new("__RequestVerificationToken", WebUtility.HtmlDecode(token)), new("_handler", "quick"), new("key", Guid.NewGuid().ToString()),
                new("date", Answers.Today.ToString("yyyy-MM-dd")), new("q-back_pain", "5"), new("q-hip_pain", "0"),
                new("q-since_last_time", "same"), .. ((string[])Personas.RedFlag()["serious_signs"]).Select(s => new KeyValuePair<string, string>("q-serious_signs", s)),
                new("q-health_history", "none"), new("q-leg_symptoms", "none"), new("q-night_waking", "no"), new("q-distance", "5k"),
            ]),
        };
        post.Headers.Add("Cookie", $"{profile}; {antiforgery}");
        var response = await other.SendAsync(post);
        var refused = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("href=\"tel:911\"", refused, StringComparison.Ordinal);
        Assert.Contains("Advice for Canada", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("tel:999", refused, StringComparison.Ordinal);

        var redFlag = await CheckInClient.SaveOkAsync(runner, Answers.RedFlag());
        using var print = new HttpRequestMessage(HttpMethod.Get, $"/summary/{redFlag}");
        print.Headers.Add("Cookie", profile);
        var summary = WebUtility.HtmlDecode(await (await other.SendAsync(print)).Content.ReadAsStringAsync());
        Assert.Contains("Advice for Canada: call 911 in an emergency.", summary, StringComparison.Ordinal);
        Assert.Contains("Call 911 now", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Call 999", summary, StringComparison.Ordinal); // (its sources list names the NHS page "When to call 999")
    }

    [Theory]
    [InlineData("en-GB", "999", "the United Kingdom", "NHS 111")]
    [InlineData("en-AU", "000", "Australia", "Contact a doctor today")]
    [InlineData("en-US", "911", "the United States", "urgent care center")]
    [InlineData("en-CA", "911", "Canada", "walk-in clinic")]
    public async Task WhenToGetHelp_ListsTheSigns_AndTheNumberForTheCountry(string acceptLanguage, string number, string country, string urgent)
    {
        var release = await CheckInClient.CurrentReleaseAsync(Client(acceptLanguage));

        var html = await PageAsync(Client(acceptLanguage), $"/guidance/{release}/safety");

        var signs = html.IndexOf("Warning signs and what to do", StringComparison.Ordinal);
        Assert.True(signs > 0, "no warning signs on 'When to get help'");
        Assert.Contains($"href=\"tel:{number}\"", html, StringComparison.Ordinal);
        Assert.Contains($"Advice for {country}", html, StringComparison.Ordinal);
        Assert.Contains(urgent, html, StringComparison.Ordinal);
        Assert.Contains("<li>Bladder or bowel problems</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Chest pain with the back pain</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Fever with back pain</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("top of your result", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"(?: type=\"hidden\")? value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
