using RunBack.Core.History;

namespace RunBack.Core.Tests.History;

public class PainInsightsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>One check-in a day from <see cref="Start"/>, back and hip scores in order.</summary>
    private static List<PainPoint> Daily(int[] back, int[] hip) =>
        [.. back.Zip(hip, (b, h) => (b, h)).Select((p, i) => new PainPoint(Start.AddDays(i), p.b, p.h))];

    private static DateTimeOffset After(List<PainPoint> points) => points[^1].At.AddHours(1);

    [Fact]
    public void HipRisesACheckInBeforeBack_HipLeads()
    {
        var points = Daily(back: [2, 2, 5, 3, 3, 6, 2, 2, 6], hip: [2, 5, 3, 3, 6, 2, 2, 6, 3]);

        var lead = PainInsights.Lead(points);

        Assert.Equal(new LeadInsight(LeadPattern.HipLeads, 9), lead);
    }

    [Fact]
    public void BackRisesBeforeHip_BackLeads()
    {
        var points = Daily(back: [2, 5, 3, 3, 6, 2, 2, 6, 3], hip: [2, 2, 5, 3, 3, 6, 2, 2, 6]);

        Assert.Equal(LeadPattern.BackLeads, PainInsights.Lead(points).Pattern);
    }

    [Fact]
    public void RiseAndEaseTogether_Together()
    {
        var points = Daily(back: [2, 5, 3, 6, 2, 5, 3, 6], hip: [1, 4, 2, 5, 1, 4, 2, 5]);

        Assert.Equal(LeadPattern.Together, PainInsights.Lead(points).Pattern);
    }

    [Fact]
    public void TooFewCheckIns_SaysHowManyAreNeeded()
    {
        var points = Daily(back: [2, 5, 3, 6, 2], hip: [1, 4, 2, 5, 1]);

        var lead = PainInsights.Lead(points);

        Assert.Equal(LeadPattern.NotEnoughData, lead.Pattern);
        Assert.Equal(6, PainInsights.MinimumForLead);
        Assert.Equal(5, lead.CheckIns);
    }

    [Fact]
    public void FlatScores_NoClearPattern()
    {
        var points = Daily(back: [3, 3, 3, 3, 3, 3, 3], hip: [2, 2, 2, 2, 2, 2, 2]);

        Assert.Equal(LeadPattern.NoClearPattern, PainInsights.Lead(points).Pattern);
    }

    [Theory]
    [InlineData(6, 4, TrendDirection.Better, -2)]
    [InlineData(6, 5, TrendDirection.Steady, -1)]
    [InlineData(4, 5, TrendDirection.Steady, 1)]
    [InlineData(3, 7, TrendDirection.Worse, 4)]
    public void Trend_OnlyTwoPointsOrMoreCount(int first, int last, TrendDirection expected, int change)
    {
        var points = Daily(back: [first, 5, last], hip: [0, 0, 0]);

        var trend = PainInsights.Trend("back", points, After(points), p => p.Back);

        Assert.Equal(expected, trend.Direction);
        Assert.Equal(change, trend.Change);
    }

    [Fact]
    public void Trend_IgnoresCheckInsOlderThanTwoWeeks()
    {
        var points = Daily(back: [9, 4, 4], hip: [0, 0, 0]);
        points[0] = points[0] with { At = points[1].At.AddDays(-30) };

        var trend = PainInsights.Trend("back", points, After(points), p => p.Back);

        Assert.Equal(TrendDirection.Steady, trend.Direction);
    }

    [Fact]
    public void Trend_OneCheckIn_NotEnoughData()
    {
        var points = Daily(back: [4], hip: [1]);

        Assert.Equal(TrendDirection.NotEnoughData, PainInsights.Trend("hip", points, After(points), p => p.Hip).Direction);
    }

    [Fact]
    public void PainForThreeWeeksWithoutImprovement_PromptsAProfessional()
    {
        var points = Daily(back: Enumerable.Repeat(5, 22).ToArray(), hip: new int[22]);

        Assert.Equal(14, PainInsights.PersistentPainDays(points));
    }

    [Fact]
    public void PainImprovingOverThreeWeeks_NoPrompt()
    {
        var back = Enumerable.Range(0, 22).Select(i => 7 - (i / 4)).ToArray();

        Assert.Null(PainInsights.PersistentPainDays(Daily(back, new int[22])));
    }

    [Fact]
    public void UnderTwoWeeksOfCheckIns_NoPrompt() =>
        Assert.Null(PainInsights.PersistentPainDays(Daily(Enumerable.Repeat(6, 10).ToArray(), new int[10])));

    [Fact]
    public void Analyse_CountsFirstAndLatest()
    {
        var points = Daily(back: [6, 4], hip: [3, 1]);

        var insights = PainInsights.Analyse(points, After(points));

        Assert.Equal((2, Start, points[1]), (insights.Count, insights.First, insights.Latest));
        Assert.Equal(TrendDirection.Better, insights.Back.Direction);
    }
}
