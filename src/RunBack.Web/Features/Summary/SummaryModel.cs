using Microsoft.EntityFrameworkCore;
using RunBack.Core.Content;
using RunBack.Core.History;
using RunBack.Core.Questionnaire;
using RunBack.Core.Rules;
using RunBack.Data;
using RunBack.Web.Features.Assessments;
using RunBack.Web.Features.CheckIns;

namespace RunBack.Web.Features.Summary;

/// <summary>
/// One answer as printed, with its marks: ⚑ for an answer behind a warning sign (an urgent or emergency flag) and
/// nothing else; ◆ for an answer behind a reason to book a professional (the three-week rule, one-leg symptoms, a
/// recurring pattern); ● for a contributing factor.
/// </summary>
public sealed record SummaryAnswer(string Label, string Answer, bool WarningSign, bool Factor, bool SeeReason = false);

public sealed record SummarySection(string Title, IReadOnlyList<SummaryAnswer> Answers);

public sealed record RecentPain(DateTimeOffset At, int Back, int Hip)
{
    /// <summary>The check-in's PEG score with its change from the score before; null when it has none (never 0).</summary>
    public PegPoint? Peg { get; init; }

    /// <summary>The day the check-in is for (a check-in dated back counts on its day); by default the day it was saved.</summary>
    public DateOnly Day { get; init; } = DateOnly.FromDateTime(At.ToLocalTime().DateTime);
}

/// <summary>Everything the printed summary shows, built once for the page and for the PDF.</summary>
public sealed record SummaryModel(
    string Reference,
    Guid? CheckInId,
    DateTimeOffset? SavedAt,
    DateOnly Date,
    ContentRelease Release,
    AnswerSet Answers,
    Assessment Assessment,
    IReadOnlyList<SummarySection> Sections,
    IReadOnlyList<RecentPain> Recent)
{
    /// <summary>The site's address as a reader would type it (scheme and host), for the printed source addresses.</summary>
    public string SiteAddress { get; init; } = "";

    /// <summary>The runner's country when the summary was asked for (ISO alpha-2; null when not known): its number is printed.</summary>
    public string? Country { get; init; }

    /// <summary>The runner's own note on the check-in (issue 26 item 16), printed as written; null when none or unsaved.</summary>
    public string? Note { get; init; }

    public string AnswerText(string questionId)
    {
        var question = Release.Questionnaire.Find(questionId);
        return question is null ? "" : AnswerFormatter.Format(question, Answers.Get(questionId), Answers);
    }
}

