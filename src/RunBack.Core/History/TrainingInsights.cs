using RunBack.Core.CheckIns;

namespace RunBack.Core.History;

/// <summary>One check-in as the training insights see it: when, back pain, and what the runner logged as helping.</summary>
public sealed record TrainingEntry(DateTimeOffset At, DateOnly Date, int Back, IReadOnlyList<string> Helped);

/// <summary>
/// The training log's facts, worded at the web edge: how many weeks are logged and the latest, back pain after a rise in
/// distance against other weeks, and the change in back pain beside each thing logged as helping often enough (none
/// when nothing was logged often enough).
/// </summary>
public sealed record TrainingInsights(int WeeksLogged, WeekDistance? Latest, RiseComparison AfterRises, IReadOnlyList<HelpedChange> Helped);

/// <summary>How one average of back pain compares with another: within a point is about the same.</summary>
public enum PainComparison
{
    AboutTheSame,
    Higher,
    Lower,
}

/// <summary>
/// Back pain at the check-ins in the week after the weekly distance rose by more than <see cref="ThresholdPercent"/>
/// (<see cref="After"/> of them) against the other check-ins; the averages count only when <see cref="Enough"/>.
/// </summary>
public sealed record RiseComparison(double ThresholdPercent, int After, int Other, double AfterAverage, double OtherAverage)
{
    public bool Enough => After >= TrainingInsightsAnalysis.Minimum && Other >= TrainingInsightsAnalysis.Minimum;

    public PainComparison Comparison => TrainingInsightsAnalysis.Compare(AfterAverage - OtherAverage);
}

/// <summary>
/// A thing logged as helping (its label from the quick check-in's content), how many times, and the average change in
/// back pain from the check-in before each (negative: lower).
/// </summary>
public sealed record HelpedChange(string Label, int Times, double AverageChange)
{
    public PainComparison Comparison => TrainingInsightsAnalysis.Compare(AverageChange);
}

/// <summary>
/// Pain beside training, said only with enough data (at least <see cref="Minimum"/> of each thing compared); the edge
/// always says it with the small-sample caveat: pain in the week after a distance rise over the threshold against other
/// weeks, and each thing logged as helping against the change at the next check-in.
/// </summary>
public static class TrainingInsightsAnalysis
{
    public const int Minimum = 3;

    public static TrainingInsights Analyse(IReadOnlyList<TrainingEntry> entries, IReadOnlyList<WeekDistance> weeks, double thresholdPercent,
        QuickCheckInContent quick) =>
        new(weeks.Count, weeks.Count == 0 ? null : weeks[^1], AfterRises(entries, weeks, thresholdPercent), [.. Helped(entries, quick)]);

    /// <summary>About the same within a point either way; else higher or lower.</summary>
    public static PainComparison Compare(double difference) =>
        Math.Abs(difference) < 1 ? PainComparison.AboutTheSame : difference > 0 ? PainComparison.Higher : PainComparison.Lower;

    /// <summary>
    /// Back pain in the 7 days after a week whose distance rose by more than the threshold over the week just before
    /// it, against all other check-ins.
    /// </summary>
    public static RiseComparison AfterRises(IReadOnlyList<TrainingEntry> entries, IReadOnlyList<WeekDistance> weeks, double thresholdPercent)
    {
        var rises = new List<DateOnly>();
        for (var i = 1; i < weeks.Count; i++)
        {
            var (before, week) = (weeks[i - 1], weeks[i]);
            if (week.WeekStart == before.WeekEnd.AddDays(1) && before.Km > 0 && (week.Km - before.Km) / before.Km * 100 > thresholdPercent)
            {
                rises.Add(week.WeekEnd);
            }
        }
        var after = entries.Where(e => rises.Any(end => e.Date > end && e.Date <= end.AddDays(7))).ToList();
        var other = entries.Except(after).ToList();
        var comparison = new RiseComparison(thresholdPercent, after.Count, other.Count, 0, 0);
        return comparison.Enough
            ? comparison with { AfterAverage = after.Average(e => e.Back), OtherAverage = other.Average(e => e.Back) }
            : comparison;
    }

    /// <summary>
    /// For each thing logged as helping at least <see cref="Minimum"/> times: the average change in back pain over the
    /// period the answer is about. The quick check-in asks what helped since the last check-in, so the change is from
    /// that earlier check-in to the one that reports it.
    /// </summary>
    public static IEnumerable<HelpedChange> Helped(IReadOnlyList<TrainingEntry> entries, QuickCheckInContent quick)
    {
        var ordered = entries.OrderBy(e => e.At).ToList();
        var pairs = ordered.Zip(ordered.Skip(1)).ToList();
        foreach (var option in quick.Helped.Options.Where(o => !o.Exclusive))
        {
            var changes = pairs.Where(p => p.Second.Helped.Contains(option.Id)).Select(p => p.Second.Back - p.First.Back).ToList();
            if (changes.Count >= Minimum)
            {
                yield return new HelpedChange(option.Label, changes.Count, changes.Average());
            }
        }
    }
}
