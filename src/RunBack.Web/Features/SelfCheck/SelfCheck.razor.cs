using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.JSInterop;
using RunBack.Core.Questionnaire;
using RunBack.Core.Rules;
using RunBack.Web.Components.Shared.Questions;
using RunBack.Web.Features.Assessments;

namespace RunBack.Web.Features.SelfCheck;

/// <summary>
/// The self-check page: binds to a <see cref="SelfCheckWizard"/>, keeps its state in protected session storage so a
/// reload or a lost connection loses nothing, and moves focus where a keyboard or screen-reader user expects it.
/// </summary>
public sealed partial class SelfCheck : IAsyncDisposable
{
    private const string StorageKey = "runback.selfcheck";

    [Inject] private AssessmentService Assessments { get; set; } = default!;
    [Inject] private ProtectedSessionStorage Storage { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;
    [Inject] private ILogger<SelfCheck> Logger { get; set; } = default!;
    private ElementReference _heading;
    private IJSObjectReference? _module;
    private SelfCheckWizard? _wizard;
    private string? _focusAfterRender;
    private bool _focusHeading;
    private bool _focusResult;
    private bool _revealBanner;

    private SelfCheckWizard Wizard => _wizard!;
    private string PageTitle => _wizard is null ? Words["Check_Loading_Title"]
        : _wizard.Result is not null ? Words["Check_YourResult"]
        : Words["Check_StepOf_Title", _wizard.Step + 1, _wizard.Sections.Count, _wizard.Section.Title];

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            if (_prefillJson is not null)
            {
                // Once: a reload of /check carries on from session storage, not from the saved answers again.
                _wizard = SelfCheckWizard.Prefilled(Assessments, _prefillJson);
                _prefillJson = null;
                _prefilled = true;
                await SaveStateAsync();
            }
            _wizard ??= await RestoreAsync() ?? new SelfCheckWizard(Assessments, Assessments.Current);
            await CheckSavedAsync();
            WatchHistory();
            StateHasChanged();
            return;
        }
        if (_revealBanner)
        {
            // Focus stays on the control the runner is using (a change of setting must not move it, WCAG 3.2.2);
            // the banner is scrolled into view and role=alert announces it.
            _revealBanner = false;
            await CallModuleAsync("reveal", LiveBannerHeading);
        }
        if (_focusAfterRender is not null)
        {
            var id = _focusAfterRender;
            _focusAfterRender = null;
            await FocusByIdAsync(id);
        }
        else if (_focusHeading)
        {
            _focusHeading = false;
            await ScrollTopAsync();
            await _heading.FocusAsync();
        }
        else if (_focusResult)
        {
            _focusResult = false;
            await ScrollTopAsync();
            await FocusByIdAsync("triage-title");
        }
    }

    private async Task<SelfCheckWizard?> RestoreAsync()
    {
        try
        {
            var stored = await Storage.GetAsync<SelfCheckSnapshot>(StorageKey);
            return stored is { Success: true, Value: { } snapshot } ? SelfCheckWizard.Resume(Assessments, snapshot) : null;
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or System.Text.Json.JsonException or JSException or InvalidOperationException)
        {
            // Storage from an older key or version cannot be read: start afresh rather than fail.
            var reason = ex.GetType().Name;
            SelfCheckLog.NotRestored(Logger, reason);
            return null;
        }
    }

    private async Task SaveStateAsync()
    {
        try
        {
            await Storage.SetAsync(StorageKey, Wizard.Snapshot());
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException or InvalidOperationException)
        {
            // The answers stay in the circuit; storage is only the safety net for a reload.
            var reason = ex.GetType().Name;
            SelfCheckLog.NotStored(Logger, reason);
        }
    }

    private Task Answer(Question question, AnswerValue value) => Changed(() => Wizard.Answer(question, value));

    private Task Typed(Question question, string text) => Changed(() => Wizard.Typed(question, text));

    /// <summary>Applies an answer; when it raises the live tier to urgent or emergency, the banner is brought into view.</summary>
    private Task Changed(Action change)
    {
        var before = Wizard.Live?.Triage ?? TriageLevel.SelfCare;
        change();
        _revealBanner |= Wizard.Live is { Triage: >= TriageLevel.Urgent } live && live.Triage > before;
        return SaveStateAsync();
    }

    private async Task Next()
    {
        switch (Wizard.Next())
        {
            case StepMove.Invalid:
                _focusAfterRender = QuestionField.FieldId(Wizard.FirstError!);
                break;
            case StepMove.NextStep:
                _focusHeading = true;
                break;
            case StepMove.Result:
                _focusResult = true;
                await CheckSavedAsync();
                break;
        }
        PushPosition();
        await SaveStateAsync();
    }

    private Task Back() => Move(Wizard.Back);

    private Task GoTo(int step) => Move(() => Wizard.GoTo(step));

    private Task StartAgain()
    {
        _savedId = null;
        _editingSaved = false;
        return Move(Wizard.StartAgain);
    }

    private Task Move(Action move)
    {
        move();
        _focusHeading = true;
        PushPosition();
        return SaveStateAsync();
    }

    private Task FocusField(string questionId) => FocusByIdAsync(QuestionField.FieldId(questionId));

    private async Task<IJSObjectReference> ModuleAsync() =>
        _module ??= await Js.InvokeAsync<IJSObjectReference>("import", "./js/selfcheck.js");

    private const string LiveBannerHeading = "live-triage";

    private Task FocusByIdAsync(string id) => CallModuleAsync("focusById", id);

    private Task ScrollTopAsync() => CallModuleAsync("scrollToTop");

    private async Task CallModuleAsync(string function, params object?[] args)
    {
        try
        {
            await (await ModuleAsync()).InvokeVoidAsync(function, args);
        }
        catch (JSDisconnectedException)
        {
            // The page is going away.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _persisting.Dispose();
        StopWatchingHistory();
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; nothing to release.
            }
        }
    }
}
