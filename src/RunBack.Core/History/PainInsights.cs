using System.Globalization;

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

public sealed record RegionTrend(string Region, TrendDirection Direction, int Change, string Text);

public enum LeadPattern
{
    NotEnoughData,
    HipLeads,
    BackLeads,
    Together,
    NoClearPattern,
}

public sealed record LeadInsight(LeadPattern Pattern, string Text);

/// <summary>
/// A whole history as the insights know it when they read only its latest check-ins: how many there are, when the first
/// was, and the latest check-in from before the window that the 2–3 week rule may start from (null: none needed or none).
/// </summary>
public sealed record HistorySpan(int Count, DateTimeOffset First)
{
    public PainPoint? Before { get; init; }
}

public sealed record HistoryInsights(RegionTrend Back, RegionTrend Hip, LeadInsight Lead, string? SeeProfessional, string Summary)
{
    /// <summary>Over how many days pain has gone on without improving, when <see cref="SeeProfessional"/> is given.</summary>
    public int? PainDays { get; init; }

    /// <summary>The PEG scores over time, each with its change from the one before; empty when no check-in has one.</summary>
    public IReadOnlyList<PegPoint> Peg { get; init; } = [];

    /// <summary>The latest PEG score and its change in words; null when no check-in has a PEG score.</summary>
    public string? PegText { get; init; }
}

/// <summary>
/// Plain-words insights from a runner's check-ins. A change counts only at 2 points or more on the 0–10 scale
/// (the smallest change that matters to a person), so day-to-day wobble is not reported as progress.
/// </summary>
public static class PainInsights
{
    public const int MeaningfulChange = 2;
    public const int TrendWindowDays = 14;
    public const int MinimumForLead = 6;
    public const int PersistentDays = 14;

