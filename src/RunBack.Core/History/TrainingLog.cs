using System.Globalization;
using RunBack.Core.Questionnaire;

namespace RunBack.Core.History;

/// <summary>One week's running as a check-in reported it: the week ends on <see cref="WeekEnd"/>, distance in km.</summary>
public sealed record DistanceReport(DateOnly WeekEnd, double Km, DateTimeOffset SavedAt);

/// <summary>A week of the training log: the Monday it starts and the distance (km), from the latest report for that week.</summary>
public sealed record WeekDistance(DateOnly WeekStart, double Km);

/// <summary>
/// Weekly distance from the check-ins. A full self-check reports up to four weeks (last week, the week before, …), a
/// quick check-in the last 7 days; each is a week ending on the check-in's day, 7 days per step back. Reports for the
/// same calendar week (Monday to Sunday) are not added up: the latest saved one is the runner's best figure.
/// </summary>
public static class TrainingLog
{
    public const double KmPerMile = 1.609344;

    public static readonly IReadOnlyList<string> WeekQuestionIds = ["distance_week_1", "distance_week_2", "distance_week_3", "distance_week_4"];

    public static bool IsMiles(AnswerSet answers) => answers.Get("distance_unit").Text == "miles";

    public static double ToKm(double distance, bool miles) => miles ? distance * KmPerMile : distance;

    public static double FromKm(double km, bool miles) => miles ? km / KmPerMile : km;

    /// <summary>The weeks one check-in's answers report.</summary>
    public static IEnumerable<DistanceReport> Reports(AnswerSet answers, DateOnly date, DateTimeOffset savedAt)
    {
        var miles = IsMiles(answers);
        for (var week = 0; week < WeekQuestionIds.Count; week++)
        {
            if (answers.Get(WeekQuestionIds[week]) is { Kind: AnswerValueKind.Number } value)
            {
                yield return new DistanceReport(date.AddDays(-7 * week), ToKm(value.Number, miles), savedAt);
            }
        }
    }

    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>One value per calendar week reported, oldest first; the latest saved report of a week wins.</summary>
    public static IReadOnlyList<WeekDistance> Weekly(IEnumerable<DistanceReport> reports) =>
        [.. reports.GroupBy(r => WeekStart(r.WeekEnd))
            .Select(g => new WeekDistance(g.Key, g.MaxBy(r => r.SavedAt)!.Km))
            .OrderBy(w => w.WeekStart)];

    /// <summary>
    /// The earlier weeks a quick check-in on <paramref name="date"/> is compared with, in the runner's unit: index 0 is
    /// the week before (always given: the nearest earlier reported week when that exact week was not reported), 1 and 2
    /// the weeks before that, only when reported.
    /// </summary>
    public static double?[] EarlierWeeks(IReadOnlyList<DistanceReport> reports, DateOnly date, bool miles)
    {
        var weekly = Weekly(reports);
        var result = new double?[3];
        for (var back = 1; back <= 3 && date.DayNumber >= 7 * (back + 1); back++)
        {
            var start = WeekStart(date.AddDays(-7 * back));
            result[back - 1] = weekly.FirstOrDefault(w => w.WeekStart == start) is { } exact ? Round(FromKm(exact.Km, miles)) : null;
        }
        if (result[0] is null && weekly.LastOrDefault(w => w.WeekStart < WeekStart(date)) is { } nearest)
        {
            result[0] = Round(FromKm(nearest.Km, miles));
        }
        return result;
    }

    /// <summary>Distances are answered in half units: converted values are rounded to that step.</summary>
    public static double Round(double value) => Math.Round(value * 2, MidpointRounding.AwayFromZero) / 2;

    public static string Format(double km, bool miles) =>
        FromKm(km, miles).ToString("0.#", CultureInfo.CurrentCulture) + (miles ? " miles" : " km");
}
