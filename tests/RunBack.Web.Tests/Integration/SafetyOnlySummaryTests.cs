using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RunBack.Core.Questionnaire;
using RunBack.Core.Rules;
using RunBack.Web.Features.Assessments;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// The printed summary of an emergency result lists the safety cards alone (2027.1.0 hazard 6), and ⚑ marks warning
/// signs and nothing else (hazard 9: a 2/10 pain that fed the three-week rule was printed with ⚑).
/// </summary>
public sealed class SafetyOnlySummaryTests : IClassFixture<RunBackFactory>
{
    private readonly RunBackFactory _factory;

    public SafetyOnlySummaryTests(RunBackFactory factory) => _factory = factory;

    [Fact]
    public async Task EmergencySummary_ListsOnlyTheSafetyCards()
    {
        var client = _factory.CreateBrowserLikeClient();
        var answers = Answers.RedFlag();
        var id = await CheckInClient.SaveOkAsync(client, answers);
        var assessments = _factory.Services.GetRequiredService<AssessmentService>();
        var release = assessments.Current;
        var assessment = AssessmentService.Evaluate(release, AnswerParser.FromJson(answers.ToJsonString(), release.Questionnaire).Answers, Answers.Today);
        Assert.Equal(TriageLevel.Emergency, assessment.Triage);
        Assert.Contains(assessment.Guidance, g => !g.Safety);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/summary/{id}"));
        var start = html.IndexOf("id=\"s-guidance\"", StringComparison.Ordinal);
        var guidance = html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];

        Assert.All(assessment.Guidance.Where(g => g.Safety), g => Assert.Contains($"<strong>{g.Item.Title}</strong>", guidance, StringComparison.Ordinal));
        Assert.All(assessment.Guidance.Where(g => !g.Safety), g => Assert.DoesNotContain($"<strong>{g.Item.Title}</strong>", guidance, StringComparison.Ordinal));
        Assert.DoesNotContain("After you have been checked", guidance, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UrgentSummary_PrintsTheRestUnderAfterYouHaveBeenChecked()
    {
        var client = _factory.CreateBrowserLikeClient();
        var id = await CheckInClient.SaveOkAsync(client, Answers.NoRisk().With("serious_signs", new JsonArray("fever")));

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/summary/{id}"));

        Assert.Contains("<h3 class=\"summary__later\">After you have been checked</h3>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PainThatFedTheThreeWeekRule_IsNotMarkedAsAWarningSign()
    {
        var client = _factory.CreateBrowserLikeClient();
        // Mild pain for three weeks, no better despite self-care: "see a professional", with no warning sign.
        var answers = Personas.NoRisk().ToJson(Answers.Today).With("back_pain", 2).With("pain_trend", "same")
            .With("pain_started", Answers.Today.AddDays(-21).ToString("yyyy-MM-dd"));
        var id = await CheckInClient.SaveOkAsync(client, answers);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/summary/{id}"));
        var start = html.IndexOf("id=\"s-answers\"", StringComparison.Ordinal);
        var table = html[html.IndexOf("</h2>", start, StringComparison.Ordinal)..];

        Assert.Contains("mark--see", table, StringComparison.Ordinal);
        Assert.DoesNotContain("mark--warning", table, StringComparison.Ordinal);
        Assert.DoesNotContain("is-warning", table, StringComparison.Ordinal);
    }
}
