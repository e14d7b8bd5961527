using RunBack.Web.Common;

namespace RunBack.Web.Features.Assessments;

/// <summary>
/// A result's answers as a form posts them (to save a check-in or print an unsaved summary): the answers as JSON,
/// the release they were answered under, the day of the check-in, the idempotency key and the runner's note as typed
/// (<see cref="RunnerNote"/>; never an answer, so the intake does not read it). Fields are read by hand,
/// so a missing or repeated field is a clear message, not a binding failure; <see cref="AnswerIntake.FromForm"/> reads the answers.
/// </summary>
public sealed record PostedAnswers(string? Answers, string? Release, string? Date, string? Key, string? Note = null)
{
    public static PostedAnswers From(IFormCollection form) => new(
        FormFields.First(form, "answers"), FormFields.First(form, "release"), FormFields.First(form, "date"), FormFields.First(form, "key"),
        FormFields.First(form, RunnerNote.Field));

    /// <summary>The answers, if small enough to hand back to the runner in a "try again" form.</summary>
    public string? AnswersToKeep => Answers?.Length <= RequestLimits.MaxAnswersLength ? Answers : null;
}
