using System.Globalization;
using RunBack.Core;
using RunBack.Core.CheckIns;
using RunBack.Core.History;
using RunBack.Core.Questionnaire;
using RunBack.Core.Rules;
using RunBack.Data;
using RunBack.Web.Features.Assessments;
using RunBack.Web.Features.CheckIns;
using RunBack.Web.Features.History;

namespace RunBack.Web.Features.QuickCheckIn;

/// <summary>
/// The quick check-in: pain, since last time, this week's distance, what helped and every warning-sign question asked
/// afresh; everything else carried over from the last full self-check. The rules run on the merged answers under the
/// current release, so a warning sign leads the result exactly as in the full self-check.
/// </summary>
public sealed partial class QuickCheckInService(CheckInService checkIns, HistoryReader history, AssessmentService assessments, AnswerIntake intake, QuickCheckInContent content)
{
    /// <summary>The quick check-in's wording in the request's edition (checkin/locales/&lt;culture&gt;.yaml over quick.yaml).</summary>
    public QuickCheckInContent Content => content.Edition(CultureInfo.CurrentCulture.Name);

    /// <summary>quick.yaml's own (UK) wording: the CSV export names answers as the releases' own words do.</summary>
    public QuickCheckInContent DefaultWording => content;

    /// <summary>Null when the profile has no full self-check to carry answers from.</summary>
    public async Task<QuickStart?> StartAsync(Guid profileId, CancellationToken cancellationToken = default)
    {
        var all = await history.ReadAsync(profileId, cancellationToken);
        // The history's columns for the log; the answers JSON of the one self-check whose answers are carried over.
        if (all.Where(c => c.Kind == CheckInKinds.Full).OrderBy(c => c.CheckInDate).ThenBy(c => c.CreatedAt).LastOrDefault() is not { } last
            || await checkIns.FindAsync(profileId, last.Id, cancellationToken) is not { } source)
        {
            return null;
        }
        var release = assessments.Current;
        var (carried, errors) = AnswerParser.FromJson(source.AnswersJson, release.Questionnaire);
        var carryErrors = errors.ToDictionary(e => e.Key, e => CarryMessage(release.Questionnaire.Find(e.Key)?.Label ?? e.Key), StringComparer.Ordinal);
        var stale = source.CheckInDate < assessments.Today.AddDays(-content.StaleAfterDays);
        return new QuickStart(release, Content, source, carried, carryErrors, stale, TrainingLog.IsMiles(carried), all);
    }

    private static string CarryMessage(string label) =>
        $"{label}: this answer from your last self-check does not fit the current self-check any more. Please change it in the full self-check.";

    private static string BeforeCarriedDay(string label, DateOnly day) =>
        $"This day is before the day your last self-check gives for \"{label}\" ({DateWords.Full(day)}). Choose {DateWords.Full(day)} or a later day.";

    /// <summary>
    /// Checks the day, merges, and hands the merged answers to the intake (the day rule, validation and one evaluation,
    /// warning signs judged first); saves once what it accepted. On any problem nothing is saved, and the intake's verdict
    /// on warning signs comes back for the page to lead with.
    /// </summary>
    public async Task<(SaveResult? Saved, QuickSubmission Submission, SafetyVerdict? Safety)> SubmitAsync(Guid profileId, QuickStart start,
        QuickSubmission submission, string? country, CancellationToken cancellationToken = default)
    {
        var errors = submission.Errors;
        // The rest is checked as of today when the day is refused: a day such as 0001-01-01 has no weeks before it.
        var date = intake.ReadDate(submission.Date);
        var merged = Merge(start, submission.Shown, date.Day);
        var result = intake.Check(start.Release, merged, date, null, country, collectAll: true);
        if (date.Problem is { } dateProblem)
        {
            errors[QuickFields.Date] = date.Unreadable ? "Choose the day of this check-in from the list." : dateProblem;
        }
        foreach (var (id, message) in start.CarryErrors)
        {
            errors.TryAdd(id, message);
        }
        if (submission.Key == Guid.Empty)
        {
            errors.TryAdd(QuickFields.Key, "This form has expired. Please check your answers and press the button again.");
        }
        foreach (var (id, messages) in result.Errors.Where(e => e.Key != PostedDate.Field))
        {
            // A carried-over answer the current release does not accept: shown beside it, with the way to change it.
            var carried = start.AnsweredHere.Contains(id) ? null : start.Release.Questionnaire.Find(id);
            if (carried is { Kind: QuestionKind.Date } && merged.Get(id) is { Kind: AnswerValueKind.Date } carriedDay && carriedDay.Date > date.Day)
            {
                // A day chosen before a carried day (the pain started after it): the day chosen is what to change.
                errors.TryAdd(QuickFields.Date, BeforeCarriedDay(carried.Label, carriedDay.Date));
                continue;
            }
            errors.TryAdd(FieldOf(start, id), carried is null ? messages[0] : CarryMessage(carried.Label));
        }
        if (errors.Count > 0 || result.Checked is not { } accepted)
        {
            return (null, submission with { Key = submission.Key == Guid.Empty ? Guid.NewGuid() : submission.Key }, result.Safety);
        }
        var quick = new QuickDetails(submission.Shown.Get(QuickFields.Since).Text!,
            string.Join(' ', submission.Shown.Get(QuickFields.Helped).OptionIds), start.Source.CheckInDate, NewShoes(submission.Shown));
        var saved = await checkIns.SaveAsync(profileId, accepted, submission.Key, quick, submission.Note, cancellationToken);
        return (saved, submission, result.Safety);
    }

