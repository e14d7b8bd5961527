using Microsoft.AspNetCore.Components;
using RunBack.Web.Common;

namespace RunBack.Web.Features.SelfCheck;

/// <summary>
/// The runner's country on the self-check: read from the request while prerendering (the cookie, the profile or the
/// browser's language), carried into the interactive page through persisted component state, and asked on the first
/// step. Changing it updates the warning banner at once and keeps the choice (cookie and profile) through the
/// same-origin country switch.
/// </summary>
public sealed partial class SelfCheck
{
    private const string CountryKey = "runback.country";

    [Inject] private RunnerCountry Country { get; set; } = default!;

    private sealed record CountryState(string? Code, CountryOrigin Origin);

    /// <summary>Every country the content has actions for, by name; then "another country".</summary>
    private IEnumerable<string> CountryChoices => Wizard.Release.Actions.Countries.OrderBy(RunnerCountry.ListName, StringComparer.Ordinal);

    private string SelectedCountry => Country.Code is { } code && Wizard.Release.Actions.Knows(code) ? code : RunnerCountry.Other;

    /// <summary>In the circuit, the country the prerendered page resolved; while prerendering, keeps it for the circuit.</summary>
    private void CarryCountry()
    {
        if (State.TryTakeFromJson<CountryState>(CountryKey, out var carried) && carried is not null)
        {
            Country.Set(carried.Code, carried.Origin);
        }
    }

    private void PersistCountry() => State.PersistAsJson(CountryKey, new CountryState(Country.Code, Country.Origin));

    private async Task CountryChanged(ChangeEventArgs change)
    {
        if (RunnerCountry.Parse(change.Value as string, Wizard.Release.Actions.Countries) is not { } code)
        {
            return;
        }
        Country.Set(code, CountryOrigin.Chosen);
        _revealBanner |= Wizard.Live is { Triage: >= RunBack.Core.Rules.TriageLevel.Urgent };
        await CallModuleAsync("keepCountry", $"/country/{code}?return=%2Fcheck");
    }

    private static string CountryFieldId => "runner-country";

    private static string CountryLabel(string code) => RunnerCountry.ListName(code);

}
