namespace RunBack.Core.History;

/// <summary>One saved check-in's pain scores, 0–10, and its PEG score when it answered all three PEG questions.</summary>
public sealed record PainPoint(DateTimeOffset At, int Back, int Hip)
{
    public PegScore? Peg { get; init; }
}

public enum TrendDirection
{
    NotEnoughData,
    Better,
    Worse,
    Steady,
}

/// <summary>
/// One region's ("back" or "hip") pain over the last <see cref="PainInsights.TrendWindowDays"/> days: the direction, the
/// change in points, first against last check-in in that window, and the days between them (0 without a trend).
/// </summary>
public sealed record RegionTrend(string Region, TrendDirection Direction, int Change)
{
    public int Days { get; init; }
}

public enum LeadPattern
{
    NotEnoughData,
    HipLeads,
    BackLeads,
    Together,
    NoClearPattern,
}

/// <summary>Which region's pain tends to change first, read from <paramref name="CheckIns"/> check-ins.</summary>
public sealed record LeadInsight(LeadPattern Pattern, int CheckIns);

/// <summary>
/// A whole history as the insights know it when they read only its latest check-ins: how many there are, when the first
/// was, and the latest check-in from before the window that the 2–3 week rule may start from (null: none needed or none).
/// </summary>
public sealed record HistorySpan(int Count, DateTimeOffset First)
{
    public PainPoint? Before { get; init; }
}

/// <summary>
/// What a history shows, as facts (the web app puts them into words): how many check-ins it holds (<paramref name="Count"/>,
/// the whole history), the trends, the lead pattern, the 2–3 week rule and the PEG scores.
/// </summary>
public sealed record HistoryInsights(RegionTrend Back, RegionTrend Hip, LeadInsight Lead, int Count)
{
    /// <summary>Over how many days pain has gone on without a meaningful improvement (the 2–3 week rule); null when it has not.</summary>
    public int? PainDays { get; init; }

    /// <summary>The PEG scores over time, each with its change from the one before; empty when no check-in has one.</summary>
    public IReadOnlyList<PegPoint> Peg { get; init; } = [];

    /// <summary>When the history's first check-in was saved; null without check-ins.</summary>
    public DateTimeOffset? First { get; init; }

    /// <summary>The latest check-in; null without check-ins.</summary>
    public PainPoint? Latest { get; init; }
}

/// <summary>
/// Insights from a runner's check-ins, as facts (the web app words them). A change counts only at 2 points or more on the 0–10 scale
/// (the smallest change that matters to a person), so day-to-day wobble is not reported as progress.
/// </summary>
public static class PainInsights
{
    public const int MeaningfulChange = 2;
    public const int TrendWindowDays = 14;
    public const int MinimumForLead = 6;
    public const int PersistentDays = 14;

    /// <summary>The insights of every check-in of a history (all of them given).</summary>
    public static HistoryInsights Analyse(IReadOnlyList<PainPoint> points, DateTimeOffset now) => Analyse(points, now, null);

    /// <summary>
    /// The insights of a history read as a window of its latest check-ins (<paramref name="points"/>): the summary counts
    /// the whole history (<paramref name="whole"/>), the trends, the lead pattern and the PEG score read the window, and
    /// the 2–3 week rule also reads <see cref="HistorySpan.Before"/>, the latest check-in far enough back when the window
    /// has none, so a long history never loses its warning. With the whole history in the window, the same as without.
    /// </summary>
    public static HistoryInsights Analyse(IReadOnlyList<PainPoint> points, DateTimeOffset now, HistorySpan? whole)
    {
        var ordered = points.OrderBy(p => p.At).ToList();
        var back = Trend("back", ordered, now, p => p.Back);
        var hip = Trend("hip", ordered, now, p => p.Hip);
        var lead = Lead(ordered);
        var rule = whole?.Before is { } before && (ordered.Count == 0 || before.At < ordered[0].At) ? [before, .. ordered] : ordered;
        var peg = PegScore.Series(ordered.Select(p => (p.At, p.Peg)));
        var count = Math.Max(whole?.Count ?? 0, ordered.Count);
        var first = whole is { } span && ordered.Count > 0 && span.First < ordered[0].At ? span.First : ordered.FirstOrDefault()?.At;
        return new HistoryInsights(back, hip, lead, count)
        {
            PainDays = PersistentPainDays(rule),
            Peg = peg,
            First = first,
            Latest = ordered.LastOrDefault(),
        };
    }

