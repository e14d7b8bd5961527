using System.Globalization;

namespace RunBack.Web.Features.Summary;

/// <summary>One of the summary's 12 weeks: its days, the last check-in in it (null when none) and how many it had.</summary>
public sealed record TrendWeek(DateOnly From, DateOnly To, RecentPain? Latest, int CheckIns);

/// <summary>
/// The printed summary's pain trend: the 12 weeks ending on the check-in's day (the last week ends on it), each with the
/// last check-in in it, for the chart and the table beside it. The service loads only the check-ins of these weeks.
/// </summary>
public static class PainTrend
{
    public const int Weeks = 12;

    /// <summary>The first day of the 12 weeks ending on <paramref name="date"/>.</summary>
    public static DateOnly FirstDay(DateOnly date) => date.AddDays(-(Weeks * 7) + 1);

    public static IReadOnlyList<TrendWeek> Weekly(IReadOnlyList<RecentPain> points, DateOnly date) =>
    [
        .. Enumerable.Range(0, Weeks).Select(i =>
        {
            var to = date.AddDays(-7 * (Weeks - 1 - i));
            var from = to.AddDays(-6);
            var inWeek = points.Where(p => p.Day >= from && p.Day <= to).OrderBy(p => p.Day).ThenBy(p => p.At).ToList();
            return new TrendWeek(from, to, inWeek.LastOrDefault(), inWeek.Count);
        }),
    ];

    /// <summary>The chart's geometry (SVG user units): a 0–10 axis and 12 weekly slots.</summary>
    public const double Width = 320, Height = 150, Left = 26, Right = 8, Top = 22, Bottom = 22;

    public static double X(int week) => Left + ((week + 0.5) * (Width - Left - Right) / Weeks);

    public static double Y(double score) => Top + ((10 - score) * (Height - Top - Bottom) / 10);

    /// <summary>SVG points per run of weeks that have a value: a week without one breaks the line, never bridged.</summary>
    public static IReadOnlyList<string> Lines(IReadOnlyList<TrendWeek> weeks, Func<RecentPain, double?> score)
    {
        var runs = new List<string>();
        var current = new List<string>();
        for (var i = 0; i < weeks.Count; i++)
        {
            if (weeks[i].Latest is { } p && score(p) is { } value)
            {
                current.Add(Point(i, value));
            }
            else if (current.Count > 0)
            {
                runs.Add(string.Join(' ', current));
                current = [];
            }
        }
        if (current.Count > 0)
        {
            runs.Add(string.Join(' ', current));
        }
        return runs;
    }

    public static string Point(int week, double value) =>
        FormattableString.Invariant($"{X(week):0.#},{Y(value):0.#}");

    public static string Num(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
