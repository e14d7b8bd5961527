using System.Globalization;
using Microsoft.Extensions.Localization;
using RunBack.Core;
using RunBack.Core.History;

namespace RunBack.Web.Components;

/// <summary>
/// The history's facts from Core (the welcome back, the pain insights) in the edition's words, from
/// Resources/Wording*.resx: Core says what happened, in numbers and dates; this says it to the runner.
/// </summary>
public static class InsightWording
{
    /// <summary>"today", "yesterday", "3 days ago" (a no-break space between the number and "days").</summary>
    public static string DaysSince(IStringLocalizer<Wording> words, int days) => days switch
    {
        0 => words["Welcome_Today"],
        1 => words["Welcome_Yesterday"],
        _ => Format(words["Welcome_DaysAgo"], days),
    };

    /// <summary>"Back pain is better: from 6 to 3 out of 10 over the last 4 weeks.", or why no trend is claimed.</summary>
    public static string Welcome(IStringLocalizer<Wording> words, WelcomeTrend trend)
    {
        string region = Region(words, trend.Region);
        return trend.Direction switch
        {
            TrendDirection.NotEnoughData when trend.CheckIns == 0 => Format(words["Welcome_NoCheckIn"], region),
            TrendDirection.NotEnoughData => Format(words["Welcome_OneCheckIn"], region),
            TrendDirection.Better => Format(words["Welcome_Better"], region, trend.From, trend.To),
            TrendDirection.Worse => Format(words["Welcome_Worse"], region, trend.From, trend.To),
            _ => Format(words["Welcome_Steady"], region, trend.From, trend.To),
        };
    }

    /// <summary>"Back pain" or "Hip pain", to start a sentence.</summary>
    public static string Region(IStringLocalizer<Wording> words, PainRegion region) =>
        region == PainRegion.Back ? words["Pain_Back"] : words["Pain_Hip"];

    /// <summary>The history's summary line: how many check-ins since when, the latest scores, both trends and the PEG score.</summary>
    public static string Summary(IStringLocalizer<Wording> words, HistoryInsights insights)
    {
        if (insights.Latest is not { } latest)
        {
            return words["Insight_NoCheckIns"];
        }
        var (from, to) = (DateWords.Full(insights.First ?? latest.At), DateWords.Full(latest.At));
        var span = from == to ? Format(words["Insight_On"], from) : Format(words["Insight_FromTo"], from, to);
        var count = Format(insights.Count == 1 ? words["Insight_CheckIn"] : words["Insight_CheckIns"], insights.Count);
        var text = Format(words["Insight_Summary"], count, span, latest.Back, latest.Hip, Trend(words, insights.Back), Trend(words, insights.Hip));
        return Peg(words, insights.Peg) is { } peg ? text + " " + peg : text;
    }

    /// <summary>"Back pain has improved by 2 points over the last 5 days.", or why no trend is claimed.</summary>
    public static string Trend(IStringLocalizer<Wording> words, RegionTrend trend)
    {
        var name = Region(words, trend.Region == "back" ? PainRegion.Back : PainRegion.Hip);
        if (trend.Direction == TrendDirection.NotEnoughData)
        {
            return Format(words["Insight_TrendNotEnough"], name);
        }
        string span = trend.Days <= 1 ? words["Insight_SinceFirst"] : Format(words["Insight_OverDays"], trend.Days);
        return trend.Direction switch
        {
            TrendDirection.Better => Format(words["Insight_Improved"], name, -trend.Change, span),
            TrendDirection.Worse => Format(words["Insight_Worsened"], name, trend.Change, span),
            _ => Format(words["Insight_Steady"], name, span, PainInsights.MeaningfulChange),
        };
    }

    /// <summary>Whether the hip or the back tends to change first, or how many more check-ins it takes to say.</summary>
    public static string Lead(IStringLocalizer<Wording> words, LeadInsight lead) => lead.Pattern switch
    {
        LeadPattern.NotEnoughData => Format(words["Lead_NotEnough"], PainInsights.MinimumForLead, lead.CheckIns),
        LeadPattern.HipLeads => words["Lead_Hip"],
        LeadPattern.BackLeads => words["Lead_Back"],
        LeadPattern.Together => words["Lead_Together"],
        _ => words["Lead_NoPattern"],
    };

    /// <summary>
    /// The latest PEG score against the one before it: a change of 30 % or more is meaningful (Krebs et al. 2009);
    /// smaller changes are called normal variation. Null when no check-in has a PEG score.
    /// </summary>
    public static string? Peg(IStringLocalizer<Wording> words, IReadOnlyList<PegPoint> series)
    {
        if (series.Count == 0)
        {
            return null;
        }
        var latest = series[^1];
        if (series.Count == 1)
        {
            return Format(words["Peg_Only"], latest.Score.Display);
        }
        var earlier = series[^2].Score.Display;
        return latest.Change switch
        {
            null => Format(words["Peg_From"], latest.Score.Display, earlier),
            { Meaningful: true } change => Format(words["Peg_Meaningful"], latest.Score.Display, Change(words, change), earlier),
            { } change => Format(words["Peg_Small"], latest.Score.Display, Change(words, change), earlier),
        };
    }

    /// <summary>"down 33 %", "up 36 %" (a no-break space before the %) or "no change", from the change's whole percent.</summary>
    public static string Change(IStringLocalizer<Wording> words, PegChange change) => change.WholePercent == 0
        ? words["Peg_NoChange"]
        : Format(change.Better ? words["Peg_Down"] : words["Peg_Up"], change.WholePercent);

    /// <summary>A resx sentence with its numbers and words in place, in the edition's culture (shared with <see cref="TrainingWording"/>).</summary>
    internal static string Format(string format, params object[] values) => string.Format(CultureInfo.CurrentCulture, format, values);
}