    /// <summary>First against last check-in in the last two weeks.</summary>
    public static RegionTrend Trend(string region, IReadOnlyList<PainPoint> ordered, DateTimeOffset now, Func<PainPoint, int> score)
    {
        var window = ordered.Where(p => p.At >= now.AddDays(-TrendWindowDays)).ToList();
        if (window.Count < 2)
        {
            return new RegionTrend(region, TrendDirection.NotEnoughData, 0);
        }
        var change = score(window[^1]) - score(window[0]);
        var days = (int)Math.Round((window[^1].At - window[0].At).TotalDays);
        var direction = change <= -MeaningfulChange ? TrendDirection.Better : change >= MeaningfulChange ? TrendDirection.Worse : TrendDirection.Steady;
        return new RegionTrend(region, direction, change) { Days = days };
    }

    /// <summary>
    /// Does one region's change tend to come a check-in before the other's? Compares the correlation of hip changes with the
    /// next back change against the reverse, and with same-time changes. Said only with enough check-ins.
    /// </summary>
    public static LeadInsight Lead(IReadOnlyList<PainPoint> ordered)
    {
        if (ordered.Count < MinimumForLead)
        {
            return new LeadInsight(LeadPattern.NotEnoughData, ordered.Count);
        }
        var hip = Differences(ordered.Select(p => (double)p.Hip).ToList());
        var back = Differences(ordered.Select(p => (double)p.Back).ToList());
        var hipLeads = Correlation(hip.SkipLast(1).ToList(), back.Skip(1).ToList());
        var backLeads = Correlation(back.SkipLast(1).ToList(), hip.Skip(1).ToList());
        var together = Correlation(hip, back);

        if (hipLeads >= 0.4 && hipLeads > backLeads + 0.2 && hipLeads >= together)
        {
            return new LeadInsight(LeadPattern.HipLeads, ordered.Count);
        }
        if (backLeads >= 0.4 && backLeads > hipLeads + 0.2 && backLeads >= together)
        {
            return new LeadInsight(LeadPattern.BackLeads, ordered.Count);
        }
        if (together >= 0.5)
        {
            return new LeadInsight(LeadPattern.Together, ordered.Count);
        }
        return new LeadInsight(LeadPattern.NoClearPattern, ordered.Count);
    }

    /// <summary>The "no better after 2–3 weeks" rule, applied across check-ins: days of pain without a meaningful improvement, from <see cref="PersistentDays"/> on; else null.</summary>
    public static int? PersistentPainDays(IReadOnlyList<PainPoint> ordered)
    {
        if (ordered.Count < 2 || (ordered[^1].At - ordered[0].At).TotalDays < PersistentDays)
        {
            return null;
        }
        var latest = ordered[^1];
        var start = ordered.Last(p => (latest.At - p.At).TotalDays >= PersistentDays);
        var stillInPain = latest.Back > 0 || latest.Hip > 0;
        var improved = latest.Back <= start.Back - MeaningfulChange || latest.Hip <= start.Hip - MeaningfulChange;
        var worse = latest.Back >= start.Back + MeaningfulChange || latest.Hip >= start.Hip + MeaningfulChange;
        if (!stillInPain || (improved && !worse))
        {
            return null;
        }
        return (int)Math.Round((latest.At - start.At).TotalDays);
    }

    private static List<double> Differences(List<double> values) =>
        [.. values.Zip(values.Skip(1), (a, b) => b - a)];

    internal static double Correlation(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var n = Math.Min(x.Count, y.Count);
        if (n < 3)
        {
            return 0;
        }
        double meanX = 0, meanY = 0;
        for (var i = 0; i < n; i++)
        {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - meanX;
            var dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.Sqrt(sxx * syy);
    }
}
