namespace RunBack.Core.Rules;

/// <summary>Two weekly distances compared, and the change in per cent (rounded to one decimal, as shown).</summary>
public readonly record struct WeekComparison(double From, double To, double Percent);

/// <summary>This week against the average of the weeks before it.</summary>
public readonly record struct AverageComparison(double ThisWeek, double Average, int WeeksBefore, double Percent);

/// <summary>
/// The training-load maths, on weekly distances listed oldest first (null: not answered). A week with no running (0)
/// or a week not answered never breaks the chain: each running week is compared with the last earlier week that had
/// running, so 10 → 0 → 40 is a rise from 10 to 40, not a fall of 100 %.
/// </summary>
public static class TrainingLoad
{
    /// <summary>
    /// The largest week-on-week change between running weeks (the largest rise, or when every change is a fall or none,
    /// the smallest fall). Null when fewer than two weeks had running.
    /// </summary>
    public static WeekComparison? LargestWeeklyChange(IReadOnlyList<double?> weeks)
    {
        WeekComparison? largest = null;
        double? previous = null;
        foreach (var week in weeks)
        {
            if (week is not > 0)
            {
                continue;
            }
            if (previous is { } from)
            {
                var change = new WeekComparison(from, week.Value, Percent(from, week.Value));
                if (largest is null || change.Percent > largest.Value.Percent)
                {
                    largest = change;
                }
            }
            previous = week;
        }
        return largest;
    }

    /// <summary>
    /// The last week against the average of the answered weeks before it (weeks without running count as 0, because
    /// they lower what the body is used to). Needs the last week and at least two earlier weeks; null when the average
    /// is 0 (that is a new start, see <see cref="IsNewStart"/>).
    /// </summary>
    public static AverageComparison? AgainstAverage(IReadOnlyList<double?> weeks)
    {
        if (weeks.Count < 3 || weeks[^1] is not { } last)
        {
            return null;
        }
        var (count, sum, _) = Before(weeks);
        if (count < 2)
        {
            return null;
        }
        var average = sum / count;
        return average <= 0 ? null : new AverageComparison(last, Math.Round(average, 1), count, Percent(average, last));
    }

    /// <summary>
    /// True when the last week had running and every answered week before it had none: a new start, with no earlier
    /// distance to compare with. False when the last week is answered otherwise; null when there is nothing to say.
    /// </summary>
    public static bool? IsNewStart(IReadOnlyList<double?> weeks)
    {
        if (weeks.Count < 2 || weeks[^1] is not { } last)
        {
            return null;
        }
        var (count, _, anyRunning) = Before(weeks);
        return count == 0 ? null : last > 0 && !anyRunning;
    }

    /// <summary>The answered weeks before the last one: how many, their total, and whether any had running.</summary>
    private static (int Count, double Sum, bool AnyRunning) Before(IReadOnlyList<double?> weeks)
    {
        var (count, sum, anyRunning) = (0, 0.0, false);
        for (var i = 0; i < weeks.Count - 1; i++)
        {
            if (weeks[i] is { } week)
            {
                count++;
                sum += week;
                anyRunning |= week > 0;
            }
        }
        return (count, sum, anyRunning);
    }

    /// <summary>The change from one distance to another in per cent, rounded to one decimal: what is shown is what is compared.</summary>
    public static double Percent(double from, double to) => Math.Round((to - from) / from * 100, 1, MidpointRounding.AwayFromZero);
}
