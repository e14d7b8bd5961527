using RunBack.Core.Questionnaire;
using RunBack.Web.Common;

namespace RunBack.Web.Features.QuickCheckIn;

/// <summary>The quick check-in's form, read field by field: a problem is kept beside its field, the runner's entries as typed.</summary>
public sealed partial class QuickCheckInService
{
    /// <summary>Reads the posted form; every problem is kept by field and the runner's own entries are kept as typed.</summary>
    public QuickSubmission Read(IFormCollection form, QuickStart start)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        var shown = AnswerSet.Empty;
        Question[] own = start.ShoeQuestion is null
            ? [start.SinceQuestion, start.DistanceQuestion, start.HelpedQuestion]
            : [start.SinceQuestion, start.DistanceQuestion, start.HelpedQuestion, start.NewShoesQuestion, start.NewShoesDistanceQuestion];
        foreach (var question in start.AskedFromRelease.Concat(own))
        {
            var values = form.TryGetValue("q-" + question.Id, out var v) ? v.Where(s => s is not null).Select(s => s!).ToList() : [];
            var (value, error) = intake.ReadField(question, values);
            if (question.Kind == QuestionKind.Number && values.Count > 0)
            {
                raw[question.Id] = values[0].Length > 64 ? values[0][..64] : values[0];
            }
            if (error is not null)
            {
                errors[question.Id] = error;
            }
            if (!value.IsNone)
            {
                // Kept even beside an error: a warning sign ticked together with "None of these" is still a warning
                // sign (judged first), and the page shows it ticked again.
                shown = shown.Set(question.Id, value);
            }
            else if (error is null && question.Required && question.Id is QuickFields.Since or QuickFields.Distance)
            {
                errors[question.Id] = $"{question.Label}: please answer this question.";
            }
        }
        var key = Guid.TryParse(FormFields.First(form, QuickFields.Key), out var k) ? k : Guid.Empty;
        var note = RunnerNote.Read(FormFields.First(form, RunnerNote.Field));
        if (note.Error is not null)
        {
            errors[RunnerNote.Field] = note.Error;
        }
        return new QuickSubmission(shown, raw, FormFields.First(form, QuickFields.Date), key, errors) { Note = note.Note, NoteTyped = note.Typed };
    }
}
