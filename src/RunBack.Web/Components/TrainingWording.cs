using System.Globalization;
using Microsoft.Extensions.Localization;
using RunBack.Core;
using RunBack.Core.History;

namespace RunBack.Web.Components;

/// <summary>
/// The training facts from Core (the shoes' count, the training insights) in the edition's words, from
/// Resources/Wording*.resx; distances in the runner's unit, numbers joined to their units by no-break spaces.
/// </summary>
public static class TrainingWording
{
    /// <summary>"about 410 km (counted from your check-ins since you gave 320 km on 2 November 2026)".</summary>
    public static string Shoes(IStringLocalizer<Wording> words, ShoeCount count, bool miles) =>
        InsightWording.Format(words["Shoes_Count"], TrainingLog.Format(count.Km, miles, whole: true), TrainingLog.Format(count.GivenKm, miles), DateWords.Full(count.GivenOn));

    /// <summary>"Weekly distance logged for 3 weeks; the latest, 1 Dec – 7 Dec 2026: 36 km.", or that none is logged yet.</summary>
    public static string Summary(IStringLocalizer<Wording> words, TrainingInsights training, bool miles) => training.Latest is not { } latest
        ? words["Training_NoWeeks"]
        : InsightWording.Format(training.WeeksLogged == 1 ? words["Training_Week"] : words["Training_Weeks"], training.WeeksLogged,
            DateWords.Span(latest.WeekStart, latest.WeekEnd), TrainingLog.Format(latest.Km, miles));

    /// <summary>The insights that the summary does not say: pain after a rise in distance, then what helped, each with the caveat.</summary>
    public static IEnumerable<string> Insights(IStringLocalizer<Wording> words, TrainingInsights training)
    {
        yield return AfterRises(words, training.AfterRises);
        foreach (var helped in training.Helped)
        {
            yield return Helped(words, helped);
        }
        if (training.Helped.Count == 0)
        {
            yield return InsightWording.Format(words["Training_HelpedNotEnough"], TrainingInsightsAnalysis.Minimum);
        }
    }

    /// <summary>Back pain in the weeks after a rise in distance against other weeks, or how many check-ins it takes to say.</summary>
    public static string AfterRises(IStringLocalizer<Wording> words, RiseComparison rise)
    {
        var threshold = rise.ThresholdPercent.ToString("0", CultureInfo.CurrentCulture);
        if (!rise.Enough)
        {
            return InsightWording.Format(words["Training_RiseNotEnough"], TrainingInsightsAnalysis.Minimum, threshold, rise.After, rise.Other);
        }
        var comparison = rise.Comparison switch
        {
            PainComparison.AboutTheSame => words["Training_Same"],
            PainComparison.Higher => words["Training_Higher"],
            _ => words["Training_Lower"],
        };
        return InsightWording.Format(words["Training_Rise"], threshold, Points(rise.AfterAverage), comparison, Points(rise.OtherAverage), rise.After, rise.Other)
            + " " + words["Training_Caveat"];
    }

    /// <summary>"The 3 times you logged "Ice" as helping, your back pain was on average 1.3 points lower than at the check-in before." and the caveat.</summary>
    public static string Helped(IStringLocalizer<Wording> words, HelpedChange helped)
    {
        var points = Points(Math.Abs(helped.AverageChange));
        var byPoints = InsightWording.Format(points == "1" ? words["Training_Point"] : words["Training_Points"], points);
        var what = helped.Comparison switch
        {
            PainComparison.AboutTheSame => words["Training_Same"],
            PainComparison.Lower => InsightWording.Format(words["Training_OnAverageLower"], byPoints),
            _ => InsightWording.Format(words["Training_OnAverageHigher"], byPoints),
        };
        return InsightWording.Format(words["Training_Helped"], helped.Times, helped.Label, what) + " " + words["Training_Caveat"];
    }

    /// <summary>A pain score or change to one decimal where it has one: "6", "1.3".</summary>
    private static string Points(double value) => value.ToString("0.#", CultureInfo.CurrentCulture);

}
