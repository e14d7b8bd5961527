using System.Globalization;
using System.Text.Json.Nodes;
using Bunit;
using RunBack.Core.Content;
using RunBack.Core.Questionnaire;
using RunBack.Web.Components.Shared;
using RunBack.Web.Features.Assessments;
using RunBack.Web.Features.Summary;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Components;

/// <summary>
/// Honest labelling (issue 23, clinical-safety.md): every runner-check factor is education ("often goes with"), not only
/// the hip patterns, and "Hip component: likely" says in plain words what it means, on the result and in the summary, in
/// both editions. The factor wording is release 2027.2.0's (loaded with drafts until the lead publishes it).
/// </summary>
public sealed class HonestLabellingTests : ComponentTestBase
{
    private static readonly Lazy<ContentRelease> Draft = new(() => ContentStore.Load(RepoPaths.Content, includeDrafts: true).Find("2027.2.0")!);

    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public static TheoryData<string, string> Editions => new()
    {
        { "en-GB", "a physiotherapist can check this" },
        { "en-US", "a physical therapist can check this" },
    };

    private static ContentRelease InEdition(string culture)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        return culture == "en-GB" ? Draft.Value : Draft.Value.Edition(culture)!;
    }

    private static (AnswerSet Answers, Core.Rules.Assessment Assessment) Assess(ContentRelease release, JsonObject answers)
    {
        var set = AnswerParser.FromJson(answers.ToJsonString(), release.Questionnaire).Answers;
        return (set, AssessmentService.Evaluate(release, set, Answers.Today));
    }

    private IRenderedComponent<ResultView> RenderResult(ContentRelease release, JsonObject answers)
    {
        var (set, assessment) = Assess(release, answers);
        return Render<ResultView>(p => p
            .Add(x => x.Assessment, assessment)
            .Add(x => x.Release, release)
            .Add(x => x.Answers, set)
            .Add(x => x.AnswersJson, answers.ToJsonString())
            .Add(x => x.Date, Answers.Today));
    }

    /// <summary>The no-risk runner with shoes well past 480 km: the footwear factor, no hip pattern.</summary>
    private static JsonObject WornShoes() => Answers.NoRisk().With("shoe_distance", 900);

    [Theory]
    [MemberData(nameof(Editions))]
    public void Result_NonHipFactor_IsEducation_OftenGoesWith(string culture, string _)
    {
        var release = InEdition(culture);

        var cut = RenderResult(release, WornShoes());

        var factor = cut.FindAll("li.factor").Single(li => li.QuerySelector("strong")!.TextContent == "Footwear");
        Assert.Contains("often go with back pain", factor.TextContent, StringComparison.Ordinal);
        var honest = cut.Find("section[aria-labelledby=factors-title] .honest-label").TextContent;
        Assert.Contains("often go with back pain in runners", honest, StringComparison.Ordinal);
        Assert.Contains("not a test and not a diagnosis", honest, StringComparison.Ordinal);
        Assert.Equal("Hip component: none. None of your answers fit the hip patterns.", Normalised(cut.Find("p.hip").TextContent));
    }

    [Theory]
    [MemberData(nameof(Editions))]
    public void Result_HipComponentLikely_SaysWhatItMeans_InPlainWords(string culture, string whoChecks)
    {
        var release = InEdition(culture);

        var cut = RenderResult(release, Answers.HipPattern());

        Assert.Equal($"Hip component: likely. Your answers often go with the hip playing a part in back pain; {whoChecks}.",
            Normalised(cut.Find("p.hip").TextContent));
    }

    [Theory]
    [MemberData(nameof(Editions))]
    public void Summary_FactorsAreEducation_AndHipLikelyIsExplained(string culture, string whoChecks)
    {
        var release = InEdition(culture);
        var (set, assessment) = Assess(release, Answers.HipPattern().With("shoe_distance", 900));

        var cut = Render<SummaryDocument>(p => p.Add(x => x.Model,
            SummaryService.Build("TEST", null, null, Answers.Today, release, set, assessment, [])));

        var block = Normalised(cut.Find("section[aria-labelledby=s-factors]").TextContent);
        Assert.Contains("These things often go with back pain in runners.", block, StringComparison.Ordinal);
        Assert.Contains($"Your answers often go with the hip playing a part in back pain; {whoChecks}.", block, StringComparison.Ordinal);
    }

    private static string Normalised(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        base.Dispose(disposing);
    }
}
