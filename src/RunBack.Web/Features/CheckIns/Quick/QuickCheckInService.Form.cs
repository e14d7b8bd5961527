using RunBack.Core.Questionnaire;
using RunBack.Web.Common;

namespace RunBack.Web.Features.CheckIns;

/// <summary>The quick check-in's form, read field by field: a problem is kept beside its field, the runner's entries as typed.</summary>
public sealed partial class QuickCheckInService
{
    /// <summary>Reads the posted form; every problem is kept by field and the runner's own entries are kept as typed.</summary>
    public static QuickSubmission Read(IFormCollection form, QuickStart start)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        var shown = AnswerSet.Empty;
        Question[] own = [start.SinceQuestion, start.DistanceQuestion, start.HelpedQuestion];
        foreach (var question in start.AskedFromRelease.Concat(own))
        {
            var values = form.TryGetValue("q-" + question.Id, out var v) ? v.Where(s => s is not null).Select(s => s!).ToList() : [];
            var (value, error) = ReadValue(question, values);
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
        return new QuickSubmission(shown, raw, FormFields.First(form, QuickFields.Date), key, errors);
    }

    private static (AnswerValue Value, string? Error) ReadValue(Question question, List<string> values)
    {
        if (values.Count == 0 || (values.Count == 1 && string.IsNullOrWhiteSpace(values[0])))
        {
            return (AnswerValue.None, null);
        }
        switch (question.Kind)
        {
            case QuestionKind.Scale or QuestionKind.Number:
                return AnswerParser.TryParseNumber(values[0], out var number, out var message)
                    ? (AnswerValue.Of(number), null)
                    : (AnswerValue.None, $"{question.Label}: {message}");
            case QuestionKind.YesNo:
                return values[0] switch
                {
                    "yes" => (AnswerValue.Of(true), null),
                    "no" => (AnswerValue.Of(false), null),
                    _ => (AnswerValue.None, $"{question.Label}: choose Yes or No."),
                };
            case QuestionKind.SingleChoice:
                return question.FindOption(values[0]) is not null
                    ? (AnswerValue.Of(values[0]), null)
                    : (AnswerValue.None, $"{question.Label}: choose one of the answers.");
            case QuestionKind.MultiChoice:
                // On a mistake, the known answers other than "None of these" come back with the message: a sign ticked
                // beside "none" or beside an option we do not know is never dropped.
                var ticked = question.Options.Where(o => !o.Exclusive && values.Contains(o.Id)).Select(o => o.Id).ToList();
                var kept = ticked.Count == 0 ? AnswerValue.None : AnswerValue.OfOptions(ticked);
                if (values.Any(id => question.FindOption(id) is null))
                {
                    return (kept, $"{question.Label}: choose from the answers shown.");
                }
                if (values.Count > 1 && values.Any(id => question.FindOption(id)!.Exclusive))
                {
                    var none = question.Options.First(o => o.Exclusive).Label;
                    return (kept, $"{question.Label}: \"{none}\" cannot be ticked together with another answer.");
                }
                return (AnswerValue.OfOptions(question.Options.Select(o => o.Id).Where(values.Contains)), null);
            default:
                return (AnswerValue.None, $"{question.Label}: this answer cannot be read.");
        }
    }
}
