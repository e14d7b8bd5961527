namespace RunBack.Core.History;

/// <summary>
/// One week of the chart drawn from weekly aggregates: the 7 days from <see cref="WeekStart"/> to <see cref="WeekEnd"/>,
/// the mean back and hip pain (0–10) of its check-ins, and the mean PEG total of those with a PEG score (null: none had one).
/// </summary>
public sealed record PainWeek(DateOnly WeekStart, double Back, double Hip, PegScore? Peg, int Count)
{
    public DateOnly WeekEnd => WeekStart.AddDays(6);
}

/// <summary>
/// What the history chart draws, whatever the history's length: the check-ins of the last <see cref="WindowDays"/> days
/// (up to the latest check-in), each as it was given while they span at most <see cref="RawDays"/> days and number at
/// most <see cref="MostRawPoints"/>; beyond that one point per week (the mean of that week's check-ins). Weeks are
/// counted back from the latest check-in's day, 7 days each, like the training log's weeks.
/// </summary>
public static class PainWeeks
{
    /// <summary>The chart's span at most: 52 weeks.</summary>
    public const int WindowDays = 52 * 7;

    /// <summary>Up to about three months, every check-in is its own point.</summary>
    public const int RawDays = 13 * 7;

    /// <summary>More check-ins than this in the window are drawn as weeks, so the chart stays readable and small.</summary>
    public const int MostRawPoints = 60;

    /// <summary>The first day the chart shows for a history whose latest check-in is on <paramref name="last"/>.</summary>
    public static DateOnly WindowStart(DateOnly last) => last.AddDays(-(WindowDays - 1));

    /// <summary>Whether the chart of these check-ins (oldest first, already within the window) is drawn by weeks.</summary>
    public static bool ByWeek(IReadOnlyList<(DateOnly Day, PainPoint Point)> shown) =>
        shown.Count > MostRawPoints || (shown.Count > 0 && shown[^1].Day.DayNumber - shown[0].Day.DayNumber >= RawDays);

    /// <summary>One value per week that has a check-in, oldest first; weeks end on the latest check-in's day, 7 days apart.</summary>
    public static IReadOnlyList<PainWeek> Aggregate(IReadOnlyList<(DateOnly Day, PainPoint Point)> checkIns)
    {
        if (checkIns.Count == 0)
        {
            return [];
        }
        var last = checkIns.Max(c => c.Day);
        return [.. checkIns
            .GroupBy(c => (last.DayNumber - c.Day.DayNumber) / 7)
            .OrderByDescending(g => g.Key)
            .Select(g =>
            {
                var pegs = g.Where(c => c.Point.Peg is not null).Select(c => c.Point.Peg!.Value.Total).ToList();
                return new PainWeek(last.AddDays(-7 * g.Key - 6), g.Average(c => c.Point.Back), g.Average(c => c.Point.Hip),
                    pegs.Count == 0 ? null : new PegScore(pegs.Average()), g.Count());
            })];
    }
}
