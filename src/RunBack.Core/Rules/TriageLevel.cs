namespace RunBack.Core.Rules;

/// <summary>The four triage tiers of the clinical safety rules, lowest first. The highest reached wins.</summary>
public enum TriageLevel
{
    SelfCare = 0,
    SeeProfessional = 1,
    Urgent = 2,
    Emergency = 3,
}

public static class TriageLevels
{
    /// <summary>The ids used in rules.yaml, the API, storage and the page's CSS (<c>triage--urgent</c>).</summary>
    public static readonly StableIds<TriageLevel> Ids = new(
        (TriageLevel.SelfCare, "self_care"),
        (TriageLevel.SeeProfessional, "see_professional"),
        (TriageLevel.Urgent, "urgent"),
        (TriageLevel.Emergency, "emergency"));

    public static string Id(this TriageLevel level) => Ids.Id(level);
}
