using System.Net;
using System.Text;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>Input that once gave an empty 500: lone surrogates, repeated JSON keys, query values that are not numbers.</summary>
public sealed class BadInputTests : IClassFixture<RunBackFactory>
{
    private readonly RunBackFactory _factory;

    public BadInputTests(RunBackFactory factory) => _factory = factory;

    /// <summary>The no-risk answers as JSON text with <paramref name="extra"/> (raw JSON members) added first.</summary>
    private static string AnswersWith(string extra) => "{" + extra + "," + Answers.NoRisk().ToJsonString()[1..];

    public static TheoryData<string> LoneSurrogates => new()
    {
        "\"pain_trend_note\":\"\\ud800\"",
        "\"x\\udc00\":\"text\"",
        "\"pain_where_extra\":[\"\\ud800\"]",
    };

    [Theory]
    [MemberData(nameof(LoneSurrogates))]
    public async Task Api_LoneSurrogate_400WithMessage(string extra)
    {
        var client = _factory.CreateClient();
        var response = await client.PostAsync("/api/assessments",
            new StringContent("{\"answers\":" + AnswersWith(extra) + "}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid Unicode", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_LoneSurrogateInDate_400()
    {
        var client = _factory.CreateClient();
        var response = await client.PostAsync("/api/assessments",
            new StringContent("{\"date\":\"\\ud800\",\"answers\":" + Answers.NoRisk().ToJsonString() + "}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(LoneSurrogates))]
    public async Task SaveForm_LoneSurrogate_400WithMessageAndNothingSaved(string extra)
    {
        var client = _factory.CreateBrowserLikeClient();
        var response = await PostAnswersAsync(client, "/check-ins", AnswersWith(extra));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid Unicode", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.Contains("rb_profile", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(LoneSurrogates))]
    public async Task DraftForm_LoneSurrogate_NoDraftKept(string extra)
    {
        var client = _factory.CreateBrowserLikeClient();
        var response = await PostAnswersAsync(client, "/summary/draft", AnswersWith(extra));

        // Ignored, like any answers that cannot be read: the "nothing to print" page follows, never a 500.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.Contains("rb_draft", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/summary/draft")).StatusCode);
    }

    [Fact]
    public async Task Api_RepeatedKey_400()
    {
        var client = _factory.CreateClient();
        var body = "{\"answers\":" + AnswersWith("\"back_pain\":0") + "}";
        Assert.Contains("\"back_pain\":", Answers.NoRisk().ToJsonString(), StringComparison.Ordinal);

        var response = await client.PostAsync("/api/assessments", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("repeats a property name", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_RepeatedTopLevelKey_400()
    {
        var client = _factory.CreateClient();
        var answers = Answers.NoRisk().ToJsonString();
        var response = await client.PostAsync("/api/assessments",
            new StringContent("{\"answers\":" + answers + ",\"answers\":" + answers + "}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SaveForm_RepeatedKey_400WithMessage()
    {
        var client = _factory.CreateBrowserLikeClient();
        var response = await PostAnswersAsync(client, "/check-ins", AnswersWith("\"back_pain\":0"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("repeat a question", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/history?page=abc")]
    [InlineData("/history?page=99999999999")]
    [InlineData("/history?page=-3")]
    [InlineData("/history?deleted=x")]
    [InlineData("/history?recovered=%F0")]
    [InlineData("/?forgotten=abc")]
    [InlineData("/?forgotten=99999999999")]
    public async Task Pages_NonNumberQueryValues_IgnoredWithSecurityHeaders(string path)
    {
        var client = _factory.CreateBrowserLikeClient();
        await CheckInClient.SaveOkAsync(client, Answers.NoRisk());

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("Content-Security-Policy"), "no Content-Security-Policy header");
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Theory]
    [InlineData("2026-13-40")]
    [InlineData("23/11/2026")]
    [InlineData("yesterday")]
    public async Task SaveForm_MalformedDate_SaysSo(string date)
    {
        var client = _factory.CreateBrowserLikeClient();
        var response = await CheckInClient.SaveAsync(client, Answers.NoRisk(), date: date);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The date of the check-in could not be read", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-30", "cannot be in the future")]
    [InlineData("1999-01-01", "\u00A0days back")]
    public async Task SaveForm_OutOfRangeDate_SaysSo(string date, string message)
    {
        var client = _factory.CreateBrowserLikeClient();
        var response = await CheckInClient.SaveAsync(client, Answers.NoRisk(), date: date);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.Contains("rb_profile", StringComparison.Ordinal)));
    }

    private static async Task<HttpResponseMessage> PostAnswersAsync(HttpClient client, string path, string answersJson)
    {
        return await CheckInClient.PostFormAsync(client, path, new()
        {
            ["answers"] = answersJson,
            ["release"] = await CheckInClient.CurrentReleaseAsync(client),
            ["date"] = Answers.Today.ToString("yyyy-MM-dd"),
            ["key"] = Guid.NewGuid().ToString(),
        });
    }
}
