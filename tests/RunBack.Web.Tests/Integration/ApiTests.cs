using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

public sealed class ApiTests : IClassFixture<RunBackFactory>
{
    private readonly HttpClient _client;

    public ApiTests(RunBackFactory factory) => _client = factory.CreateClient();

    private Task<HttpResponseMessage> PostAsync(JsonNode body) =>
        _client.PostAsync("/api/assessments", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Questionnaire_ListsSectionsAndQuestions()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/questionnaire"));

        Assert.Equal(RepoPaths.ServedRelease, json.RootElement.GetProperty("release").GetString());
        var sections = json.RootElement.GetProperty("sections");
        Assert.Equal("pain", sections[0].GetProperty("id").GetString());
        Assert.Equal("scale", sections[0].GetProperty("questions")[1].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Assess_HipPattern_ReturnsAssessment()
    {
        var response = await PostAsync(new JsonObject { ["answers"] = Answers.HipPattern() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("self_care", root.GetProperty("triage").GetString());
        Assert.Equal("likely", root.GetProperty("hip").GetProperty("component").GetString());
        var first = root.GetProperty("guidance")[0];
        Assert.Equal("hip-mechanism", first.GetProperty("id").GetString());
        Assert.NotEmpty(first.GetProperty("why").EnumerateArray());
        Assert.NotEmpty(first.GetProperty("sources").EnumerateArray());
        Assert.Contains("hip-likely", root.GetProperty("firedRules").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Assess_RedFlag_Emergency()
    {
        var response = await PostAsync(new JsonObject { ["answers"] = Answers.RedFlag() });
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("emergency", json.RootElement.GetProperty("triage").GetString());
        Assert.Equal("emergency-care", json.RootElement.GetProperty("guidance")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Assess_BadAnswers_ProblemDetailsPerAnswer()
    {
        var answers = Answers.NoRisk().With("back_pain", 11).With("pain_trend", "sideways").With("favourite", "x");

        var response = await PostAsync(new JsonObject { ["answers"] = answers });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = json.RootElement.GetProperty("errors");
        Assert.Contains("0 (no pain) to 10", errors.GetProperty("back_pain")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("choose one of the options", errors.GetProperty("pain_trend")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("favourite", out _));
    }

    [Theory]
    [InlineData("{\"answers\": {\"back_pain\": \"lots\"}}", "back_pain")]
    [InlineData("{\"answers\": [1, 2]}", "answers")]
    [InlineData("{\"nothing\": true}", "answers")]
    [InlineData("{\"answers\": {}, \"date\": \"2999-01-01\"}", "date")]
    [InlineData("{\"answers\": {", "body")]
    [InlineData("[]", "answers")]
    public async Task Assess_MalformedBody_ClearProblem(string body, string errorKey)
    {
        var response = await _client.PostAsync("/api/assessments", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(errorKey, out _));
    }

    [Theory]
    [InlineData("pain_trend", "\u0000\u0007")]
    [InlineData("pain_trend", "béttér ✓ 背")]
    [InlineData("pain_trend", "<img src=x onerror=alert(1)>")]
    [InlineData("age_band", "over_50\r\nX-Injected: 1")]
    public async Task Assess_ControlUnicodeOrMarkupInOptions_ClearMessage(string question, string value)
    {
        var answers = Answers.NoRisk().With(question, value);

        var response = await PostAsync(new JsonObject { ["answers"] = answers });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("choose one of the options shown", json.RootElement.GetProperty("errors").GetProperty(question)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_OverlongOption_ClearMessage()
    {
        var response = await PostAsync(new JsonObject { ["answers"] = Answers.NoRisk().With("pain_trend", new string('a', 5000)) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("expected one option id", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_WrongContentType_415ProblemJson()
    {
        var response = await _client.PostAsync("/api/assessments", new StringContent("answers=1", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Assess_OversizeBody_413()
    {
        var big = new JsonObject { ["answers"] = new JsonObject { ["pad"] = new string('x', 200_000) } };

        var response = await PostAsync(big);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task UnknownApiPath_ProblemJsonNotHtml()
    {
        var response = await _client.GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task OpenApi_DescribesBothEndpoints()
    {
        var document = await _client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/questionnaire", document, StringComparison.Ordinal);
        Assert.Contains("/api/assessments", document, StringComparison.Ordinal);
    }

    /// <summary>
    /// The OpenAPI document describes what the intake reads: the request body's properties are exactly the intake's
    /// (<see cref="RunBack.Web.Features.Assessments.AnswerIntake.ApiRequest"/>), and each one is really read: a wrong
    /// value in it is refused with an error under its own name.
    /// </summary>
    [Fact]
    public async Task OpenApi_RequestBody_IsWhatTheIntakeReads()
    {
        var document = JsonNode.Parse(await _client.GetStringAsync("/openapi/v1.json"))!;
        var schema = document["paths"]!["/api/assessments"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!;
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            schema = document["components"]!["schemas"]![reference.Split('/')[^1]]!;
        }
        var described = schema["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        string[] read = [RunBack.Web.Features.Assessments.AnswerIntake.AnswersProperty, RunBack.Web.Features.Assessments.AnswerIntake.DateProperty];

        Assert.Equal(read.Order(StringComparer.Ordinal), described);
        foreach (var property in described)
        {
            var body = new JsonObject { ["answers"] = Answers.HipPattern(), [property] = 7 };
            var response = await PostAsync(body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(property, out _), $"A wrong '{property}' was not refused under its name.");
        }
    }
}
