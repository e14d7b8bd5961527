using System.Text.Json.Serialization;
using RunBack.Core.Content;
using RunBack.Core.Questionnaire;
using RunBack.Core.Rules;

namespace RunBack.Web.Features.Assessments;

/// <summary>The JSON shapes of the public API. Names are stable; see the README for the answer format.</summary>
public static class AssessmentJson
{
    public static QuestionnaireDto ToDto(ContentRelease release) => new(
        release.Id,
        [.. release.Questionnaire.Sections.Select(s => new SectionDto(s.Id, s.Title, s.Intro, s.Safety,
            [.. s.Questions.Select(q => new QuestionDto(
                q.Id, q.Kind.Id(), q.Prompt, q.Label, q.Help, q.Required,
                q.Options.Count == 0 ? null : [.. q.Options.Select(o => new OptionDto(o.Id, o.Label, o.Exclusive ? true : null))],
                q.Min, q.Max, q.Kind == QuestionKind.Number ? q.Step : null, q.Unit, q.UnitFrom,
                q.ShowIf is null ? null : ConditionText(q.ShowIf)))]))]);

    public static AssessmentDto ToDto(Assessment a) => new(
        a.ReleaseId,
        a.Triage.Id(),
        [.. a.Flags.Select(f => new FlagDto(f.RuleId, f.Label, f.Level.Id()))],
        [.. a.Factors.Select(f => new FactorDto(f.Id, f.Label, f.Strength, [.. f.Evidence.Select(ToDto)]))],
        new HipDto(a.Hip.Component.Id(), [.. a.Hip.Patterns.Select(p => p.Label)], a.Hip.HipStiffensFirst),
        [.. a.Guidance.Select((g, i) => new GuidanceDto(i + 1, g.Item.Id, g.Item.Title, g.Item.Summary, g.Safety, g.Reasons,
            [.. g.Evidence.Select(ToDto)], [.. g.Item.Sources.Select(s => new SourceDto(s.Title, s.Publisher))],
            $"/guidance/{a.ReleaseId}/{g.Item.ArticleId}#{g.Item.Id}"))],
        [.. a.Computed.Where(c => !c.Value.IsNone).Select(c => new ComputedDto(c.Id, c.Label, c.Display))],
        a.FiredRuleIds);

    private static EvidenceDto ToDto(Evidence e) => new(e.Id, e.Label, e.Answer);

    /// <summary>A condition in words, for clients deciding when to show a question: "cadence_known = true".</summary>
    public static string ConditionText(Condition condition) => condition switch
    {
        AllCondition all => "(" + string.Join(" and ", all.Parts.Select(ConditionText)) + ")",
        AnyCondition any => "(" + string.Join(" or ", any.Parts.Select(ConditionText)) + ")",
        AtLeastCondition atLeast => $"(at least {atLeast.Count} of " + string.Join(", ", atLeast.Parts.Select(ConditionText)) + ")",
        NotCondition not => "not " + ConditionText(not.Inner),
        Comparison c => $"{c.Value.Id} {OperatorText(c.Operator)} {string.Join("|", c.Operands)}",
        _ => "",
    };

    private static string OperatorText(CompareOperator op) => op switch
    {
        CompareOperator.Equals => "=",
        CompareOperator.In => "in",
        CompareOperator.GreaterThan => ">",
        CompareOperator.GreaterOrEqual => ">=",
        CompareOperator.LessThan => "<",
        CompareOperator.LessOrEqual => "<=",
        CompareOperator.Includes => "includes",
        _ => "answered",
    };
}

public sealed record QuestionnaireDto(string Release, IReadOnlyList<SectionDto> Sections);
public sealed record SectionDto(string Id, string Title, string? Intro, bool Safety, IReadOnlyList<QuestionDto> Questions);
public sealed record QuestionDto(
    string Id, string Kind, string Prompt, string Label, string? Help, bool Required,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<OptionDto>? Options,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Min,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Max,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Step,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Unit,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? UnitFrom,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ShowIf);
public sealed record OptionDto(string Id, string Label, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Exclusive);

public sealed record AssessmentDto(
    string Release, string Triage, IReadOnlyList<FlagDto> Flags, IReadOnlyList<FactorDto> Factors, HipDto Hip,
    IReadOnlyList<GuidanceDto> Guidance, IReadOnlyList<ComputedDto> Computed, IReadOnlyList<string> FiredRules);
public sealed record FlagDto(string Rule, string Label, string Triage);
public sealed record FactorDto(string Id, string Label, int Strength, IReadOnlyList<EvidenceDto> Evidence);
public sealed record HipDto(string Component, IReadOnlyList<string> Patterns, bool HipStiffensFirst);
public sealed record GuidanceDto(int Rank, string Id, string Title, string Summary, bool Safety, IReadOnlyList<string> Why,
    IReadOnlyList<EvidenceDto> Evidence, IReadOnlyList<SourceDto> Sources, string ReadMore);
public sealed record EvidenceDto(string Question, string Label, string Answer);
public sealed record SourceDto(string Title, string Publisher);
public sealed record ComputedDto(string Id, string Label, string Value);
