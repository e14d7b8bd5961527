using RunBack.Core.History;

namespace RunBack.Core.Tests.History;

public class WelcomeBackTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static WelcomePoint On(int daysAgo, int back, int hip) =>
        new(Today.AddDays(-daysAgo), new DateTimeOffset(Today.AddDays(-daysAgo).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero), back, hip);

    [Fact]
    public void From_NoCheckIn_IsNull() => Assert.Null(WelcomeBack.From([], Today));

    [Fact]
    public void From_CheckInsOverFourWeeks_LastPainDaysSinceAndTrendFirstAgainstLastInTheWindow()
    {
        // The 40-day-old check-in is outside the 4 weeks: the back trend runs from 6 (27 days ago) to 3 (3 days ago).
        var welcome = WelcomeBack.From([On(3, 3, 5), On(40, 9, 1), On(27, 6, 4), On(10, 5, 5)], Today)!;

        Assert.Equal(Today.AddDays(-3), welcome.Last.Date);
        Assert.Equal((3, 5), (welcome.Last.Back, welcome.Last.Hip));
        Assert.Equal(3, welcome.DaysSince);
        Assert.Equal(new WelcomeTrend(PainRegion.Back, TrendDirection.Better, 3, 6, 3), welcome.Back);
        Assert.Equal(new WelcomeTrend(PainRegion.Hip, TrendDirection.Steady, 3, 4, 5), welcome.Hip); // 4 to 5: under 2 points
    }

    [Fact]
    public void From_HipUpByTwo_Worse()
    {
        var welcome = WelcomeBack.From([On(20, 4, 2), On(0, 4, 4)], Today)!;

        Assert.Equal(TrendDirection.Worse, welcome.Hip.Direction);
        Assert.Equal(0, welcome.DaysSince);
    }

    [Theory]
    [InlineData(30, 0)]
    [InlineData(1, 1)]
    public void From_TooFewCheckInsInFourWeeks_NoTrendClaimed(int lastDaysAgo, int inWindow)
    {
        var welcome = WelcomeBack.From([On(50, 7, 7), On(lastDaysAgo, 2, 2)], Today)!;

        Assert.Equal(lastDaysAgo, welcome.DaysSince);
        Assert.Equal(TrendDirection.NotEnoughData, welcome.Back.Direction);
        Assert.Equal(inWindow, welcome.Back.CheckIns);
    }
}
