using RunBack.Core.History;
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
}
