using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.JSInterop;
using RunBack.Core.Content;
using RunBack.Core.Questionnaire;
using RunBack.Core.Rules;
using RunBack.Web.Components.Shared.Questions;
using RunBack.Web.Features.Assessments;
using RunBack.Web.Features.SelfCheck;
using RunBack.Web.Hosting;

namespace RunBack.Web.Components.Pages.SelfCheck;

/// <summary>
/// The self-check: one content section per step, validated with the Core validators, a live warning banner, and
/// the state kept in protected session storage so a reload or a lost connection loses nothing.
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
    private bool _loaded;
    private int _step;
    private AnswerSet _answers = AnswerSet.Empty;
    private Dictionary<string, string> _raw = new(StringComparer.Ordinal);
    private Dictionary<string, string> _errors = new(StringComparer.Ordinal);
    private Guid _key = Guid.NewGuid();
    private Assessment? _assessment;
    private Assessment? _live;
    private string? _focusAfterRender;
    private bool _focusHeading;
    private bool _focusResult;

    private ContentRelease Release => Assessments.Current;
    private DateOnly Today => Assessments.Today;
    private IReadOnlyList<Section> Sections => Release.Questionnaire.Sections;
    private Section Section => Sections[_step];
    private IEnumerable<Question> VisibleQuestions => Section.Questions.Where(q => q.IsVisible(_answers));
    private string AnswersJson => AnswerParser.ToJson(_answers);
    private string PageTitle => _assessment is not null ? "Your result" : _loaded ? $"Step {_step + 1} of {Sections.Count}: {Section.Title}" : "Loading";

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            await RestoreAsync();
            _loaded = true;
            StateHasChanged();
            return;
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

    private async Task RestoreAsync()
    {
        try
        {
            var stored = await Storage.GetAsync<SelfCheckSnapshot>(StorageKey);
            if (stored is { Success: true, Value: { } snapshot } && snapshot.ReleaseId == Release.Id)
            {
                var (answers, errors) = AnswerParser.FromJson(snapshot.AnswersJson, Release.Questionnaire);
                _answers = errors.Count == 0 ? answers.WithoutHidden(Release.Questionnaire) : AnswerSet.Empty;
                _raw = new Dictionary<string, string>(snapshot.RawText, StringComparer.Ordinal);
                _step = Math.Clamp(snapshot.Step, 0, Sections.Count - 1);
                _key = snapshot.IdempotencyKey;
                _live = Evaluate(_answers);
                if (snapshot.ShowingResult)
                {
                    ShowResultIfValid();
                }
            }
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or System.Text.Json.JsonException or JSException or InvalidOperationException)
        {
            // Storage from an older key or version cannot be read: start afresh rather than fail.
            var reason = ex.GetType().Name;
            Log.SelfCheckNotRestored(Logger, reason);
        }
    }

    private async Task SaveStateAsync()
    {
        try
        {
            await Storage.SetAsync(StorageKey, new SelfCheckSnapshot(Release.Id, _step, AnswersJson, _raw, _key, _assessment is not null));
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException or InvalidOperationException)
        {
            // The answers stay in the circuit; storage is only the safety net for a reload.
            var reason = ex.GetType().Name;
            Log.SelfCheckNotStored(Logger, reason);
        }
    }

    private Assessment Evaluate(AnswerSet answers) => AssessmentService.Evaluate(Release, answers, Today);

    private async Task Answer(Question question, AnswerValue value)
    {
        _answers = _answers.Set(question.Id, value).WithoutHidden(Release.Questionnaire);
        _errors.Remove(question.Id);
        _live = Evaluate(_answers);
        await SaveStateAsync();
    }

    private async Task Typed(Question question, string text)
    {
        text = text.Length > 64 ? text[..64] : text;
        _raw[question.Id] = text;
        var (value, error) = Parse(question, text);
        if (error is null)
        {
            _answers = _answers.Set(question.Id, value).WithoutHidden(Release.Questionnaire);
            _errors.Remove(question.Id);
            _live = Evaluate(_answers);
        }
        await SaveStateAsync();
    }

    /// <summary>Turns typed text into an answer, or a message naming the question. Empty text clears the answer.</summary>
    private static (AnswerValue Value, string? Error) Parse(Question question, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (AnswerValue.None, null);
        }
        if (question.Kind == QuestionKind.Date)
        {
            return AnswerParser.TryParseDate(text, out var date)
                ? (AnswerValue.Of(date), null)
                : (AnswerValue.None, $"{question.Label}: enter a date, or pick one of the quick choices.");
        }
        return AnswerParser.TryParseNumber(text, out var number, out var message)
            ? (AnswerValue.Of(number), null)
            : (AnswerValue.None, $"{question.Label}: {message}");
    }

    private async Task Next()
    {
        _errors = ValidateStep(_step);
        if (_errors.Count > 0)
        {
            _focusAfterRender = QuestionField.FieldId(_errors.Keys.First());
            return;
        }
        if (_step < Sections.Count - 1)
        {
            _step++;
            _focusHeading = true;
        }
        else
        {
            // The result is reachable only when every step is valid: send the runner to the first step that is not.
            for (var i = 0; i < Sections.Count; i++)
            {
                var errors = ValidateStep(i);
                if (errors.Count > 0)
                {
                    _step = i;
                    _errors = errors;
                    _focusAfterRender = QuestionField.FieldId(errors.Keys.First());
                    await SaveStateAsync();
                    return;
                }
            }
            ShowResultIfValid();
            _focusResult = true;
        }
        await SaveStateAsync();
    }

    private Dictionary<string, string> ValidateStep(int step)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var section = Sections[step];
        // Typed text that is not a number or date is reported as typed, before the range checks.
        foreach (var question in section.Questions.Where(q => q.IsVisible(_answers)))
        {
            if (_raw.TryGetValue(question.Id, out var text) && Parse(question, text).Error is { } error)
            {
                errors[question.Id] = error;
            }
        }
        foreach (var failure in Assessments.Validate(Release, _answers, Today, section.Id).Errors)
        {
            errors.TryAdd(failure.PropertyName, failure.ErrorMessage);
        }
        // Keep the order of the questions on the page, so focus goes to the first one.
        var order = section.Questions.Select(q => q.Id).ToList();
        return errors.OrderBy(e => order.IndexOf(e.Key)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
    }

    private void ShowResultIfValid()
    {
        var (assessment, _) = Assessments.Assess(Release, _answers, Today);
        _assessment = assessment;
    }

    private async Task Back()
    {
        _errors.Clear();
        _step = Math.Max(0, _step - 1);
        _focusHeading = true;
        await SaveStateAsync();
    }

    private async Task GoTo(int step)
    {
        _errors.Clear();
        _step = step;
        _focusHeading = true;
        await SaveStateAsync();
    }

    private async Task EditAnswers()
    {
        _assessment = null;
        _step = 0;
        _focusHeading = true;
        await SaveStateAsync();
    }

    private async Task StartAgain()
    {
        _answers = AnswerSet.Empty;
        _raw.Clear();
        _errors.Clear();
        _assessment = null;
        _live = null;
        _step = 0;
        _key = Guid.NewGuid();
        _focusHeading = true;
        await SaveStateAsync();
    }

    private Task FocusField(string questionId) => FocusByIdAsync(QuestionField.FieldId(questionId));

    private async Task<IJSObjectReference> ModuleAsync() =>
        _module ??= await Js.InvokeAsync<IJSObjectReference>("import", "./js/selfcheck.js");

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
