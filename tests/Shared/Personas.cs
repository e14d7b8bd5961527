using System.Globalization;
using System.Text.Json.Nodes;

namespace RunBack.Testing;

/// <summary>
/// The runners every test project uses, in one place: the answers they give, as question id → option id (string),
/// option ids (string[]), a number (int), yes/no (bool) or a date as <see cref="DaysAgo"/>. Core tests turn them
/// into answer sets, web tests into JSON as a client sends it, browser tests into clicks and typing.
/// Dates are 0, 1, 7 or 21 days back, the self-check's quick choices, so a browser can give them too.
/// </summary>
internal static class Personas
{
    /// <summary>A runner with mild, improving back pain and nothing that points anywhere in particular.</summary>
    public static Dictionary<string, object> NoRisk() => new(StringComparer.Ordinal)
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
        ["distance_week_3"] = 28,
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
        ["cadence_known"] = true,
        ["cadence"] = 175,
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

    /// <summary>Long sitting, worse after it, better walking, front-of-hip pain that came first: the hip patterns.</summary>
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

    /// <summary>The no-risk runner, but with numbness in the saddle area: an emergency.</summary>
    public static Dictionary<string, object> RedFlag()
    {
        var answers = NoRisk();
        answers["back_pain"] = 7;
        answers["serious_signs"] = new[] { "saddle_numbness" };
        return answers;
    }

    // --- Release 2027.1.0 (issue 23): one runner per rule of clinical-safety.md that 2026.12.1 got wrong ------------

    /// <summary>Had cancer years ago, over 50, pain not from running, and no back or hip pain today (0/10): self-care.</summary>
    public static Dictionary<string, object> HistoryWithoutPain()
    {
        var answers = NoRisk();
        answers["back_pain"] = 0;
        answers["age_band"] = "over_50";
        answers["activity_link"] = false;
        answers["health_history"] = new[] { "cancer", "injected_drugs" };
        return answers;
    }

    /// <summary>Long-term steroids, back pain 4/10, already seen a doctor about this bout with nothing new: see a professional, with a safety net.</summary>
    public static Dictionary<string, object> SeenDoctorWithHistory()
    {
        var answers = NoRisk();
        answers["back_pain"] = 4;
        answers["health_history"] = new[] { "steroids" };
        answers["seen_doctor"] = true;
        return answers;
    }

    /// <summary>Aching legs after a race, answered as a runner would on 2027.1.0's wording: nothing ticked, self-care.</summary>
    public static Dictionary<string, object> PostRaceAches()
    {
        var answers = NoRisk();
        answers["back_pain"] = 2;
        answers["leg_symptoms"] = "none";
        answers["leg_weakness"] = "none";
        return answers;
    }

    /// <summary>A foot that slaps on one side, not getting worse: a doctor today (2027.1.0).</summary>
    public static Dictionary<string, object> WeakOneLeg()
    {
        var answers = NoRisk();
        answers["leg_weakness"] = "one_leg";
        return answers;
    }

    /// <summary>A small fall in the garden at 20 to 50 with no risk factor: see a professional (2027.1.0), not a doctor today.</summary>
    public static Dictionary<string, object> MinorKnockNoRisk()
    {
        var answers = NoRisk();
        answers["serious_signs"] = new[] { "minor_trauma" };
        return answers;
    }

    /// <summary>Had cancer, and now weakness in one leg: an emergency (possible spinal cord compression).</summary>
    public static Dictionary<string, object> CancerWithWeakLeg()
    {
        var answers = NoRisk();
        answers["health_history"] = new[] { "cancer" };
        answers["leg_weakness"] = "one_leg";
        answers["seen_doctor"] = true;
        return answers;
    }

    /// <summary>The answers as the JSON a client or the self-check page sends, dated from <paramref name="today"/>.</summary>
    public static JsonObject ToJson(this IReadOnlyDictionary<string, object> persona, DateOnly today)
    {
        var json = new JsonObject();
        foreach (var (id, value) in persona)
        {
            json[id] = value switch
            {
                string option => option,
                string[] options => new JsonArray([.. options.Select(o => (JsonNode)o)]),
                bool yes => yes,
                int number => number,
                double number => number,
                DaysAgo ago => ago.From(today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => throw new ArgumentException($"{id}: {value.GetType().Name} is not an answer type."),
            };
        }
        return json;
    }
}

/// <summary>A date answer, as days before the day of the check-in.</summary>
internal sealed record DaysAgo(int Days)
{
    public DateOnly From(DateOnly today) => today.AddDays(-Days);
}
