using System.Globalization;
using RunBack.Core.History;
using RunBack.Core.Questionnaire;
using RunBack.Data;

namespace RunBack.Web.Features.CheckIns;

/// <summary>The stored history columns of a check-in as Core's <see cref="HistoryFacts"/>, and the other way at save time.</summary>
public static class CheckInFacts
{
    public static HistoryFacts Facts(this CheckIn c) =>
        new(c.DistanceWeek1, c.DistanceWeek2, c.DistanceWeek3, c.DistanceWeek4, c.DistanceUnit, c.ShoeDistance, c.PegTotal);

    /// <summary>Writes the facts into the check-in's columns (the save path).</summary>
    public static CheckIn With(this CheckIn c, HistoryFacts facts)
    {
        (c.DistanceWeek1, c.DistanceWeek2, c.DistanceWeek3, c.DistanceWeek4) = (facts.Week1, facts.Week2, facts.Week3, facts.Week4);
        (c.DistanceUnit, c.ShoeDistance, c.PegTotal) = (facts.DistanceUnit, facts.ShoeDistance, facts.PegTotal);
        return c;
    }

    /// <summary>The check-in as Core's training log reads it: the stored columns, never the answers JSON.</summary>
    public static HistoryRow Row(this CheckIn c) =>
        new(c.Id, c.At(), c.CheckInDate, c.CreatedAt, c.BackPain, c.Helped.Split(' ', StringSplitOptions.RemoveEmptyEntries), c.Facts(),
            c.Kind == CheckInKinds.Full)
        { NewShoes = c.NewShoes };

    /// <summary>The training log of a history (Core's <see cref="TrainingHistory"/>); with no distance answer yet, the
    /// unit of the request's edition (miles where its country does not use the metric system).</summary>
    public static HistoryLog TrainingLogOf(this IEnumerable<CheckIn> all) =>
        TrainingHistory.Log(all.Select(Row), DistanceUnits.DefaultFor(CultureInfo.CurrentCulture) == DistanceUnits.Miles);
}
