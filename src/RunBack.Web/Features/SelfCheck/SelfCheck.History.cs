using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace RunBack.Web.Features.SelfCheck;

/// <summary>
/// The browser's Back and Forward between steps: each step (and the result) has its own history entry, /check?step=N
/// (1-based) or /check?step=result, pushed as the runner moves. Going back shows the earlier step with every answer
/// kept; going forward moves on only through steps that are complete (the same checks as Next).
/// </summary>
public sealed partial class SelfCheck
{
    private const string ResultStep = "result";
    private bool _watchingHistory;

    /// <summary>The wizard's place as the address names it.</summary>
    private string Position => Wizard.Result is not null ? ResultStep : (Wizard.Step + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>The step named in an address, or null when it names none (a plain /check).</summary>
    private static string? StepIn(string uri)
    {
        var query = new Uri(uri).Query;
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query).TryGetValue("step", out var step) ? step.ToString() : null;
    }

    /// <summary>Starts following Back and Forward, and gives the current entry the step shown (replacing, not adding).</summary>
    private void WatchHistory()
    {
        if (!_watchingHistory)
        {
            _watchingHistory = true;
            Navigation.LocationChanged += OnLocationChanged;
        }
        if (StepIn(Navigation.Uri) != Position)
        {
            Navigation.NavigateTo(StepAddress(Position), new NavigationOptions { ReplaceHistoryEntry = true });
        }
    }

    private static string StepAddress(string position) => "/check?step=" + position;

    /// <summary>After a move made on the page: a new history entry for the new place (none when it did not change).</summary>
    private void PushPosition()
    {
        if (_wizard is not null && StepIn(Navigation.Uri) != Position)
        {
            Navigation.NavigateTo(StepAddress(Position));
        }
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        if (_wizard is null || new Uri(e.Location).AbsolutePath != "/check" || StepIn(e.Location) is not { } wanted || wanted == Position)
        {
            return;
        }
        _ = InvokeAsync(() => FollowHistoryAsync(wanted));
    }

    /// <summary>Moves to the step a Back or Forward named: back freely, forward only through complete steps.</summary>
    private async Task FollowHistoryAsync(string wanted)
    {
        if (wanted == ResultStep)
        {
            while (Wizard.Result is null && Wizard.Next() is not StepMove.Invalid)
            {
            }
            _focusResult = Wizard.Result is not null;
        }
        else if (int.TryParse(wanted, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= Wizard.Sections.Count)
        {
            var target = number - 1;
            if (Wizard.Result is not null || target < Wizard.Step)
            {
                Wizard.ShowStep(target);
            }
            while (Wizard.Step < target && Wizard.Next() == StepMove.NextStep)
            {
            }
            _focusHeading = true;
        }
        if (Wizard.Result is not null)
        {
            await CheckSavedAsync();
        }
        if (Wizard.Errors.Count > 0)
        {
            _focusAfterRender = Components.Shared.Questions.QuestionField.FieldId(Wizard.FirstError!);
        }
        // Forward past a step that is not complete stops there: the address says where the runner really is.
        if (StepIn(Navigation.Uri) != Position)
        {
            Navigation.NavigateTo(StepAddress(Position), new NavigationOptions { ReplaceHistoryEntry = true });
        }
        await SaveStateAsync();
        StateHasChanged();
    }

    private void StopWatchingHistory()
    {
        if (_watchingHistory)
        {
            Navigation.LocationChanged -= OnLocationChanged;
        }
    }
}