    /// <summary>Numbers and dates in the runner's culture, which the web app sets per request (en-GB by default).</summary>
    private static CultureInfo Culture => CultureInfo.CurrentCulture;

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
        var see = SeeProfessional(rule);
        var peg = PegScore.Series(ordered.Select(p => (p.At, p.Peg)));
        var pegText = PegText(peg);
        var count = Math.Max(whole?.Count ?? 0, ordered.Count);
        var first = whole is { } span && ordered.Count > 0 && span.First < ordered[0].At ? span.First : ordered.FirstOrDefault()?.At;
        var summary = ordered.Count == 0
            ? "No check-ins saved yet."
            : $"{count} check-in{(count == 1 ? "" : "s")} {Span(first ?? ordered[0].At, ordered[^1].At)}. " +
              $"Latest: back {ordered[^1].Back} out of 10, hip {ordered[^1].Hip} out of 10. {back.Text} {hip.Text}" +
              (pegText is null ? "" : " " + pegText);
        return new HistoryInsights(back, hip, lead, see, summary) { PainDays = PersistentPainDays(rule), Peg = peg, PegText = pegText };
    }

    /// <summary>
    /// The latest PEG score against the one before it: a change of 30 % or more is meaningful (Krebs et al. 2009);
    /// smaller changes are called normal variation. Null when no check-in has a PEG score.
    /// </summary>
    public static string? PegText(IReadOnlyList<PegPoint> series)
    {
        if (series.Count == 0)
        {
            return null;
        }
        var latest = series[^1];
        var text = $"PEG score: {latest.Score.Display} out of 10";
        if (series.Count == 1)
        {
            return text + ". Answer the PEG questions again at a later check-in to see a change.";
        }
        var earlier = series[^2].Score.Display;
        return latest.Change switch
        {
            null => $"{text}, from {earlier} at the check-in before.",
            { Meaningful: true } change => $"{text}, {change.Words} from {earlier} at the check-in before: a meaningful change (30\u00A0% or more).",
            { } change => $"{text}, {change.Words} from {earlier} at the check-in before (changes under 30\u00A0% are normal variation).",
        };
    }

    /// <summary>"on 23 November 2026" for one day, else "from 1 November 2026 to 23 November 2026".</summary>
    private static string Span(DateTimeOffset first, DateTimeOffset last)
    {
        var (from, to) = (DateWords.Full(first), DateWords.Full(last));
        return from == to ? $"on {from}" : $"from {from} to {to}";
    }

    /// <summary>First against last check-in in the last two weeks.</summary>
    public static RegionTrend Trend(string region, IReadOnlyList<PainPoint> ordered, DateTimeOffset now, Func<PainPoint, int> score)
    {
        var window = ordered.Where(p => p.At >= now.AddDays(-TrendWindowDays)).ToList();
        var name = region == "back" ? "Back pain" : "Hip pain";
        if (window.Count < 2)
        {
            return new RegionTrend(region, TrendDirection.NotEnoughData, 0,
                $"{name}: at least two check-ins in the last two weeks are needed to see a trend.");
        }
        var change = score(window[^1]) - score(window[0]);
        var days = (int)Math.Round((window[^1].At - window[0].At).TotalDays);
        var span = days <= 1 ? "since your first check-in in this period" : $"over the last {days}\u00A0days";
        if (change <= -MeaningfulChange)
        {
            return new RegionTrend(region, TrendDirection.Better, change, $"{name} has improved by {-change} points {span}.");
        }
        if (change >= MeaningfulChange)
        {
            return new RegionTrend(region, TrendDirection.Worse, change, $"{name} has worsened by {change} points {span}.");
        }
        return new RegionTrend(region, TrendDirection.Steady, change,
            $"{name} is about the same {span} (changes under {MeaningfulChange} points are normal day-to-day variation).");
    }

    /// <summary>
    /// Does one region's change tend to come a check-in before the other's? Compares the correlation of hip changes with the
    /// next back change against the reverse, and with same-time changes. Said only with enough check-ins.
    /// </summary>
    public static LeadInsight Lead(IReadOnlyList<PainPoint> ordered)
    {
        if (ordered.Count < MinimumForLead)
        {
            return new LeadInsight(LeadPattern.NotEnoughData,
                $"Save at least {MinimumForLead} check-ins to see whether your hip or your back tends to change first (you have {ordered.Count}).");
        }
        var hip = Differences(ordered.Select(p => (double)p.Hip).ToList());
        var back = Differences(ordered.Select(p => (double)p.Back).ToList());
        var hipLeads = Correlation(hip.SkipLast(1).ToList(), back.Skip(1).ToList());
        var backLeads = Correlation(back.SkipLast(1).ToList(), hip.Skip(1).ToList());
        var together = Correlation(hip, back);

        if (hipLeads >= 0.4 && hipLeads > backLeads + 0.2 && hipLeads >= together)
        {
            return new LeadInsight(LeadPattern.HipLeads,
                "Your hip pain tends to rise a check-in before your back pain does. The articles suggest that when the hip stiffens first, the hip is a good place to start.");
        }
        if (backLeads >= 0.4 && backLeads > hipLeads + 0.2 && backLeads >= together)
        {
            return new LeadInsight(LeadPattern.BackLeads,
                "Your back pain tends to rise before your hip pain. The picture is more mixed, but easing the hips may still reduce the load on your back.");
        }
        if (together >= 0.5)
        {
            return new LeadInsight(LeadPattern.Together, "Your back and hip pain tend to rise and ease together.");
        }
        return new LeadInsight(LeadPattern.NoClearPattern, "There is no clear pattern yet in whether your hip or your back changes first.");
    }

    /// <summary>The "no better after 2–3 weeks" rule, applied across check-ins.</summary>
    public static string? SeeProfessional(IReadOnlyList<PainPoint> ordered) => PersistentPainDays(ordered) is { } days
        ? $"Your check-ins show pain over {days}\u00A0days without a meaningful improvement. Pain that is no better after two to three weeks of self-care is a reason to book a physiotherapist or doctor."
        : null;

    /// <summary>Days of pain without a meaningful improvement across check-ins, from <see cref="PersistentDays"/> on; else null.</summary>
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
