using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RunBack.Web.Features.Assessments;
using RunBack.Web.Features.SelfCheck;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// The UK and US editions: Accept-Language and the edition switch's cookie pick the culture, which picks the number to
/// call, the words, the date order and the starting distance unit; a check-in keeps its facts in either edition.
/// </summary>
public sealed class EditionTests : IClassFixture<RunBackFactory>
{
    private const string Cookie = "__Host-rb_edition";
    private readonly RunBackFactory _factory;

    public EditionTests(RunBackFactory factory) => _factory = factory;

    private HttpClient Client(string? acceptLanguage = null, bool cookies = true)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = cookies,
            BaseAddress = new Uri("https://localhost"),
        });
        // A browser following the switch on one of RunBack's pages says so (cross-site: EditionSwitchSameSiteTests).
        client.DefaultRequestHeaders.Add("Sec-Fetch-Site", "same-origin");
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }
        return client;
    }

    private static async Task<string> PageAsync(HttpClient client, string path) =>
        WebUtility.HtmlDecode(await client.GetStringAsync(path));

    [Fact]
    public async Task AcceptLanguageEnUs_UsEdition_Calls911()
    {
        var html = await PageAsync(Client("en-US,en;q=0.9"), "/");

        Assert.Contains("<html lang=\"en-US\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:911\"", html, StringComparison.Ordinal);
        Assert.Contains("Call 911 now, or go to the emergency room", html, StringComparison.Ordinal);
        Assert.DoesNotContain("999", html, StringComparison.Ordinal);
        Assert.Contains("physical therapist", html, StringComparison.Ordinal);
        Assert.Matches("lang=\"en-US\" aria-current=\"true\">US edition", html);
    }

    // Other languages get the UK edition's words too, but not its number: the country is its own setting (CountryTests).
    [Theory]
    [InlineData(null)]
    [InlineData("en-GB")]
    public async Task NoUsRequest_UkEdition_Calls999(string? acceptLanguage)
    {
        var html = await PageAsync(Client(acceptLanguage), "/");

        Assert.Contains("<html lang=\"en-GB\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:999\"", html, StringComparison.Ordinal);
        Assert.Contains("go to A&E", html, StringComparison.Ordinal);
        Assert.DoesNotContain("911", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switch_RemembersTheEditionInACookie_ThatWinsOverTheBrowsersLanguage()
    {
        var client = Client("en-GB");

        var response = await client.GetAsync("/edition/en-US?return=%2Fabout%3Fx%3D1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/about?x=1", response.Headers.Location!.ToString());
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(Cookie + "=", StringComparison.Ordinal));
        Assert.Contains("secure", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        var html = await PageAsync(client, "/");
        Assert.Contains("physical therapist", html, StringComparison.Ordinal);
        // The edition is the words; the number follows the runner's country (GB from an en-GB browser), not the edition.
        Assert.Contains("href=\"tel:999\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("tel:911", html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/edition/en-GB?return=/")).StatusCode);
        Assert.DoesNotContain("physical therapist", await PageAsync(client, "/"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("c=xx-XX|uic=xx-XX")]
    [InlineData("c=fr-FR|uic=fr-FR")]
    [InlineData("c=|uic=")]
    [InlineData("%ff%fe")]
    public async Task ForgedCookie_UkEdition_NoError(string value)
    {
        var client = Client(cookies: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", $"{Cookie}={value}");

        var response = await client.SendAsync(request);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"en-GB\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:999\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/check", HttpStatusCode.OK)]
    [InlineData("/history", HttpStatusCode.OK)]
    [InlineData("/about", HttpStatusCode.OK)]
    [InlineData("/guidance/2026.12.1/safety", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    public async Task EveryPage_HasTheSwitch_BackToItself(string path, HttpStatusCode status)
    {
        var response = await Client("en-US").GetAsync(path);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(status, response.StatusCode);
        Assert.Contains("<nav class=\"edition\" aria-label=\"Edition\">", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/edition/en-GB?return={Uri.EscapeDataString(path)}\"", html, StringComparison.Ordinal);
        Assert.Contains("US edition", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditionContentDoesNotKnow_SaysYourLocalEmergencyNumber_NoNumberToCall()
    {
        using var factory = new RunBackFactory();
        factory.Settings["Localization:SupportedCultures:0"] = "en-GB";
        factory.Settings["Localization:SupportedCultures:1"] = "en-US";
        factory.Settings["Localization:SupportedCultures:2"] = "en-ZA";
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "en-ZA");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/"));

        Assert.Contains("<html lang=\"en-ZA\"", html, StringComparison.Ordinal);
        Assert.Contains("Call your local emergency number now", html, StringComparison.Ordinal);
        Assert.DoesNotContain("tel:", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"en-ZA\" aria-current=\"true\">English (South Africa)", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", "a printable summary for your physical therapist")]
    [InlineData("en-GB", "a printable summary for your physiotherapist")]
    public async Task PageDescription_InTheEditionsWords(string culture, string expected) =>
        Assert.Contains(expected, await PageAsync(Client(culture), "/history"), StringComparison.Ordinal);

    [Fact]
    public async Task UsArticle_InUsWords_OlderReleaseArticle_InItsOwn()
    {
        var client = Client("en-US");

        var current = await PageAsync(client, "/guidance/2026.12.1/safety");
        Assert.Contains("primary care provider", current, StringComparison.Ordinal);
        Assert.DoesNotContain("your GP", current, StringComparison.Ordinal);
        var older = await PageAsync(client, "/guidance/2026.12.0/safety");
        Assert.Contains("Ask your GP", older, StringComparison.Ordinal);
    }

    [Fact]
    public void UsWording_OnlyRewordsKeysTheUkWordingHas()
    {
        static HashSet<string> Keys(string file) =>
        [
            .. System.Xml.Linq.XDocument.Load(Path.Combine(RepoPaths.Root, "src/RunBack.Web/Resources", file)).Root!
                .Elements("data").Select(e => e.Attribute("name")!.Value),
        ];
        var uk = Keys("Wording.resx");
        var us = Keys("Wording.en-US.resx");

        Assert.Subset(uk, us);
        Assert.Contains("Edition_en-GB", uk);
        Assert.Contains("Edition_en-US", uk);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("evil.example")]
    [InlineData("")]
    public async Task Switch_NeverRedirectsOffTheSite(string returnUrl)
    {
        var response = await Client().GetAsync($"/edition/en-US?return={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("not-a-culture")]
    public async Task Switch_UnknownEdition_Friendly404_NoCookie(string culture)
    {
        var response = await Client().GetAsync($"/edition/{culture}?return=/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("We could not find that page", html, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(Cookie, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("en-US", "miles")]
    [InlineData("en-GB", "km")]
    public void NewSelfCheck_StartsWithTheEditionsUnit_TheRunnersChoiceWins(string culture, string unit)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var assessments = _factory.Services.GetRequiredService<AssessmentService>();
            var wizard = new SelfCheckWizard(assessments, assessments.Current);
            Assert.Equal(unit, wizard.Answers.Get("distance_unit").Text);

            var question = wizard.Release.Questionnaire.Find("distance_unit")!;
            var other = unit == "km" ? "miles" : "km";
            wizard.Answer(question, Core.Questionnaire.AnswerValue.Of(other));
            Assert.Equal(other, SelfCheckWizard.Resume(assessments, wizard.Snapshot())!.Answers.Get("distance_unit").Text);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public async Task CheckInSavedInOneEdition_ShowsTheSameFactsInTheOther()
    {
        var uk = Client("en-GB");
        var id = await CheckInClient.SaveOkAsync(uk, Answers.RedFlag());
        var stranger = Client("en-US");
        // The same browser (its profile cookie) in the other edition: the switch, not a new profile.
        Assert.Equal(HttpStatusCode.Redirect, (await uk.GetAsync("/edition/en-US?return=/history")).StatusCode);

        Assert.DoesNotContain(id.ToString(), await PageAsync(stranger, "/history"), StringComparison.Ordinal);

        var history = await PageAsync(uk, "/history");
        Assert.Contains("Back 7/10 · Hip 0/10", history, StringComparison.Ordinal);
        // US words, but the runner is still in the UK (their en-GB browser): the number stays 999.
        Assert.Contains("advised emergency care now (Call 999)", history, StringComparison.Ordinal);
        var summary = await PageAsync(uk, $"/summary/{id}");
        Assert.Contains("Call 999 now", summary, StringComparison.Ordinal);
        Assert.Contains("30\u00A0km", summary, StringComparison.Ordinal);
        Assert.Contains("November 23, 2026", summary, StringComparison.Ordinal);
        // The number, not any "911" inside an id: the page carries random GUIDs.
        Assert.DoesNotContain("Call 911", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("tel:911", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("911.gov", summary, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await uk.GetAsync("/edition/en-GB?return=/history")).StatusCode);
        history = await PageAsync(uk, "/history");
        Assert.Contains("Back 7/10 · Hip 0/10", history, StringComparison.Ordinal);
        Assert.Contains("advised emergency care now (Call 999)", history, StringComparison.Ordinal);
        summary = await PageAsync(uk, $"/summary/{id}");
        Assert.Contains("Call 999 now", summary, StringComparison.Ordinal);
        Assert.Contains("30\u00A0km", summary, StringComparison.Ordinal);
        Assert.Contains("23 November 2026", summary, StringComparison.Ordinal);
        // The number, not any "911" inside an id: the page carries random GUIDs.
        Assert.DoesNotContain("Call 911", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("tel:911", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("911.gov", summary, StringComparison.Ordinal);
    }
}
