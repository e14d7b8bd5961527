using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using RunBack.Core.CheckIns;
using RunBack.Core.Questionnaire;
using RunBack.Core.Rules;
using RunBack.Web.Common;
using RunBack.Web.Components;
using RunBack.Web.Components.Shared.Questions;
using RunBack.Web.Features.Assessments;

using RunBack.Web.Features.CheckIns;

namespace RunBack.Web.Features.QuickCheckIn;

/// <summary>
/// The quick check-in page: static server rendering with a plain form post, so it works without scripts; a problem
/// re-shows the page with every answer kept and the message beside its field, and nothing is saved.
/// </summary>
/// <remarks>With storage down the profile is unknown: the policy answers the styled 503 (nothing can be saved or shown).</remarks>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = ProfilePolicies.Known)]
public sealed partial class QuickCheckIn
{
    private const int AssessmentDays = AssessmentService.DaysBackAllowed;

    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;
    [Inject] private QuickCheckInService Quick { get; set; } = default!;
    [Inject] private IStringLocalizer<Wording> Words { get; set; } = default!;
    [Inject] private AssessmentService Assessments { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private Guid? _profileId;
    private QuickStart? _start;
    private DateOnly _today;
    private string? _problem;
    private SafetyVerdict? _safety;
    private QuickSubmission _submission = new(AnswerSet.Empty, new Dictionary<string, string>(), null, Guid.NewGuid(), []);

    private QuickCheckInContent Content => Quick.Content;

    private string SelectedDate => _submission.Date ?? _today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected override async Task OnInitializedAsync()
    {
        _today = Assessments.Today;
        _profileId = ProfileIdentity.Id(HttpContext);
        if (_profileId is { } profileId)
        {
            _start = await Quick.StartAsync(profileId, HttpContext.RequestAborted);
        }
    }

    private async Task Submit()
    {
        if (_start is null || _profileId is null)
        {
            return;
        }
        var read = Quick.Read(HttpContext.Request.Form, _start);
        var (saved, submission, safety) = await Quick.SubmitAsync(_profileId.Value, _start, read,
            HttpContext.RequestServices.GetRequiredService<RunnerCountry>().Code, HttpContext.RequestAborted);
        _submission = submission;
        if (saved?.Outcome is not (SaveOutcome.Saved or SaveOutcome.AlreadySaved))
        {
            // Warning signs first: whatever stopped the save, the intake's verdict on the signs leads the page with its action.
            _safety = safety;
        }
        switch (saved?.Outcome)
        {
            case null:
                HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            case SaveOutcome.Saved or SaveOutcome.AlreadySaved:
                Navigation.NavigateTo($"/check-in/{saved.CheckInId}?saved=1");
                return;
            case SaveOutcome.KeyReusedWithOtherAnswers:
                _submission = submission with { Key = Guid.NewGuid() };
                _problem = "This form was already saved with other answers. Your answers are still here: press Save to save them as a new check-in.";
                HttpContext.Response.StatusCode = StatusCodes.Status409Conflict;
                return;
            default:
                _problem = saved.Message ?? "Your check-in could not be saved. Your answers are still here: please try again.";
                HttpContext.Response.StatusCode = saved.Outcome == SaveOutcome.StorageUnavailable
                    ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status400BadRequest;
                return;
        }
    }

    private string? Error(string id) => _submission.Errors.GetValueOrDefault(id);

    /// <summary>The release's PEG section, when the quick check-in asks the PEG (releases from 2027.2.0).</summary>
    private Section? PegSection => _start!.PainFromRelease.FirstOrDefault(q => q.Id == RunBack.Core.History.PegScore.PainId) is { } peg
        ? _start.Release.Questionnaire.Sections.FirstOrDefault(s => s.Id == peg.SectionId)
        : null;

    /// <summary>The problems in the order their fields appear on the page, so the summary reads top to bottom.</summary>
    private IEnumerable<KeyValuePair<string, string>> ErrorsInPageOrder()
    {
        List<string> order =
        [
            QuickFields.Date, .. _start!.SafetyFromRelease.Select(q => q.Id), .. _start.PainFromRelease.Select(q => q.Id),
            QuickFields.Since, QuickFields.Distance, QuickFields.Helped, QuickFields.NewShoes, QuickFields.NewShoesDistance,
            RunnerNote.Field, .. _start.CarriedQuestions.Select(q => q.Id),
        ];
        return _submission.Errors.OrderBy(e => order.IndexOf(e.Key) is var i and >= 0 ? i : int.MaxValue);
    }

    /// <summary>"Your shoes: about 410 km (counted from …)", or the question alone when no distance was given yet.</summary>
    private string ShoesLine => _start!.Shoes is { } shoes ? Words["History_Shoes", TrainingWording.Shoes(Words, shoes, _start.Miles)] : Words["Quick_Shoes"];

    private static string FieldId(string id) => id == QuickFields.Date ? "q-date" : id == RunnerNote.Field ? RunnerNote.Field : QuestionField.FieldId(id);

    private string FromDate(string text) =>
        text.Replace("{date}", RunBack.Core.DateWords.Full(_start!.Source.CheckInDate), StringComparison.Ordinal);
}
