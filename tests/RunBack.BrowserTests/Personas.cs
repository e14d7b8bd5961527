namespace RunBack.BrowserTests;

/// <summary>Three runners, as the answers they give (question id → option id, number, yes/no or days ago).</summary>
internal static class Personas
{
    public static Dictionary<string, object> NoRisk() => new()
    {
        ["pain_where"] = new[] { "lower_back" },
        ["back_pain"] = 3,
        ["hip_pain"] = 0,
        ["pain_started"] = new DaysAgo(7),
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
        ["cross_training"] = new[] { "cycling" },
        ["overstride"] = "no",
        ["bent_posture"] = "no",
        ["cadence_known"] = false,
        ["worse_after_sitting"] = false,
        ["front_hip_stiffness"] = false,
        ["better_walking"] = false,
        ["which_first"] = "back_first",
        ["serious_signs"] = new[] { "none" },
        ["health_history"] = new[] { "none" },
        ["first_before_45"] = true,
        ["pain_pattern"] = new[] { "none" },
        ["leg_symptoms"] = "none",
        ["night_waking"] = false,
    };

    public static Dictionary<string, object> HipPattern()
    {
        var answers = NoRisk();
        answers["pain_where"] = new[] { "lower_back", "hip_front" };
        answers["hip_pain"] = 4;
        answers["back_pain"] = 5;
        answers["sitting_hours"] = 9;
        answers["worse_after_sitting"] = true;
        answers["better_walking"] = true;
        answers["which_first"] = "hip_first";
        return answers;
    }

    public static Dictionary<string, object> RedFlag()
    {
        var answers = NoRisk();
        answers["back_pain"] = 7;
        answers["serious_signs"] = new[] { "saddle_numbness" };
        return answers;
    }
}

internal sealed record DaysAgo(int Days);