/// <summary>Builds summaries for a saved check-in (owner only) or for the unsaved result kept in this browser session.</summary>
public sealed class SummaryService(CheckInService checkIns, SummaryDraft drafts, AssessmentService assessments,
    IDbContextFactory<RunBackDbContext> dbFactory)
{
    /// <summary>
    /// The check-ins of the 12 weeks ending on this check-in's day, up to and including it (only the columns the trend
    /// needs; never the whole history), each with its PEG score. A PEG change is judged against the score before, which
    /// may be older than the 12 weeks: the latest check-in before them with a stored PEG total is read for that alone.
    /// </summary>
    public async Task<IReadOnlyList<RecentPain>> TrendAsync(Guid profileId, CheckIn checkIn, CancellationToken cancellationToken)
    {
        var (date, created, since) = (checkIn.CheckInDate, checkIn.CreatedAt, PainTrend.FirstDay(checkIn.CheckInDate));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = db.CheckIns.AsNoTracking().Where(c => c.ProfileId == profileId);
        var rows = await mine
            .Where(c => c.CheckInDate >= since && (c.CheckInDate < date || (c.CheckInDate == date && c.CreatedAt <= created)))
            .OrderBy(c => c.CheckInDate).ThenBy(c => c.CreatedAt)
            .Select(c => new { c.CheckInDate, c.CreatedAt, c.BackPain, c.HipPain, c.PegTotal })
            .ToListAsync(cancellationToken);
        // The stored PEG total (written at save time): no answers JSON is read for the trend.
        var before = await mine.Where(c => c.CheckInDate < since && c.PegTotal != null)
            .OrderByDescending(c => c.CheckInDate).ThenByDescending(c => c.CreatedAt)
            .Select(c => c.PegTotal).FirstOrDefaultAsync(cancellationToken);
        (DateTimeOffset At, PegScore? Score) baseline = (DateTimeOffset.MinValue, before is { } total ? new PegScore(total) : null);
        var series = PegScore.Series((baseline.Score is null ? [] : new[] { baseline })
            .Concat(rows.Select(c => (At: c.CreatedAt, Score: c.PegTotal is { } t ? new PegScore(t) : (PegScore?)null))));
        var pegs = series.GroupBy(p => p.At).ToDictionary(g => g.Key, g => g.Last());
        return [.. rows.Select(c => new RecentPain(c.CreatedAt, c.BackPain, c.HipPain) { Peg = pegs.GetValueOrDefault(c.CreatedAt), Day = c.CheckInDate })];
    }

    /// <summary>A saved check-in's summary: the result as stored at save time (<see cref="CheckInService.RecordAsync"/>).</summary>
    public async Task<SummaryModel?> ForCheckInAsync(HttpContext context, Guid checkInId)
    {
        var profileId = RunBack.Web.Common.ProfileIdentity.Id(context);
        if (profileId is null)
        {
            return null;
        }
        var checkIn = await checkIns.FindAsync(profileId.Value, checkInId, context.RequestAborted);
        if (checkIn is null || await checkIns.RecordAsync(checkIn, context.RequestAborted) is not var (release, answers, assessment))
        {
            return null;
        }
        var recent = await TrendAsync(profileId.Value, checkIn, context.RequestAborted);
        var summary = Build(Reference(checkIn), checkIn.Id, checkIn.CreatedAt, checkIn.CheckInDate, release, answers, assessment, recent);
        return summary with
        {
            SiteAddress = SiteAddress(context),
            Country = context.RequestServices.GetRequiredService<RunBack.Web.Common.RunnerCountry>().Code,
            Note = checkIn.Note,
        };
    }

    /// <summary>The unsaved result kept in this browser session, under the release it was answered with.</summary>
    public SummaryModel? ForDraft(HttpContext context)
    {
        if (drafts.Get(context.Request) is not { } draft || assessments.Find(draft.ReleaseId) is not { } release)
        {
            return null;
        }
        var (answers, errors) = AnswerParser.FromJson(draft.AnswersJson, release.Questionnaire);
        if (errors.Count > 0)
        {
            return null;
        }
        var summary = Build("UNSAVED", null, null, draft.Date, release, answers, AssessmentService.Evaluate(release, answers, draft.Date), []);
        return summary with { SiteAddress = SiteAddress(context), Country = context.RequestServices.GetRequiredService<RunBack.Web.Common.RunnerCountry>().Code };
    }

    private static string SiteAddress(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host.Value}";

    public static string Reference(CheckIn checkIn) => checkIn.Id.ToString("N")[^8..].ToUpperInvariant();

    /// <summary>A summary from answers already checked (also used by the worst-case print test and the PDF timing harness).</summary>
    public static SummaryModel Build(string reference, Guid? id, DateTimeOffset? savedAt, DateOnly date, ContentRelease release,
        AnswerSet answers, Assessment assessment, IReadOnlyList<RecentPain> recent)
    {
        // ⚑ only for a warning sign: an answer of a warning-sign step behind an urgent or emergency flag. A pain score that
        // only gates such a flag (history flags need pain now) is not a warning sign.
        var safetyQuestions = release.Questionnaire.Sections.Where(s => s.Safety).SelectMany(s => s.Questions).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var warning = assessment.Flags.Where(f => f.Level >= TriageLevel.Urgent).SelectMany(f => f.Evidence).Select(e => e.Id)
            .Where(safetyQuestions.Contains).ToHashSet(StringComparer.Ordinal);
        var seeReason = assessment.Flags.Where(f => f.Level < TriageLevel.Urgent).SelectMany(f => f.Evidence).Select(e => e.Id)
            .Where(id => !warning.Contains(id)).ToHashSet(StringComparer.Ordinal);
        var factor = assessment.Factors.SelectMany(f => f.Evidence).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var sections = release.Questionnaire.Sections
            .Select(s => new SummarySection(s.Title, [.. s.Questions
                .Where(q => q.IsVisible(answers) && !answers.Get(q.Id).IsNone)
                .Select(q => new SummaryAnswer(q.Label, AnswerFormatter.Format(q, answers.Get(q.Id), answers), warning.Contains(q.Id), factor.Contains(q.Id), seeReason.Contains(q.Id)))]))
            .Where(s => s.Answers.Count > 0)
            .ToList();
        return new SummaryModel(reference, id, savedAt, date, release, answers, assessment, sections, recent);
    }
}
