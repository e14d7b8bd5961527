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
            : $"Weekly distance logged for {weeks.Count} week{(weeks.Count == 1 ? "" : "s")}; the latest, starting {DateWords.Full(weeks[^1].WeekStart)}: {TrainingLog.Format(weeks[^1].Km, miles)}.";
        return new TrainingInsights(summary, [AfterRises(entries, weeks, thresholdPercent), .. Helped(entries, quick)]);
    }

    /// <summary>Back pain in the week after a week whose distance rose by more than the threshold, against all other weeks.</summary>
    public static string AfterRises(IReadOnlyList<TrainingEntry> entries, IReadOnlyList<WeekDistance> weeks, double thresholdPercent)
    {
        var rises = new HashSet<DateOnly>();
        for (var i = 1; i < weeks.Count; i++)
        {
            var (before, week) = (weeks[i - 1], weeks[i]);
            if (week.WeekStart == before.WeekStart.AddDays(7) && before.Km > 0 && (week.Km - before.Km) / before.Km * 100 > thresholdPercent)
            {
                rises.Add(week.WeekStart.AddDays(7));
            }
        }
        var after = entries.Where(e => rises.Contains(TrainingLog.WeekStart(e.Date))).ToList();
        var other = entries.Except(after).ToList();
        if (after.Count < Minimum || other.Count < Minimum)
        {
            return $"Pain after a rise in distance: once at least {Minimum} check-ins fall in the week after your weekly distance rose by more than " +
                $"{thresholdPercent.ToString("0", Culture)} %, and {Minimum} in other weeks, this compares them (now {after.Count} and {other.Count}).";
        }
        var (a, o) = (after.Average(e => e.Back), other.Average(e => e.Back));
        var comparison = Math.Abs(a - o) < 1 ? "about the same as" : a > o ? "higher than" : "lower than";
        return $"In the weeks after your distance rose by more than {thresholdPercent.ToString("0", Culture)} %, your back pain averaged " +
            $"{a.ToString("0.#", Culture)} out of 10, {comparison} the {o.ToString("0.#", Culture)} of other weeks " +
            $"({after.Count} against {other.Count} check-ins). {Caveat}";
    }

    /// <summary>For each thing logged as helping at least <see cref="Minimum"/> times: the average change in back pain at the next check-in.</summary>
    public static IEnumerable<string> Helped(IReadOnlyList<TrainingEntry> entries, QuickCheckInContent quick)
    {
        var ordered = entries.OrderBy(e => e.At).ToList();
        var pairs = ordered.Zip(ordered.Skip(1)).ToList();
        var said = false;
        foreach (var option in quick.Helped.Options.Where(o => !o.Exclusive))
        {
            var changes = pairs.Where(p => p.First.Helped.Contains(option.Id)).Select(p => p.Second.Back - p.First.Back).ToList();
            if (changes.Count < Minimum)
            {
                continue;
            }
            said = true;
            var average = changes.Average();
            var what = Math.Abs(average) < 1 ? "about the same" : average < 0
                ? $"on average {(-average).ToString("0.#", Culture)} points lower"
                : $"on average {average.ToString("0.#", Culture)} points higher";
            yield return $"After the {changes.Count} check-ins where you logged \"{option.Label}\" as helping, your back pain at the next check-in was {what}. {Caveat}";
        }
        if (!said)
        {
            yield return $"What helped: log the same thing as helping in at least {Minimum} quick check-ins to see how your pain changed by the next one.";
        }
    }
}
