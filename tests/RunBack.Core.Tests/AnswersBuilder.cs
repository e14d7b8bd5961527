using RunBack.Core.Content;
using RunBack.Core.Questionnaire;

namespace RunBack.Core.Tests;

/// <summary>Builds answer sets from a complete "no risk" runner, changed one answer at a time.</summary>
internal sealed class AnswersBuilder
{
    public static readonly DateOnly Today = new(2026, 11, 22);

    private static readonly Lazy<ContentStore> LazyStore = new(() => ContentStore.Load(RepoPaths.Content));

    private AnswerSet _answers = AnswerSet.From(new Dictionary<string, AnswerValue>
    {
        ["pain_where"] = AnswerValue.OfOptions(["lower_back"]),
        ["back_pain"] = AnswerValue.Of(3),
        ["hip_pain"] = AnswerValue.Of(0),
        ["pain_started"] = AnswerValue.Of(Today.AddDays(-5)),
        ["pain_trend"] = AnswerValue.Of("better"),
        ["self_care_tried"] = AnswerValue.Of(true),
        ["recurring"] = AnswerValue.Of(false),
        ["age_band"] = AnswerValue.Of("from_20_to_50"),
        ["activity_link"] = AnswerValue.Of(true),
        ["distance_unit"] = AnswerValue.Of("km"),
        ["distance_week_1"] = AnswerValue.Of(30),
        ["distance_week_2"] = AnswerValue.Of(30),
        ["distance_week_3"] = AnswerValue.Of(28),
        ["sudden_efforts"] = AnswerValue.Of(false),
        ["shoe_distance"] = AnswerValue.Of(200),
        ["shoe_worn"] = AnswerValue.Of(false),
        ["sitting_hours"] = AnswerValue.Of(3),
        ["warm_up"] = AnswerValue.Of("always"),
        ["cool_down"] = AnswerValue.Of("always"),
        ["strength_sessions"] = AnswerValue.Of("twice_or_more"),
        ["core_hard"] = AnswerValue.Of(false),
        ["cross_training"] = AnswerValue.OfOptions(["cycling"]),
        ["overstride"] = AnswerValue.Of("no"),
        ["bent_posture"] = AnswerValue.Of("no"),
        ["cadence_known"] = AnswerValue.Of(true),
        ["cadence"] = AnswerValue.Of(175),
        ["worse_after_sitting"] = AnswerValue.Of(false),
        ["front_hip_stiffness"] = AnswerValue.Of(false),
        ["better_walking"] = AnswerValue.Of(false),
        ["which_first"] = AnswerValue.Of("back_first"),
        ["serious_signs"] = AnswerValue.OfOptions(["none"]),
        ["health_history"] = AnswerValue.OfOptions(["none"]),
        ["first_before_45"] = AnswerValue.Of(true),
        ["pain_pattern"] = AnswerValue.OfOptions(["none"]),
        ["leg_symptoms"] = AnswerValue.Of("none"),
        ["night_waking"] = AnswerValue.Of(false),
    });

    public static ContentStore Store => LazyStore.Value;

    /// <summary>The newest published release, which the app serves.</summary>
    public static ContentRelease Release => Store.Current;

    /// <summary>The first release, kept so that check-ins saved under it re-evaluate exactly as they did.</summary>
    public static ContentRelease FirstRelease => Store.Find("2026.11.0")!;

    public AnswersBuilder With(string id, bool value) => Set(id, AnswerValue.Of(value));
    public AnswersBuilder With(string id, double value) => Set(id, AnswerValue.Of(value));
    public AnswersBuilder With(string id, string option) => Set(id, AnswerValue.Of(option));
    public AnswersBuilder With(string id, DateOnly date) => Set(id, AnswerValue.Of(date));
    public AnswersBuilder WithOptions(string id, params string[] options) => Set(id, AnswerValue.OfOptions(options));
    public AnswersBuilder Without(string id) => Set(id, AnswerValue.None);

    public AnswersBuilder WithPainStartedDaysAgo(int days) => With("pain_started", Today.AddDays(-days));

    public AnswersBuilder WithRedFlag(params string[] signs) => WithOptions("serious_signs", signs);

    public AnswersBuilder WithHistory(params string[] items) => WithOptions("health_history", items);

    public AnswersBuilder Set(string id, AnswerValue value)
    {
        _answers = _answers.Set(id, value);
        return this;
    }

    public AnswerSet Build() => _answers;
}
