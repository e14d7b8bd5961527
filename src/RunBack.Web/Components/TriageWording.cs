using Microsoft.Extensions.Localization;
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
    /// ("your local emergency number"), from Resources/Wording.resx in the request's edition. A release's actions, when
    /// it or a newer release has them for the runner's country, replace the lead (see <see cref="ContentStore.Edition"/>).
    /// </summary>
    public static TriageWording For(IStringLocalizer<Wording> words, TriageLevel level)
    {
        var key = level switch
        {
            TriageLevel.Emergency => "Emergency",
            TriageLevel.Urgent => "Urgent",
            TriageLevel.SeeProfessional => "SeeProfessional",
            _ => "SelfCare",
        };
        return new(words[$"Triage_{key}_Title"], words[$"Triage_{key}_Lead"], words[$"Triage_{key}_Advice"]);
    }

    /// <summary>
    /// A tier in the words of a release: the action (label, number and sentence) comes from the release's content for
    /// the runner's country, or its "country unknown" wording; a release without actions falls back to
    /// <see cref="For(IStringLocalizer{Wording}, TriageLevel)"/>.
    /// </summary>
    public static TriageWording For(IStringLocalizer<Wording> words, TriageLevel level, ReleaseActions actions, string? country)
    {
        var wording = For(words, level);
        return actions.For(level, country) is { } action
            ? wording with { Lead = action.Text, ActionLabel = action.Label, Phone = string.IsNullOrWhiteSpace(action.Phone) ? null : action.Phone }
            : wording;
    }

    /// <summary>The CSS modifier for a tier, from its stable id: <c>triage--see_professional</c>.</summary>
    public static string Css(TriageLevel level) => "triage--" + level.Id();
}
