using System.Text.Json;
using RunBack.Core.Content;
using RunBack.Core.Questionnaire;
using RunBack.Web.Common;

namespace RunBack.Web.Features.Assessments;

/// <summary>
/// A result's answers as a form posts them (to save a check-in or print an unsaved summary): the answers as JSON,
/// the release they were answered under, the day of the check-in and the idempotency key. Fields are read by hand,
/// so a missing or repeated field is a clear message, not a binding failure.
/// </summary>
public sealed record PostedAnswers(string? Answers, string? Release, string? Date, string? Key)
{
    public static PostedAnswers From(IFormCollection form) => new(
        FormFields.First(form, "answers"), FormFields.First(form, "release"), FormFields.First(form, "date"), FormFields.First(form, "key"));

    /// <summary>The answers, if small enough to hand back to the runner in a "try again" form.</summary>
    public string? AnswersToKeep => Answers?.Length <= RequestLimits.MaxAnswersLength ? Answers : null;
}

/// <summary>Posted answers that were read: the release they belong to, the answers under it, and the day.</summary>
public sealed record ReadAnswers(ContentRelease Release, AnswerSet Answers, DateOnly Date);

public static class PostedAnswersReader
{
    /// <summary>Reads posted answers against the release named in the form, or says in plain words what is wrong.</summary>
    public static (ReadAnswers? Answers, string? Problem) Read(this AssessmentService assessments, PostedAnswers form)
    {
        if (string.IsNullOrWhiteSpace(form.Answers) || form.Answers.Length > RequestLimits.MaxAnswersLength)
        {
            return (null, "The answers did not arrive. Please go back to your result and try again.");
        }
        var release = string.IsNullOrEmpty(form.Release) ? null : assessments.Find(form.Release);
        if (release is null)
        {
            return (null, "These answers belong to a version of the self-check we no longer have. Please start the self-check again.");
        }
        var date = assessments.Today;
        if (!string.IsNullOrEmpty(form.Date))
        {
            if (!AnswerParser.TryParseDate(form.Date, out date))
            {
                return (null, "The date of the check-in could not be read. Please go back to your result and try again.");
            }
            if (assessments.DateProblem(date) is { } dateProblem)
            {
                return (null, dateProblem);
            }
        }
        try
        {
            var (answers, errors) = AnswerParser.FromJson(form.Answers, release.Questionnaire);
            if (errors.TryGetValue("answers", out var whole) && whole == AnswerParser.NotUnicode)
            {
                return (null, "Some answers contain text that is not valid Unicode. Please go back to the self-check and answer again.");
            }
            return errors.Count > 0
                ? (null, "Some answers could not be read. Please go back to the self-check and check them.")
                : (new ReadAnswers(release, answers, date), null);
        }
        catch (JsonException)
        {
            return (null, "The answers could not be read (they are not valid JSON, or they repeat a question). Please go back to your result and try again.");
        }
    }
}
