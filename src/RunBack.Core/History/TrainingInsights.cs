using System.Globalization;
using RunBack.Core.CheckIns;

namespace RunBack.Core.History;

/// <summary>One check-in as the training insights see it: when, back pain, and what the runner logged as helping.</summary>
public sealed record TrainingEntry(DateTimeOffset At, DateOnly Date, int Back, IReadOnlyList<string> Helped);

/// <summary>The training log in words: a summary line for the chart, and insights that do not repeat it.</summary>
public sealed record TrainingInsights(string Summary, IReadOnlyList<string> Insights);

/// <summary>
/// Pain beside training, said only with enough data (at least <see cref="Minimum"/> of each thing compared) and always
/// with the small-sample caveat: pain in the week after a distance rise over the threshold against other weeks, and
/// each thing logged as helping against the change at the next check-in.
/// </summary>
public static class TrainingInsightsAnalysis
{
    public const int Minimum = 3;

    private const string Caveat = "With this few check-ins it may be chance: treat it as something to watch, not proof.";

    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    public static TrainingInsights Analyse(IReadOnlyList<TrainingEntry> entries, IReadOnlyList<WeekDistance> weeks, double thresholdPercent,
        QuickCheckInContent quick, bool miles)
    {
        var summary = weeks.Count == 0
            ? "No weekly distance logged yet."
            : $"Weekly distance logged for {weeks.Count}\u00A0week{(weeks.Count == 1 ? "" : "s")}; the latest, {DateWords.Span(weeks[^1].WeekStart, weeks[^1].WeekEnd)}: {TrainingLog.Format(weeks[^1].Km, miles)}.";
        return new TrainingInsights(summary, [AfterRises(entries, weeks, thresholdPercent), .. Helped(entries, quick)]);
    }

    /// <summary>
    /// Back pain in the 7 days after a week whose distance rose by more than the threshold over the week just before
    /// it, against all other check-ins.
    /// </summary>
    public static string AfterRises(IReadOnlyList<TrainingEntry> entries, IReadOnlyList<WeekDistance> weeks, double thresholdPercent)
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
        if (after.Count < Minimum || other.Count < Minimum)
        {
            return $"Pain after a rise in distance: once at least {Minimum} check-ins fall in the week after your weekly distance rose by more than " +
                $"{thresholdPercent.ToString("0", Culture)}{Typography.Nbsp}%, and {Minimum} in other weeks, this compares them (now {after.Count} and {other.Count}).";
        }
        var (a, o) = (after.Average(e => e.Back), other.Average(e => e.Back));
        var comparison = Math.Abs(a - o) < 1 ? "about the same as" : a > o ? "higher than" : "lower than";
        return $"In the weeks after your distance rose by more than {thresholdPercent.ToString("0", Culture)}{Typography.Nbsp}%, your back pain averaged " +
            $"{a.ToString("0.#", Culture)} out of 10, {comparison} the {o.ToString("0.#", Culture)} of other weeks " +
            $"({after.Count} against {other.Count} check-ins). {Caveat}";
    }

    /// <summary>
    /// For each thing logged as helping at least <see cref="Minimum"/> times: the average change in back pain over the
    /// period the answer is about. The quick check-in asks what helped since the last check-in, so the change is from
    /// that earlier check-in to the one that reports it.
    /// </summary>
    public static IEnumerable<string> Helped(IReadOnlyList<TrainingEntry> entries, QuickCheckInContent quick)
    {
        var ordered = entries.OrderBy(e => e.At).ToList();
        var pairs = ordered.Zip(ordered.Skip(1)).ToList();
        var said = false;
        foreach (var option in quick.Helped.Options.Where(o => !o.Exclusive))
        {
            var changes = pairs.Where(p => p.Second.Helped.Contains(option.Id)).Select(p => p.Second.Back - p.First.Back).ToList();
            if (changes.Count < Minimum)
            {
                continue;
            }
            said = true;
            var average = changes.Average();
            var points = Math.Abs(average).ToString("0.#", Culture);
            var what = Math.Abs(average) < 1 ? "about the same as"
                : $"on average {points} point{(points == "1" ? "" : "s")} {(average < 0 ? "lower" : "higher")} than";
            yield return $"The {changes.Count} times you logged \"{option.Label}\" as helping, your back pain was {what} at the check-in before. {Caveat}";
        }
        if (!said)
        {
            yield return $"What helped: log the same thing as helping in at least {Minimum} quick check-ins to see how your pain changed since the check-in before each.";
        }
    }
}
