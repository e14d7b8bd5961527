namespace RunBack.Core.Rules;

/// <summary>
/// Which guidance a result shows, in which section, on screen and in print alike (the edge heads the later section with
/// Wording.resx Guidance_AfterChecked). On an emergency or urgent
/// result only the safety cards lead: stretches, "keep moving", ice and heat never stand beside "go to emergency care
/// now" or "contact a doctor today". An urgent result keeps the rest for "after you have been checked"; an emergency
/// result shows nothing else (never "keep moving" after a major accident).
/// </summary>
public static class GuidanceSections
{
    public static bool SafetyOnly(Assessment assessment) => assessment.Triage >= TriageLevel.Urgent;

    /// <summary>The cards that lead: on an urgent or emergency result, the safety cards alone; otherwise every card, ranked.</summary>
    public static IReadOnlyList<SelectedGuidance> Now(Assessment assessment) =>
        SafetyOnly(assessment) ? [.. assessment.Guidance.Where(g => g.Safety)] : assessment.Guidance;

    /// <summary>The cards for after a doctor has seen the runner: the rest on an urgent result; none on an emergency or any other result.</summary>
    public static IReadOnlyList<SelectedGuidance> AfterChecked(Assessment assessment) =>
        assessment.Triage == TriageLevel.Urgent ? [.. assessment.Guidance.Where(g => !g.Safety)] : [];
}
