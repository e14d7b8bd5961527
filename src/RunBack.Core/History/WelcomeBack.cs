namespace RunBack.Core.History;

/// <summary>One saved check-in as the home page's welcome back reads it: its day and its two pain scores.</summary>
public sealed record WelcomePoint(DateOnly Date, DateTimeOffset At, int Back, int Hip);

/// <summary>
/// What a returning runner sees first on the home page: their last back and hip pain, how many days ago that was, and
/// how each has moved over the last four weeks (first against last check-in in that window; a change counts only at
/// <see cref="PainInsights.MeaningfulChange"/> points or more, as everywhere else).
/// </summary>
public sealed record WelcomeBack(WelcomePoint Last, int DaysSince, WelcomeTrend Back, WelcomeTrend Hip)
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
            Trend(PainRegion.Back, window, p => p.Back), Trend(PainRegion.Hip, window, p => p.Hip));
    }

    private static WelcomeTrend Trend(PainRegion region, List<WelcomePoint> window, Func<WelcomePoint, int> score)
    {
        if (window.Count < 2)
        {
            return new WelcomeTrend(region, TrendDirection.NotEnoughData, window.Count, 0, 0);
        }
        var (from, to) = (score(window[0]), score(window[^1]));
        var direction = (to - from) switch
        {
            <= -PainInsights.MeaningfulChange => TrendDirection.Better,
            >= PainInsights.MeaningfulChange => TrendDirection.Worse,
            _ => TrendDirection.Steady,
        };
        return new WelcomeTrend(region, direction, window.Count, from, to);
    }
}

/// <summary>Back or hip.</summary>
public enum PainRegion
{
    Back,
    Hip,
}

/// <summary>
/// One region's pain over the welcome's <see cref="WelcomeBack.TrendWindowDays"/>: the direction, the check-ins in that
/// window, and the first and last score in it (0 and 0 with fewer than two check-ins, when no trend is claimed).
/// </summary>
public sealed record WelcomeTrend(PainRegion Region, TrendDirection Direction, int CheckIns, int From, int To)
{
    public int Change => To - From;
}
