using System.Text.Json.Nodes;

namespace RunBack.Web.Tests.Infrastructure;

/// <summary>Answer sets as JSON, as a client or the self-check page would send them.</summary>
internal static class Answers
{
    /// <summary>The day the test apps' fake clock starts on (see <see cref="RunBackFactory.Clock"/>).</summary>
    public static readonly DateOnly Today = new(2026, 11, 23);

    public static JsonObject NoRisk() => new()
    {
        ["pain_where"] = new JsonArray("lower_back"),
        ["back_pain"] = 3,
        ["hip_pain"] = 1,
        ["pain_started"] = Today.AddDays(-5).ToString("yyyy-MM-dd"),
        ["pain_trend"] = "better",
        ["self_care_tried"] = true,
        ["recurring"] = false,
        ["age_band"] = "from_20_to_50",
        ["activity_link"] = true,
        ["distance_unit"] = "km",
        ["distance_week_1"] = 30,
        ["distance_week_2"] = 30,
        ["sudden_efforts"] = false,
        ["shoe_distance"] = 200,
        ["shoe_worn"] = false,
        ["sitting_hours"] = 3,
        ["warm_up"] = "always",
        ["cool_down"] = "always",
        ["strength_sessions"] = "twice_or_more",
        ["core_hard"] = false,
        ["cross_training"] = new JsonArray("cycling"),
        ["overstride"] = "no",
        ["bent_posture"] = "no",
        ["cadence_known"] = true,
        ["cadence"] = 175,
        ["worse_after_sitting"] = false,
        ["front_hip_stiffness"] = false,
        ["better_walking"] = false,
        ["which_first"] = "back_first",
        ["serious_signs"] = new JsonArray("none"),
        ["health_history"] = new JsonArray("none"),
        ["first_before_45"] = true,
        ["pain_pattern"] = new JsonArray("none"),
        ["leg_symptoms"] = "none",
        ["night_waking"] = false,
    };

    public static JsonObject HipPattern()
    {
        var answers = NoRisk();
        answers["sitting_hours"] = 9;
        answers["worse_after_sitting"] = true;
        answers["better_walking"] = true;
        answers["hip_pain"] = 4;
        return answers;
    }

    public static JsonObject RedFlag()
    {
        var answers = NoRisk();
        answers["serious_signs"] = new JsonArray("saddle_numbness");
        answers["back_pain"] = 7;
        return answers;
    }

    public static JsonObject With(this JsonObject answers, string id, JsonNode? value)
    {
        answers[id] = value;
        return answers;
    }
}
