using BenchmarkDotNet.Attributes;
using RunBack.Core.Content;
using RunBack.Core.Questionnaire;
using RunBack.Core.Rules;

namespace RunBack.Benchmarks;

/// <summary>The hot path of every self-check step: evaluating (and validating) one answer set against the shipped release.</summary>
[MemoryDiagnoser]
public class RulesBenchmarks
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private ContentRelease _release = default!;
    private AnswerSet _noRisk = AnswerSet.Empty;
    private AnswerSet _hipAndLoad = AnswerSet.Empty;
    private AnswerSet _redFlag = AnswerSet.Empty;
    private AnswerSetValidator _validator = default!;

    [GlobalSetup]
    public void Setup()
    {
        _release = ContentStore.Load(RepoPaths.Content).Current;
        var questionnaire = _release.Questionnaire;
        _noRisk = Parse(Personas.NoRisk().ToJson(Today).ToJsonString(), questionnaire);
        _hipAndLoad = _noRisk
            .Set("distance_week_1", AnswerValue.Of(36)).Set("shoe_distance", AnswerValue.Of(700))
            .Set("sitting_hours", AnswerValue.Of(9)).Set("worse_after_sitting", AnswerValue.Of(true))
            .Set("better_walking", AnswerValue.Of(true)).Set("warm_up", AnswerValue.Of("rarely"))
            .Set("strength_sessions", AnswerValue.Of("none")).Set("pain_started", AnswerValue.Of(Today.AddDays(-1)));
        _redFlag = _noRisk.Set("serious_signs", AnswerValue.OfOptions(["saddle_numbness", "fever"]));
        _validator = new AnswerSetValidator(questionnaire, Today);
    }

    private static AnswerSet Parse(string json, QuestionnaireDefinition questionnaire) => AnswerParser.FromJson(json, questionnaire).Answers;

    // Evaluate*: what every answer (the live banner) and every save runs: decisions only (issue 18's budget).
    [Benchmark(Baseline = true)]
    public Assessment EvaluateNoRisk() => RulesEngine.Evaluate(_release, _noRisk, Today, AssessmentDetail.Decisions);

    [Benchmark]
    public Assessment EvaluateHipAndLoad() => RulesEngine.Evaluate(_release, _hipAndLoad, Today, AssessmentDetail.Decisions);

    [Benchmark]
    public Assessment EvaluateRedFlag() => RulesEngine.Evaluate(_release, _redFlag, Today, AssessmentDetail.Decisions);

    // Explain*: the full result with evidence, reasons and computed values in words (the result page, the API, a summary).
    [Benchmark]
    public Assessment ExplainHipAndLoad() => RulesEngine.Evaluate(_release, _hipAndLoad, Today);

    [Benchmark]
    public Assessment ExplainRedFlag() => RulesEngine.Evaluate(_release, _redFlag, Today);

    [Benchmark]
    public bool ValidateAll() => _validator.Validate(_hipAndLoad).IsValid;
}

/// <summary>Start-up cost: reading, parsing and validating every shipped release once.</summary>
[MemoryDiagnoser]
public class ContentLoadBenchmarks
{
    private string _root = "";

    [GlobalSetup]
    public void Setup() => _root = RepoPaths.Content;

    [Benchmark]
    public ContentStore LoadContent() => ContentStore.Load(_root);
}
