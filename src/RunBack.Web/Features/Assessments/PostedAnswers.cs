using System.Text.Json;
using RunBack.Core.Content;
using RunBack.Core.Questionnaire;
using RunBack.Core.Rules;
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

/// <summary>
/// What the intake made of posted answers: the answers ready to assess (or the problem in plain words) and, judged first,
/// any warning sign among the answers that could be read, which every page that rejects the form shows before anything else.
/// </summary>
public sealed record PostedIntake(ReadAnswers? Answers, string? Problem, SafetyVerdict? Safety)
{
    public void Deconstruct(out ReadAnswers? answers, out string? problem) => (answers, problem) = (Answers, Problem);
}

public static class PostedAnswersReader
{
    /// <summary>
    /// Reads posted answers against the release named in the form, or says in plain words what is wrong. Warning signs
    /// are judged first, on whatever answers could be read, before the date or any other answer is checked.
    /// </summary>
    public static PostedIntake Read(this AssessmentService assessments, PostedAnswers form)
    {
        var (read, problem, partial, release) = ReadCore(assessments, form);
        if (read is not null)
        {
            // Readable answers are judged whole when they are assessed; the caller asks WarningSigns if it rejects them later.
            return new PostedIntake(read, null, null);
        }
        var date = AnswerParser.TryParseDate(form.Date, out var posted) ? posted : (DateOnly?)null;
        var safety = partial is null || release is null ? null : assessments.WarningSigns(release, partial, date);
        return new PostedIntake(null, problem, safety);
    }

    private static (ReadAnswers? Read, string? Problem, AnswerSet? Partial, ContentRelease? Release) ReadCore(AssessmentService assessments, PostedAnswers form)
    {
        if (string.IsNullOrWhiteSpace(form.Answers) || form.Answers.Length > RequestLimits.MaxAnswersLength)
        {
            return (null, "The answers did not arrive. Please go back to your result and try again.", null, null);
        }
        var release = string.IsNullOrEmpty(form.Release) ? null : assessments.Find(form.Release);
        AnswerSet partial;
        IReadOnlyDictionary<string, string> errors;
        try
        {
            // Read under the named release, or the current one when RunBack no longer has it: a warning sign is still a
            // warning sign, and it is judged before anything else is said.
            (partial, errors) = AnswerParser.FromJson(form.Answers, (release ?? assessments.Current).Questionnaire);
        }
        catch (JsonException)
        {
            return (null, "The answers could not be read (they are not valid JSON, or they repeat a question). Please go back to your result and try again.",
                null, null);
        }
        if (release is null)
        {
            return (null, "These answers belong to a version of the self-check we no longer have. Please start the self-check again.",
                partial, assessments.Current);
        }
        var date = assessments.Today;
        if (!string.IsNullOrEmpty(form.Date))
        {
            if (!AnswerParser.TryParseDate(form.Date, out date))
            {
                return (null, "The date of the check-in could not be read. Please go back to your result and try again.", partial, release);
            }
            if (assessments.DateProblem(date) is { } dateProblem)
            {
                return (null, dateProblem, partial, release);
            }
        }
        if (errors.TryGetValue("answers", out var whole) && whole == AnswerParser.NotUnicode)
        {
            return (null, "Some answers contain text that is not valid Unicode. Please go back to the self-check and answer again.", null, null);
        }
        return errors.Count > 0
            ? (null, "Some answers could not be read. Please go back to the self-check and check them.", partial, release)
            : (new ReadAnswers(release, partial, date), null, partial, release);
    }
}
