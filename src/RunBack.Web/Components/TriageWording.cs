using RunBack.Core.Rules;

namespace RunBack.Web.Components;

/// <summary>What a triage tier says to a runner: the banner's title and lead, and the short advice for lists.</summary>
public sealed record TriageWording(string Title, string Lead, string Advice)
{
    /// <summary>The one place a tier is put into words; every page, the printout and the PDF use it.</summary>
    public static TriageWording For(TriageLevel level) => level switch
    {
        TriageLevel.Emergency => new("Go to emergency care now",
            "One or more of your answers needs urgent medical attention. Go to an emergency department now, or call your local emergency number. Do not wait to see whether it settles.",
            "advised emergency care now"),
        TriageLevel.Urgent => new("Contact a doctor today",
            "One or more of your answers should be checked by a doctor today. Call your doctor's surgery for an urgent appointment, or your local urgent-care line if it is closed.",
            "advised a doctor the same day"),
        TriageLevel.SeeProfessional => new("Book a physiotherapist or doctor in the next few days",
            "Your answers suggest your back should be looked at by a physiotherapist or doctor. The self-care guidance below is still useful while you wait.",
            "advised a physiotherapist or doctor within days"),
        _ => new("Self-care should help",
            "Nothing you told us needs a doctor straight away. The guidance below is chosen from your answers. Check in again in a few days to see how things change.",
            "self-care"),
    };

    /// <summary>The CSS modifier for a tier, from its stable id: <c>triage--see_professional</c>.</summary>
    public static string Css(TriageLevel level) => "triage--" + level.Id();
}
