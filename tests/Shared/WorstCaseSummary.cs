using RunBack.Core.Content;
using RunBack.Core.Questionnaire;
using RunBack.Core.Rules;
using RunBack.Web.Features.Summary;

namespace RunBack.Testing;

/// <summary>
/// The longest summary a runner can produce: every warning sign (an emergency result), every contributing factor,
/// the most guidance the rules select, and a long run of recent check-ins. Print tests and the PDF timing harness use it.
/// </summary>
internal static class WorstCaseSummary
{
    public const string AnswersJson = """
        {
          "pain_where": ["lower_back", "buttock", "hip_front", "upper_thigh"], "back_pain": 10, "hip_pain": 10,
          "pain_started": "2026-11-20", "pain_trend": "worse", "self_care_tried": true, "recurring": true,
          "age_band": "over_50", "activity_link": true, "distance_unit": "miles", "distance_week_1": 60,
          "distance_week_2": 25, "distance_week_3": 20, "sudden_efforts": true, "shoe_distance": 900, "shoe_worn": true,
          "sitting_hours": 12, "warm_up": "rarely", "cool_down": "rarely", "strength_sessions": "none", "core_hard": true,
          "cross_training": ["none"], "overstride": "yes", "bent_posture": "yes", "cadence_known": true, "cadence": 150,
          "worse_after_sitting": true, "front_hip_stiffness": true, "better_walking": true, "which_first": "hip_first",
          "serious_signs": ["saddle_numbness", "bladder_bowel", "sexual_function", "weakness_worsening", "major_trauma",
            "fever", "weight_loss", "cancer_history", "constant_pain", "back_shape", "between_shoulders",
            "minor_trauma_bones", "immune"],
          "leg_symptoms": "both_legs", "night_waking": true
        }
        """;

    public static readonly DateOnly Date = new(2026, 11, 22);

    public static SummaryModel Build(ContentRelease release, string siteAddress = "https://runback.example", int recentCheckIns = 20)
    {
        var (answers, errors) = AnswerParser.FromJson(AnswersJson, release.Questionnaire);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The worst-case answers no longer fit the questionnaire: " + string.Join("; ", errors.Keys));
        }
        var assessment = RulesEngine.Evaluate(release, answers, Date);
        var start = new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);
        var recent = Enumerable.Range(0, recentCheckIns)
            .Select(i => new RecentPain(start.AddDays(i * 2.5), (i * 3 % 11), (i * 7 % 11)))
            .ToList();
        var summary = SummaryService.Build("WORSTCASE", Guid.Empty, start.AddDays(52), Date, release, answers, assessment, [.. recent]);
        return summary with { SiteAddress = siteAddress };
    }
}