    /// <summary>Where a problem with a merged answer is shown: beside the quick check-in's own field, or the carried answer.</summary>
    private static string FieldOf(QuickStart start, string questionId) =>
        questionId == start.Content.SinceLastTime.Sets ? QuickFields.Since
        : TrainingLog.WeekQuestionIds.Contains(questionId) ? QuickFields.Distance
        : questionId;

    /// <summary>The carried answers with the quick check-in's own on top, and the earlier weeks from the training log.</summary>
    public AnswerSet Merge(QuickStart start, AnswerSet shown, DateOnly date)
    {
        var merged = start.Carried;
        foreach (var id in start.AnsweredHere)
        {
            merged = merged.Remove(id);
        }
        foreach (var question in start.AskedFromRelease)
        {
            if (!shown.Get(question.Id).IsNone)
            {
                merged = merged.Set(question.Id, shown.Get(question.Id));
            }
        }
        if (start.Content.SinceLastTime.Options.FirstOrDefault(o => o.Id == shown.Get(QuickFields.Since).Text) is { Sets: { } trend })
        {
            merged = merged.Set(start.Content.SinceLastTime.Sets!, AnswerValue.Of(trend));
        }
        if (shown.Get(QuickFields.Distance) is { Kind: AnswerValueKind.Number } distance)
        {
            merged = merged.Set(start.Content.Distance.Sets!, distance);
            var earlier = TrainingLog.EarlierWeeks(start.History.TrainingLogOf().Reports, date, start.Miles);
            for (var i = 0; i < earlier.Length; i++)
            {
                if (earlier[i] is { } week)
                {
                    merged = merged.Set(TrainingLog.WeekQuestionIds[i + 1], AnswerValue.Of(week));
                }
            }
            if (earlier[0] is null)
            {
                merged = merged.Set(TrainingLog.WeekQuestionIds[1], distance);
            }
        }
        merged = WithShoes(start, merged, shown, date);
        return merged.WithoutHidden(start.Release.Questionnaire);
    }

    private static bool NewShoes(AnswerSet shown) => shown.Get(QuickFields.NewShoes) is { Kind: AnswerValueKind.Bool, Flag: true };

    /// <summary>
    /// The shoe answer the rules read (issue 26 item 14): with new shoes, the distance given for them (0 when none); else
    /// the running total with this check-in's week added, once the runner has given their shoes' distance.
    /// </summary>
    private static AnswerSet WithShoes(QuickStart start, AnswerSet merged, AnswerSet shown, DateOnly date)
    {
        if (start.ShoeQuestion is not { } shoe)
        {
            return merged;
        }
        if (NewShoes(shown))
        {
            return merged.Set(shoe.Id, shown.Get(QuickFields.NewShoesDistance) is { Kind: AnswerValueKind.Number } given ? given : AnswerValue.Of(0.0));
        }
        var week = shown.Get(QuickFields.Distance) is { Kind: AnswerValueKind.Number } distance ? distance.Number : 0;
        return start.ShoesWith(date, week) is { } count
            ? merged.Set(shoe.Id, AnswerValue.Of(Math.Min(shoe.Max ?? double.MaxValue, Math.Round(count.In(start.Miles)))))
            : merged;
    }

    public static string DayLabel(DateOnly day, DateOnly today) =>
        day == today ? "Today" : day == today.AddDays(-1) ? "Yesterday"
        : day.ToString("dddd", CultureInfo.CurrentCulture) + ", " + RunBack.Core.DateWords.Full(day);
}
