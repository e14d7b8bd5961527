using RunBack.Core.Content;
using RunBack.Core.Questionnaire;

namespace RunBack.Core.Rules;

/// <summary>One answer (or computed value) behind a flag, factor or guidance item, in plain words.</summary>
public sealed record Evidence(string Id, string Label, string Answer);

public sealed record RaisedFlag(string RuleId, string Label, TriageLevel Level, IReadOnlyList<Evidence> Evidence);

public sealed record RaisedFactor(string Id, string Label, string Description, int Strength, IReadOnlyList<Evidence> Evidence, IReadOnlyList<string> RuleIds);

public sealed record MatchedHipPattern(string Id, string Label);

public sealed record HipAssessment(HipComponent Component, IReadOnlyList<MatchedHipPattern> Patterns, bool HipStiffensFirst);

public sealed record SelectedGuidance(
    GuidanceItem Item,
    bool Safety,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<Evidence> Evidence,
    IReadOnlyList<string> RuleIds);

public sealed record ComputedResult(string Id, string Label, AnswerValue Value, string Display);

/// <summary>What the rules made of one set of answers, with everything needed to explain and reproduce it.</summary>
public sealed record Assessment(
    string ReleaseId,
    TriageLevel Triage,
    IReadOnlyList<RaisedFlag> Flags,
    IReadOnlyList<RaisedFactor> Factors,
    HipAssessment Hip,
    IReadOnlyList<SelectedGuidance> Guidance,
    IReadOnlyList<ComputedResult> Computed,
    IReadOnlyList<string> FiredRuleIds)
{
    public ComputedResult? FindComputed(string id) => Computed.FirstOrDefault(c => c.Id == id);
}
