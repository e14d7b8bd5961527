namespace RunBack.Core.History;

/// <summary>One saved check-in as the home page's welcome back reads it: its day and its two pain scores.</summary>
public sealed record WelcomePoint(DateOnly Date, DateTimeOffset At, int Back, int Hip);

/// <summary>
/// What a returning runner sees first on the home page: their last back and hip pain, how many days ago that was, and
/// how each has moved over the last four weeks (first against last check-in in that window; a change counts only at
/// <see cref="PainInsights.MeaningfulChange"/> points or more, as everywhere else).
/// </summary>
public sealed record WelcomeBack(WelcomePoint Last, int DaysSince, RegionTrend Back, RegionTrend Hip)
{
    public const int TrendWindowDays = 28;

    /// <summary>Null when there is no check-in. Check-ins dated after <paramref name="today"/> cannot exist and are ignored.</summary>
    public static WelcomeBack? From(IEnumerable<WelcomePoint> points, DateOnly today)
    {
        var ordered = points.Where(p => p.Date <= today).OrderBy(p => p.Date).ThenBy(p => p.At).ToList();
        if (ordered.Count == 0)
        {
            return null;
        }
        var last = ordered[^1];
        var window = ordered.Where(p => p.Date > today.AddDays(-TrendWindowDays)).ToList();
        return new WelcomeBack(last, today.DayNumber - last.Date.DayNumber,
            Trend("Back pain", window, p => p.Back), Trend("Hip pain", window, p => p.Hip));
    }

    /// <summary>"today", "yesterday", "3 days ago".</summary>
    public string DaysSinceWords => DaysSince switch
    {
        0 => "today",
        1 => "yesterday",
        _ => $"{DaysSince}\u00A0days ago",
    };

    private static RegionTrend Trend(string name, List<WelcomePoint> window, Func<WelcomePoint, int> score)
    {
        var region = name.StartsWith("Back", StringComparison.Ordinal) ? "back" : "hip";
        if (window.Count < 2)
        {
            var count = window.Count == 0 ? "no check-in" : "one check-in";
            return new RegionTrend(region, TrendDirection.NotEnoughData, 0, $"{name}: {count} in the last 4\u00A0weeks, not enough to see a trend.");
        }
        var change = score(window[^1]) - score(window[0]);
        var from = $"from {score(window[0])} to {score(window[^1])} out of 10 over the last 4\u00A0weeks";
        return change switch
        {
            <= -PainInsights.MeaningfulChange => new RegionTrend(region, TrendDirection.Better, change, $"{name} is better: {from}."),
            >= PainInsights.MeaningfulChange => new RegionTrend(region, TrendDirection.Worse, change, $"{name} is worse: {from}."),
            _ => new RegionTrend(region, TrendDirection.Steady, change, $"{name} is about the same: {from}."),
        };
    }
}
