using RunBack.Core.Content;

namespace RunBack.Core.Rules;

/// <summary>A warning sign found in answers that were rejected for another reason: the release that words its action, and the result.</summary>
public sealed record SafetyVerdict(ContentRelease Release, Assessment Assessment)
{
    public TriageLevel Level => Assessment.Triage;

    /// <summary>The signs that raised the tier to urgent or emergency, as the banner lists them.</summary>
    public IReadOnlyList<RaisedFlag> Flags => [.. Assessment.Flags.Where(f => f.Level >= TriageLevel.Urgent)];
}
