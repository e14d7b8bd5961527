using System.Globalization;
using RunBack.Core.Questionnaire;

namespace RunBack.Core.History;

/// <summary>One week's running as a check-in reported it: the 7 days ending on <see cref="WeekEnd"/>, distance in km.</summary>
public sealed record DistanceReport(DateOnly WeekEnd, double Km, DateTimeOffset SavedAt);

/// <summary>A week of the training log: the 7 days from <see cref="WeekStart"/> to <see cref="WeekEnd"/>, distance in km.</summary>
public sealed record WeekDistance(DateOnly WeekStart, double Km)
{
    public DateOnly WeekEnd => WeekStart.AddDays(DaysPerWeek - 1);

    private const int DaysPerWeek = 7;
}

/// <summary>
/// Weekly distance from the check-ins. A full self-check reports up to four weeks (last week, the week before, …), a
/// quick check-in the last 7 days. A week is what the question means: the 7 days up to and including the check-in's
/// day, then 7 days per step back, so a week is never in the future and is labelled by its own dates (on Monday
/// 7 December, "last week" is 1 to 7 December, not the calendar week starting that Monday). Reports are not added up:
/// for weeks that end on the same day the latest saved one (of two saved at the same instant, the later given) is the runner's best figure, and where two weeks overlap the
/// one ending later wins, so the log is a row of weeks that never overlap.
/// </summary>
public static class TrainingLog
{
    public const double KmPerMile = 1.609344;

    public static readonly IReadOnlyList<string> WeekQuestionIds = ["distance_week_1", "distance_week_2", "distance_week_3", "distance_week_4"];

    public const string UnitQuestionId = "distance_unit";
    public const string ShoeQuestionId = "shoe_distance";
    public const string Miles = DistanceUnits.Miles;

    public static bool IsMiles(AnswerSet answers) => answers.Get(UnitQuestionId).Text == Miles;

    public static double ToKm(double distance, bool miles) => miles ? distance * KmPerMile : distance;

    public static double FromKm(double km, bool miles) => miles ? km / KmPerMile : km;

    /// <summary>The weeks one check-in's answers report.</summary>
    public static IEnumerable<DistanceReport> Reports(AnswerSet answers, DateOnly date, DateTimeOffset savedAt) =>
        Reports(HistoryFacts.From(answers), date, savedAt);

    /// <summary>The weeks one check-in's stored facts report (the same weeks as its answers).</summary>
    public static IEnumerable<DistanceReport> Reports(HistoryFacts facts, DateOnly date, DateTimeOffset savedAt)
    {
        var weeks = facts.Weeks;
        for (var week = 0; week < weeks.Count; week++)
        {
            if (weeks[week] is { } value)
            {
                yield return new DistanceReport(date.AddDays(-7 * week), ToKm(value, facts.Miles), savedAt);
            }
        }
    }

    /// <summary>The first of the 7 days a report ending on <paramref name="weekEnd"/> covers.</summary>
    public static DateOnly WeekStart(DateOnly weekEnd) => weekEnd.AddDays(-6);

    /// <summary>One value per reported week, oldest first, weeks never overlapping (see the class summary).</summary>
    public static IReadOnlyList<WeekDistance> Weekly(IEnumerable<DistanceReport> reports)
    {
        var weeks = new List<WeekDistance>();
        foreach (var report in reports.GroupBy(r => r.WeekEnd).Select(g => g.OrderBy(r => r.SavedAt).Last()).OrderByDescending(r => r.WeekEnd))
        {
            if (weeks.Count == 0 || report.WeekEnd < weeks[^1].WeekStart)
            {
                weeks.Add(new WeekDistance(WeekStart(report.WeekEnd), report.Km));
            }
        }
        weeks.Reverse();
        return weeks;
    }

    /// <summary>
    /// The earlier weeks a quick check-in on <paramref name="date"/> is compared with, in the runner's unit: index 0 is
    /// the week before (always given: the nearest earlier reported week when that week was not reported), 1 and 2 the
    /// weeks before that, only when reported. A reported week stands for "n weeks back" when it ends within 3 days of
    /// the day n weeks back, so check-ins on different weekdays still line up.
    /// </summary>
    public static double?[] EarlierWeeks(IReadOnlyList<DistanceReport> reports, DateOnly date, bool miles)
    {
        var weekly = Weekly(reports.Where(r => r.WeekEnd.DayNumber <= date.DayNumber - 4));
        var result = new double?[3];
        for (var back = 1; back <= 3 && date.DayNumber >= 7 * (back + 1); back++)
        {
            var end = date.AddDays(-7 * back);
            result[back - 1] = weekly.Where(w => Math.Abs(w.WeekEnd.DayNumber - end.DayNumber) <= 3)
                .OrderBy(w => Math.Abs(w.WeekEnd.DayNumber - end.DayNumber)).FirstOrDefault() is { } near ? Round(FromKm(near.Km, miles)) : null;
        }
        if (result[0] is null && weekly.Count > 0 && weekly[^1] is { } nearest)
        {
            result[0] = Round(FromKm(nearest.Km, miles));
        }
        return result;
    }

    /// <summary>Distances are answered in half units: converted values are rounded to that step.</summary>
    public static double Round(double value) => Math.Round(value * 2, MidpointRounding.AwayFromZero) / 2;

    public static string Format(double km, bool miles, bool whole = false) =>
        Typography.WithUnit((whole ? Math.Round(FromKm(km, miles)) : FromKm(km, miles)).ToString(whole ? "0" : "0.#", CultureInfo.CurrentCulture),
            miles ? "miles" : "km");
}
