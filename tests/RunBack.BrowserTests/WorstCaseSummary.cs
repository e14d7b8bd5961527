using RunBack.Core.Content;
using RunBack.Core.Questionnaire;
using RunBack.Core.Rules;
using RunBack.Web.Features.Summary;

namespace RunBack.BrowserTests;

/// <summary>
/// A long summary: an emergency result (three emergency signs, both legs), every contributing factor, at least 16
/// guidance items and 20 check-ins with PEG scores over the 12 weeks of the pain trend. Print tests and the PDF timing harness use it.
/// </summary>
internal static class WorstCaseSummary
{
    /// <summary>The answers for a check-in dated <paramref name="date"/> (the pain started two days before it).</summary>
    public static string AnswersJson(DateOnly date) => AnswersTemplate.Replace("PAIN_STARTED", date.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private const string AnswersTemplate = """
        {
          "pain_where": ["lower_back", "buttock", "hip_front", "upper_thigh"], "back_pain": 10, "hip_pain": 10,
          "pain_started": "PAIN_STARTED", "age_band": "over_50",
          "serious_signs": ["saddle_numbness", "bladder_trouble", "weakness_worsening"],
          "health_history": ["none"],
          "leg_symptoms": "both_legs", "leg_weakness": "both_legs", "night_waking": true, "seen_doctor": false, "pain_trend": "worse", "self_care_tried": true,
          "recurring": true, "activity_link": true, "first_before_45": true,
          "pain_pattern": ["before_35", "late_night_waking", "eases_moving", "psoriasis"],
          "distance_unit": "miles", "distance_week_1": 60, "distance_week_2": 25, "distance_week_3": 20, "distance_week_4": 20,
          "sudden_efforts": true, "shoe_distance": 900, "shoe_worn": true, "sitting_hours": 12, "warm_up": "rarely",
          "cool_down": "rarely", "strength_sessions": "none", "core_hard": true, "cross_training": ["none"],
          "overstride": "yes", "bent_posture": "yes", "cadence_known": true, "cadence": 150,
          "worse_after_sitting": true, "front_hip_stiffness": true, "better_walking": true, "which_first": "hip_first"
        }
        """;

    /// <summary>The runner's note at its longest (500 characters, issue 26 item 16), with line breaks.</summary>
    public static readonly string LongestNote = string.Concat(Enumerable.Repeat("Hilly 10k on Sunday, tight on the climbs.\nEasy 5k on Tuesday. ", 10))[..500];

    /// <summary>
    /// The summary of a check-in dated <paramref name="date"/>, with <paramref name="recentCheckIns"/> earlier check-ins
    /// over the 12 weeks before it. Built in the test process with the date given, so it does not depend on the day it runs.
    /// </summary>
    /// <summary>
    /// The worst case as printed for a runner in <paramref name="country"/> (default: the region of the current culture,
    /// which the tests set to the edition: GB for en-GB, US for en-US), whose number the summary names.
    /// </summary>
    public static SummaryModel Build(ContentRelease release, DateOnly date, string siteAddress = "https://runback.example", int recentCheckIns = 20,
        string? country = null)
    {
        var (answers, errors) = AnswerParser.FromJson(AnswersJson(date), release.Questionnaire);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The worst-case answers no longer fit the questionnaire: " + string.Join("; ", errors.Keys));
        }
        var assessment = RulesEngine.Evaluate(release, answers, date);
        // Check-ins over the whole 12 weeks of the pain trend, every one with a PEG score (a third line and column).
        var start = new DateTimeOffset(date.AddDays(-83).ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);
        var recent = Enumerable.Range(0, recentCheckIns)
            .Select(i => start.AddDays(i * 83.0 / Math.Max(1, recentCheckIns - 1)))
            .Select((at, i) => new RecentPain(at, (i * 3 % 11), (i * 7 % 11))
            {
                Peg = new Core.History.PegPoint(at, Core.History.PegScore.From(i % 11, (i * 5) % 11, (i * 2) % 11)!.Value, null),
            })
            .ToList();
        var summary = SummaryService.Build("WORSTCASE", Guid.Empty, start.AddDays(83), date, release, answers, assessment, [.. recent]);
        return summary with
        {
            SiteAddress = siteAddress,
            Note = LongestNote,
            Country = country ?? (System.Globalization.CultureInfo.CurrentCulture.Name is { } name && name.Contains('-', StringComparison.Ordinal)
                ? new System.Globalization.RegionInfo(name).TwoLetterISORegionName
                : null),
        };
    }
}
