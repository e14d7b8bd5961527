using Microsoft.AspNetCore.Components;

namespace RunBack.Web.Features.SelfCheck;

/// <summary>The self-check's link to saved check-ins: "Saved" on a result already saved, and prefilling from the last one.</summary>
public sealed partial class SelfCheck
{
    [Inject] private RunBack.Web.Data.SavedCheckIns Saved { get; set; } = default!;
    [Inject] private PersistentComponentState State { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private HttpContext? HttpContext { get; set; }
    // "?from=last": start from the answers of the runner's last full self-check (the quick check-in's "change" link).
    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }

    private const string PrefillKey = "runback.prefill";
    private string? _prefillJson;
    private PersistingComponentStateSubscription _persisting;

    /// <summary>The saved check-in this result already is (the runner came back to it after saving).</summary>
    private Guid? _savedId;
    /// <summary>Answers of a saved check-in being changed: saving them makes a new check-in.</summary>
    private bool _editingSaved;
    /// <summary>The answers were filled in from the last full self-check.</summary>
    private bool _prefilled;

    /// <summary>
    /// While prerendering (the only time the profile cookie can be read), loads the answers to prefill; they reach the
    /// interactive page through persisted component state.
    /// </summary>
    protected override async Task OnInitializedAsync()
    {
        if (!State.TryTakeFromJson(PrefillKey, out _prefillJson) && From == "last" && HttpContext is not null
            && RunBack.Web.Common.ProfileIdentity.Id(HttpContext) is { } profileId)
        {
            try
            {
                _prefillJson = await Saved.LastFullAnswersAsync(profileId, HttpContext.RequestAborted);
            }
            catch (Exception ex) when (RunBack.Web.Data.StorageErrors.IsStorageFailure(ex))
            {
                _prefillJson = null; // storage went down after the profile was read: the self-check starts empty
            }
        }
        CarryCountry();
        _persisting = State.RegisterOnPersisting(() =>
        {
            PersistCountry();
            if (_prefillJson is not null)
            {
                State.PersistAsJson(PrefillKey, _prefillJson);
            }
            return Task.CompletedTask;
        });
    }

    private Task EditAnswers()
    {
        if (_savedId is null)
        {
            return Move(Wizard.Edit);
        }
        _savedId = null;
        _editingSaved = true;
        return Move(Wizard.EditAsNew);
    }

    private async Task CheckSavedAsync()
    {
        try
        {
            _savedId = _wizard?.Result is null ? null : await Saved.WithKeyAsync(_wizard.IdempotencyKey);
        }
        catch (Exception ex) when (RunBack.Web.Data.StorageErrors.IsStorageFailure(ex))
        {
            // Storage is down: the result still shows, with the save button.
            _savedId = null;
        }
    }
}
