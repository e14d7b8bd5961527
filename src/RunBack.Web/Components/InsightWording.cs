using System.Globalization;
using Microsoft.Extensions.Localization;
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

    private static string Format(string format, params object[] values) => string.Format(CultureInfo.CurrentCulture, format, values);
}
