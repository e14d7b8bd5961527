using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// Warning signs first, on every path that can reject a form (release 2027.1.0 hazard 1: a ticked sign disappeared behind
/// a mistyped distance on the quick check-in). A sign among the answers that could be read leads the refusal with its
/// action and the edition's number, before the problem; nothing is saved.
/// </summary>
public sealed class WarningSignsFirstTests : IClassFixture<RunBackFactory>
{
    private readonly RunBackFactory _factory;

    public WarningSignsFirstTests(RunBackFactory factory) => _factory = factory;

    /// <summary>The red-flag persona's ticked sign (numbness in the saddle area), as the form posts it.</summary>
    private static string[] TickedSigns => (string[])Personas.RedFlag()["serious_signs"];

    private HttpClient Client(string? acceptLanguage = null)
    {
        var client = _factory.CreateBrowserLikeClient();
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }
        return client;
    }

    /// <summary>The emergency banner with its call, before <paramref name="problem"/> on the page.</summary>
    private static void AssertBannerLeads(string html, string problem, string number = "999")
    {
        var banner = html.IndexOf("class=\"triage triage--emergency", StringComparison.Ordinal);
        Assert.True(banner > 0, "No emergency banner on the refusal page");
        Assert.Contains($"href=\"tel:{number}\"", html, StringComparison.Ordinal);
        var at = html.IndexOf(problem, StringComparison.Ordinal);
        Assert.True(at > 0, $"The problem '{problem}' is not on the page");
        Assert.True(banner < at, "The warning sign must come before the problem");
    }

    /// <summary>A quick check-in a runner could send, with the red-flag persona's sign ticked and nothing else wrong.</summary>
    private static Dictionary<string, string[]> QuickWithASign() => new()
    {
        ["date"] = [Answers.Today.ToString("yyyy-MM-dd")],
        ["q-back_pain"] = ["5"],
        ["q-hip_pain"] = ["0"],
        ["q-since_last_time"] = ["same"],
        ["q-serious_signs"] = TickedSigns,
        ["q-health_history"] = ["none"],
        ["q-leg_symptoms"] = ["none"],
        ["q-night_waking"] = ["no"],
        ["q-distance"] = ["20"],
    };

    private Task<int> CountAsync() => _factory.QueryAsync(db => db.CheckIns.CountAsync());

    [Theory]
    [InlineData("q-distance", "5k", "en-GB", "999")]
    [InlineData("q-night_waking", null, "en-GB", "999")]
    [InlineData("date", "2026-11-30", "en-GB", "999")]
    [InlineData("q-distance", "5k", "en-US", "911")]
    public async Task QuickCheckIn_SignTickedAndAnotherMistake_SignLeadsTheErrorPage(string field, string? value, string edition, string number)
    {
        var client = Client(edition);
        await CheckInClient.SaveOkAsync(client, Answers.NoRisk());
        var before = await CountAsync();
        var fields = QuickWithASign();
        fields[field] = value is null ? [] : [value];

        var response = await CheckInClient.PostQuickAsync(client, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertBannerLeads(await response.Content.ReadAsStringAsync(), "Nothing was saved yet", number);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task QuickCheckIn_SignTickedWithNoneOfThese_SignLeads_AndStaysTicked()
    {
        var client = Client();
        await CheckInClient.SaveOkAsync(client, Answers.NoRisk());
        var before = await CountAsync();
        var fields = QuickWithASign();
        // A plain form: nothing stops "None of these" being ticked beside a sign.
        fields["q-serious_signs"] = [.. TickedSigns, "none"];

        var response = await CheckInClient.PostQuickAsync(client, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        AssertBannerLeads(html, "Nothing was saved yet");
        Assert.Matches($"id=\"q-serious_signs-{TickedSigns[0]}\"[^>]*checked", html);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task QuickCheckIn_WarningSignsAreTheFirstQuestions()
    {
        var client = Client();
        await CheckInClient.SaveOkAsync(client, Answers.NoRisk());

        var html = await client.GetStringAsync("/check-in/quick");

        var signs = html.IndexOf("id=\"q-serious_signs", StringComparison.Ordinal);
        Assert.True(signs > 0);
        Assert.True(signs < html.IndexOf("id=\"q-back_pain", StringComparison.Ordinal), "The warning signs come before the pain questions");
        Assert.True(signs < html.IndexOf("id=\"q-distance", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string> SaveMistakes => new()
    {
        // what is wrong besides the sign, the field, its value
        { "a day in the future", "date", "2026-11-24" },
        { "a day more than a week back", "date", "2026-11-01" },
        { "a date that cannot be read", "date", "soon" },
        { "pain out of range", "back_pain", "11" },
        { "a distance of the wrong type", "distance_week_1", "\"5k\"" },
    };

    [Theory]
    [MemberData(nameof(SaveMistakes))]
    public async Task Save_SignTickedAndAnotherMistake_SignLeadsTheErrorPage(string what, string field, string value)
    {
        _ = what;
        var client = Client();
        var answers = Answers.RedFlag();
        string? date = null;
        if (field == "date")
        {
            date = value;
        }
        else
        {
            answers[field] = JsonNode.Parse(value);
        }
        var before = await CountAsync();

        var response = await CheckInClient.SaveAsync(client, answers, date: date);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertBannerLeads(await response.Content.ReadAsStringAsync(), "notice notice--warn");
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Save_OfAReleaseWeNoLongerHave_StillShowsTheSign()
    {
        var response = await CheckInClient.SaveAsync(Client(), Answers.RedFlag(), release: "1999.1.0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertBannerLeads(await response.Content.ReadAsStringAsync(), "a version of the self-check we no longer have");
    }

    [Theory]
    [InlineData("date", "2026-11-24")]
    [InlineData("back_pain", "11")]
    public async Task SummaryDraft_SignTickedAndAnotherMistake_SignLeadsThePage(string field, string value)
    {
        var client = Client();
        var answers = Answers.RedFlag();
        var date = Answers.Today.ToString("yyyy-MM-dd");
        if (field == "date")
        {
            date = value;
        }
        else
        {
            answers[field] = JsonNode.Parse(value);
        }

        var response = await CheckInClient.PostFormAsync(client, "/summary/draft", new()
        {
            ["answers"] = answers.ToJsonString(),
            ["release"] = await CheckInClient.CurrentReleaseAsync(client),
            ["date"] = date,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Your summary could not be made", html, StringComparison.Ordinal);
        AssertBannerLeads(html, "notice notice--warn");
    }

    [Fact]
    public async Task SummaryDraft_MistakeWithoutASign_StillTheNothingToPrintPage()
    {
        var client = Client();
        var response = await CheckInClient.PostFormAsync(client, "/summary/draft", new()
        {
            ["answers"] = Answers.NoRisk().With("back_pain", 11).ToJsonString(),
            ["release"] = await CheckInClient.CurrentReleaseAsync(client),
            ["date"] = Answers.Today.ToString("yyyy-MM-dd"),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/summary/draft", response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("date", "\"2026-11-24\"", "en-GB", "999")]
    [InlineData("back_pain", "11", "en-GB", "999")]
    [InlineData("distance_week_1", "\"5k\"", "en-US", "911")]
    public async Task Api_SignTickedAndAnotherMistake_ProblemNamesTheSignAndItsNumber(string field, string value, string edition, string number)
    {
        var client = Client(edition);
        var answers = Answers.RedFlag();
        var body = new JsonObject { ["answers"] = answers };
        if (field == "date")
        {
            body["date"] = JsonNode.Parse(value);
        }
        else
        {
            answers[field] = JsonNode.Parse(value);
        }

        var response = await client.PostAsync("/api/assessments", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]![field]);
        var signs = problem["warningSigns"]!;
        Assert.Equal("emergency", signs["triage"]!.GetValue<string>());
        Assert.Equal(number, signs["phone"]!.GetValue<string>());
        Assert.NotEmpty(signs["flags"]!.AsArray());
    }

    [Fact]
    public async Task Api_MistakeWithoutASign_HasNoWarningSigns()
    {
        var body = new JsonObject { ["answers"] = Answers.NoRisk().With("back_pain", 11) };

        var response = await Client().PostAsync("/api/assessments", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["warningSigns"]);
    }
}
