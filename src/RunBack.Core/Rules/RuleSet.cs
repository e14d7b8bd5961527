using RunBack.Core.Content;

namespace RunBack.Core.Rules;

public sealed record FactorDefinition(string Id, string Label, string Description, SourceLocation Location);

public enum ComputedFunction
{
    /// <summary>The largest week-on-week rise, in per cent, over distances listed oldest first.</summary>
    LargestIncreasePercent,
    /// <summary>A distance converted to miles, from the unit chosen in <see cref="ComputedDefinition.UnitFrom"/>.</summary>
    DistanceInMiles,
    /// <summary>Whole days from a date answer to the day of the check-in.</summary>
    DaysSince,
    /// <summary>The largest rise from one running week to the next (weeks without running never break the chain).</summary>
    LargestWeeklyRise,
    /// <summary>The last week against the average of the weeks before it, in per cent.</summary>
    RiseOverAverage,
    /// <summary>Yes when the last week had running after weeks without any.</summary>
    NewStart,
    /// <summary>Like <see cref="DaysSince"/>, shown as "today", "yesterday" or "5 days ago".</summary>
    DaysAgo,
}

public sealed record ComputedDefinition(
    string Id,
    string Label,
    ComputedFunction Function,
    IReadOnlyList<string> Inputs,
    string? UnitFrom,
    SourceLocation Location);

public sealed record HipPattern(string Id, string Label, Condition When, SourceLocation Location);

public sealed record HipDefinition(
    IReadOnlyList<HipPattern> Patterns,
    HipPattern LeadingSign,
    int PossibleAt,
    int LikelyAt,
    int LikelyWithLeadingSignAt);

/// <summary>A rule: when its condition holds it may raise a flag and a triage tier, mark a factor and select guidance.</summary>
public sealed class Rule
{
    public required string Id { get; init; }
    public required Condition When { get; init; }
    public TriageLevel? Triage { get; init; }
    /// <summary>The warning sign in plain words, for rules that raise the triage tier.</summary>
    public string? Flag { get; init; }
    public string? Factor { get; init; }
    public int Weight { get; init; } = 1;
    public IReadOnlyList<string> Guidance { get; init; } = [];
    public int Priority { get; init; }
    public required ReasonTemplate Because { get; init; }
    public SourceLocation Location { get; init; } = SourceLocation.None;
}

public sealed class RuleSet
{
    public const string HipComponentValue = "hip_component";
    public const string HipPatternCountValue = "hip_pattern_count";

    public required IReadOnlyList<FactorDefinition> Factors { get; init; }
    public required IReadOnlyList<ComputedDefinition> Computed { get; init; }
    public required HipDefinition Hip { get; init; }
    public required IReadOnlyList<Rule> Rules { get; init; }

    public FactorDefinition? FindFactor(string id) => Factors.FirstOrDefault(f => f.Id == id);

    /// <summary>The computed values a condition may read: the declared ones and the hip classification.</summary>
    public IEnumerable<string> ComputedIds() =>
        Computed.Select(c => c.Id).Append(HipComponentValue).Append(HipPatternCountValue);
}
