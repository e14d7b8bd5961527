using System.Collections.Concurrent;
using System.Globalization;
using FluentValidation.Results;
using Microsoft.Extensions.Localization;
using RunBack.Core.Content;
using RunBack.Core.Questionnaire;
using RunBack.Core.Rules;

namespace RunBack.Web.Features.Assessments;

/// <summary>
/// The one way the web app validates and evaluates answers: the current release, today's date from the clock,
/// and validators cached per release, step and day.
/// </summary>
public sealed class AssessmentService(ContentStore store, TimeProvider clock, IStringLocalizer<Wording> words)
{
    private readonly ConcurrentDictionary<(string Release, string? Locale, string? Section, DateOnly Today), AnswerSetValidator> _validators = new();

    /// <summary>The newest release in the request's edition (its locale overlay, and actions for its country).</summary>
    public ContentRelease Current => store.CurrentEdition(CultureInfo.CurrentCulture);

    /// <summary>A release by id in the request's edition; null when RunBack does not have it.</summary>
    public ContentRelease? Find(string releaseId) => store.FindEdition(releaseId, CultureInfo.CurrentCulture);

    public ContentStore Store => store;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>How far back a check-in may be dated (a runner who forgot yesterday's).</summary>
    public const int DaysBackAllowed = 7;

    /// <summary>
    /// The one rule for the day of a check-in, used by the API, the save form and the summary draft: today or up to
    /// <see cref="DaysBackAllowed"/> days back, never in the future. Null when the date is fine.
    /// </summary>
    public string? DateProblem(DateOnly date) =>
        date > Today ? "The date of a check-in cannot be in the future."
        : date < Today.AddDays(-DaysBackAllowed) ? $"A check-in can be dated at most {DaysBackAllowed}\u00A0days back."
        : null;

    public ValidationResult Validate(ContentRelease release, AnswerSet answers, DateOnly today, string? sectionId = null)
    {
        var validator = _validators.GetOrAdd((release.Id, release.Locale, sectionId, today),
            key => new AnswerSetValidator(release.Questionnaire, key.Today, key.Section));
        if (_validators.Count > 256)
        {
            // Old days' validators are cheap to rebuild: keep the cache small.
            foreach (var key in _validators.Keys.Where(k => k.Today < today))
            {
                _validators.TryRemove(key, out _);
            }
        }
        return AnswerWording.Word(words, validator.Validate(answers));
    }

    /// <summary>An answer's problem in the edition's words (<see cref="AnswerWording"/>).</summary>
    public string Say(AnswerError error) => AnswerWording.Say(words, error);

    public static Assessment Evaluate(ContentRelease release, AnswerSet answers, DateOnly today, AssessmentDetail detail = AssessmentDetail.Full) =>
        RulesEngine.Evaluate(release, answers, today, detail);

    /// <summary>
    /// Warning signs first: the tier the answers that could be read reach on their own, whatever else is wrong with the
    /// form (a typo in a distance, a missing answer, a bad date). Null below "contact a doctor today". Every path that
    /// can reject answers asks this before it says anything else, so no mistake elsewhere hides a warning sign.
    /// </summary>
    public SafetyVerdict? WarningSigns(ContentRelease release, AnswerSet answers, DateOnly? date = null)
    {
        var day = date is { } d && DateProblem(d) is null ? d : Today;
        var assessment = RulesEngine.Evaluate(release, answers.WithoutHidden(release.Questionnaire), day);
        return assessment.Triage >= TriageLevel.Urgent ? new SafetyVerdict(release, assessment) : null;
    }

    /// <summary>Validates everything and, if valid, evaluates. Errors are keyed by question id.</summary>
    public (Assessment? Assessment, IReadOnlyDictionary<string, string[]> Errors) Assess(ContentRelease release, AnswerSet answers, DateOnly today,
        AssessmentDetail detail = AssessmentDetail.Full)
    {
        var result = Validate(release, answers, today);
        if (!result.IsValid)
        {
            return (null, result.Errors
                .GroupBy(e => e.PropertyName, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray(), StringComparer.Ordinal));
        }
        return (Evaluate(release, answers, today, detail), new Dictionary<string, string[]>());
    }
}
