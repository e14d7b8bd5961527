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
/// strongest factor), then the rules' priority. The first three actions are "the things to do this week"; an
/// explanation (<see cref="GuidanceKind.Explanation"/>) is shown with <paramref name="Factor"/>, the strongest factor
/// behind it.
/// </summary>
public sealed record SelectedGuidance(
    GuidanceItem Item,
    bool Safety,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<Evidence> Evidence,
    IReadOnlyList<string> RuleIds,
    int Strength = 0,
    string? Factor = null)
{
    public bool IsExplanation => Item.Kind == GuidanceKind.Explanation;
}

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

    /// <summary>
    /// The guidance that leads the result: the first <see cref="TopGuidanceCount"/> things to do, in rank order. An
    /// explanation is never one of them, however strongly the answers point at its factor (issue 26 item 11); it is
    /// shown with that factor (<see cref="ExplanationsFor"/>). Releases before 2027.4.0 mark no item as an explanation,
    /// so their results keep the three they always had.
    /// </summary>
    public IReadOnlyList<SelectedGuidance> TopGuidance => [.. Actions.Take(TopGuidanceCount)];

    /// <summary>The rest of the things to do, still in rank order, for the folded part of the result; with any explanation whose factor is not shown.</summary>
    public IReadOnlyList<SelectedGuidance> MoreGuidance =>
        [.. Guidance.Where(g => !g.IsExplanation || !HasFactor(g.Factor)).Except(TopGuidance)];

    /// <summary>The explanations of one factor (how it can add to back pain), in rank order.</summary>
    public IReadOnlyList<SelectedGuidance> ExplanationsFor(string factorId) =>
        [.. Guidance.Where(g => g.IsExplanation && g.Factor == factorId)];

    private IEnumerable<SelectedGuidance> Actions => Guidance.Where(g => !g.IsExplanation);

    private bool HasFactor(string? factorId) => factorId is not null && Factors.Any(f => f.Id == factorId);
}
