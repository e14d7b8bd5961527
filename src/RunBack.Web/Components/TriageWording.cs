using System.Globalization;
using RunBack.Core.Content;
using RunBack.Core.Rules;

namespace RunBack.Web.Components;

/// <summary>
/// What a triage tier says to a runner: the banner's title and lead, the short advice for lists, and, when the release
/// gives one, the action that comes first (a button label and a phone number for a <c>tel:</c> link).
/// </summary>
public sealed record TriageWording(string Title, string Lead, string Advice)
{
    /// <summary>The button label of the action, from the release's <c>actions:</c>; null when it has none.</summary>
    public string? ActionLabel { get; init; }

    /// <summary>The number to call for the action (e.g. 999), from content; null when there is nothing to call.</summary>
    public string? Phone { get; init; }

    /// <summary>A <c>tel:</c> address for <see cref="Phone"/>: digits and a leading + only.</summary>
    public string? TelHref => Phone is null ? null : "tel:" + new string([.. Phone.Where(c => char.IsAsciiDigit(c) || c == '+')]);

    /// <summary>
    /// The one place a tier is put into words, without a release: the wording for a runner whose country is unknown
    /// ("your local emergency number"). Releases before 2026.12.0 carry no actions and are shown with it.
    /// </summary>
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

    /// <summary>
    /// A tier in the words of a release: the action (label, number and sentence) comes from the release's content for
    /// the runner's country, or its "country unknown" wording; a release without actions falls back to <see cref="For(TriageLevel)"/>.
    /// </summary>
    public static TriageWording For(TriageLevel level, ReleaseActions actions, string? country)
    {
        var wording = For(level);
        return actions.For(level, country) is { } action
            ? wording with { Lead = action.Text, ActionLabel = action.Label, Phone = string.IsNullOrWhiteSpace(action.Phone) ? null : action.Phone }
            : wording;
    }

    /// <summary>
    /// The runner's country, as far as RunBack knows it: the region of the request's culture (en-GB: GB). A neutral
    /// culture (en) gives null, and with it the "your local emergency number" wording.
    /// </summary>
    public static string? Country(CultureInfo culture) =>
        culture.IsNeutralCulture || culture.Name.Length == 0 ? null : new RegionInfo(culture.Name).TwoLetterISORegionName;

    /// <summary>The CSS modifier for a tier, from its stable id: <c>triage--see_professional</c>.</summary>
    public static string Css(TriageLevel level) => "triage--" + level.Id();
}
