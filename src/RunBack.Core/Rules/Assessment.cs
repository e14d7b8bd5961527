using RunBack.Core.Content;
using RunBack.Core.Questionnaire;

namespace RunBack.Core.Rules;

/// <summary>One answer (or computed value) behind a flag, factor or guidance item, in plain words.</summary>
public sealed record Evidence(string Id, string Label, string Answer);

public sealed record RaisedFlag(string RuleId, string Label, TriageLevel Level, IReadOnlyList<Evidence> Evidence);

public sealed record RaisedFactor(string Id, string Label, string Description, int Strength, IReadOnlyList<Evidence> Evidence, IReadOnlyList<string> RuleIds);

public sealed record MatchedHipPattern(string Id, string Label);

public sealed record HipAssessment(HipComponent Component, IReadOnlyList<MatchedHipPattern> Patterns, bool HipStiffensFirst);

/// <summary>
/// A guidance item the answers point at. <see cref="Assessment.Guidance"/> is ranked: safety first, then by
/// <paramref name="Strength"/> (how strongly the answers point at it: the summed weights of the rules behind its
/// strongest factor), then the rules' priority. The first three are "the things to do this week".
/// </summary>
public sealed record SelectedGuidance(
    GuidanceItem Item,
    bool Safety,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<Evidence> Evidence,
    IReadOnlyList<string> RuleIds,
    int Strength = 0);

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
    /// <summary>How many guidance items lead the result as "the things to do this week".</summary>
    public const int TopGuidanceCount = 3;

    public ComputedResult? FindComputed(string id) => Computed.FirstOrDefault(c => c.Id == id);

    /// <summary>The guidance that leads the result (at most <see cref="TopGuidanceCount"/>), in rank order.</summary>
    public IReadOnlyList<SelectedGuidance> TopGuidance => [.. Guidance.Take(TopGuidanceCount)];

    /// <summary>The rest of the guidance, still in rank order, for the folded part of the result.</summary>
    public IReadOnlyList<SelectedGuidance> MoreGuidance => [.. Guidance.Skip(TopGuidanceCount)];
}
