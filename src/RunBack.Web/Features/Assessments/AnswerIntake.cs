using RunBack.Core.Content;
using RunBack.Core.Questionnaire;
using RunBack.Core.Rules;

namespace RunBack.Web.Features.Assessments;

/// <summary>The day a check-in was posted for: the day to assess under (today when none was sent or it was refused), and any problem.</summary>
public sealed record PostedDate(DateOnly Day, bool Unreadable, string? Problem)
{
    public const string Field = "date";
}

/// <summary>How far the intake got: the first thing that was wrong, or <see cref="Valid"/>.</summary>
public enum IntakeStage
{
    /// <summary>The answers could not be read at all (missing, not JSON, not Unicode): nothing to judge.</summary>
    Unreadable,
    /// <summary>The release the answers name is not one RunBack has.</summary>
    UnknownRelease,
    Date,
    /// <summary>Some answers could not be read for their question (a wrong type, an unknown option).</summary>
    Answers,
    /// <summary>Read, but the validator refused them (a missing answer, out of range, not applicable).</summary>
    Invalid,
    Valid,
}

/// <summary>Answers the intake accepted: the release, the answers, the day, the runner's country and the assessment (evaluated once).</summary>
public sealed record CheckedAnswers(ContentRelease Release, AnswerSet Answers, DateOnly Date, string? Country, Assessment Assessment);

/// <summary>
/// What the intake made of posted answers: how far it got, the errors by field, and — judged first, whatever else is
/// wrong — any warning sign among the answers that could be read (<see cref="Safety"/>, null below "contact a doctor today").
/// </summary>
public sealed record IntakeResult(IntakeStage Stage, ContentRelease? Release, AnswerSet Answers, PostedDate Date, string? Country,
    IReadOnlyDictionary<string, string[]> Errors, SafetyVerdict? Safety, Assessment? Assessment)
{
    /// <summary>The accepted answers; null unless <see cref="Stage"/> is <see cref="IntakeStage.Valid"/>.</summary>
    public CheckedAnswers? Checked => Stage == IntakeStage.Valid ? new CheckedAnswers(Release!, Answers, Date.Day, Country, Assessment!) : null;

    /// <summary>A form's problem in plain words (the save and summary pages); null when the answers were accepted.</summary>
    public string? Problem { get; init; }
}

/// <summary>
/// The one answer intake: the API, the save form, the summary draft and the quick check-in all read, date, validate and
/// assess posted answers here. Warning signs are judged first: every result carries the tier the readable answers reach
/// on their own, so no entry point can forget to lead a refusal with a sign. Accepted answers are evaluated once, with
/// full detail, and the assessment travels with them to the save; nothing downstream validates or evaluates again.
/// </summary>
public sealed partial class AnswerIntake(AssessmentService assessments)
{
    public AssessmentService Assessments => assessments;

    /// <summary>The day rule, read once: empty means today; a day that cannot be read or breaks the rule is a problem, and today is used.</summary>
    public PostedDate ReadDate(string? text, bool emptyIsToday = true)
    {
        var today = assessments.Today;
        if (text is null || (text.Length == 0 && emptyIsToday))
        {
            return new PostedDate(today, false, null);
        }
        if (!AnswerParser.TryParseDate(text, out var day))
        {
            return new PostedDate(today, true, "'date' is the day of the check-in, yyyy-MM-dd.");
        }
        return assessments.DateProblem(day) is { } problem ? new PostedDate(today, false, problem) : new PostedDate(day, false, null);
    }

    /// <summary>
    /// Checks read answers: the day, then what could not be read, then the validator; accepted answers are evaluated once.
    /// With <paramref name="collectAll"/> every stage's errors are collected (the quick check-in shows each beside its field);
    /// otherwise the first stage that fails is reported alone (the API's and the forms' behaviour).
    /// </summary>
    public IntakeResult Check(ContentRelease release, AnswerSet answers, PostedDate date, IReadOnlyDictionary<string, AnswerError>? readErrors,
        string? country, bool collectAll = false)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var stage = IntakeStage.Valid;
        if (date.Problem is { } problem)
        {
            errors[PostedDate.Field] = [problem];
            stage = IntakeStage.Date;
        }
        if (readErrors is { Count: > 0 } && (collectAll || stage == IntakeStage.Valid))
        {
            foreach (var (id, error) in readErrors)
            {
                errors.TryAdd(id, [assessments.Say(error)]);
            }
            stage = stage == IntakeStage.Valid ? IntakeStage.Answers : stage;
        }
        if (collectAll || stage == IntakeStage.Valid)
        {
            foreach (var group in assessments.Validate(release, answers, date.Day).Errors.GroupBy(e => e.PropertyName, StringComparer.Ordinal))
            {
                errors.TryAdd(group.Key, [.. group.Select(e => e.ErrorMessage)]);
                stage = stage == IntakeStage.Valid ? IntakeStage.Invalid : stage;
            }
        }
        if (stage == IntakeStage.Valid)
        {
            // Valid answers hold no hidden answers, so this one evaluation is also the warning-sign judgement.
            var assessment = AssessmentService.Evaluate(release, answers, date.Day);
            return new IntakeResult(stage, release, answers, date, country, errors,
                assessment.Triage >= TriageLevel.Urgent ? new SafetyVerdict(release, assessment) : null, assessment);
        }
        return new IntakeResult(stage, release, answers, date, country, errors, assessments.WarningSigns(release, answers, date.Day), null);
    }

    /// <summary>A refusal before any answer could be judged: no warning sign can be read from it.</summary>
    private IntakeResult Unreadable(string field, string message, string? country, ContentRelease? release = null) =>
        new(IntakeStage.Unreadable, release, AnswerSet.Empty, new PostedDate(assessments.Today, false, null), country,
            new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] }, null, null);
}
