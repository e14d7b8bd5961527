using RunBack.Core.Rules;

namespace RunBack.Core.Tests.Rules;

public class TrainingLoadTests
{
    [Fact]
    public void LargestWeeklyChange_ZeroWeekBetween_ComparesWithTheLastRunningWeek()
    {
        var change = TrainingLoad.LargestWeeklyChange([10, 0, 40]);

        Assert.Equal(new WeekComparison(10, 40, 300), change);
    }

    [Fact]
    public void LargestWeeklyChange_MissingWeekBetween_KeepsTheChain()
    {
        Assert.Equal(new WeekComparison(20, 25, 25), TrainingLoad.LargestWeeklyChange([20, null, 25]));
    }

    [Fact]
    public void LargestWeeklyChange_OnlyFalls_ReportsTheSmallestFallNotARise()
    {
        var change = TrainingLoad.LargestWeeklyChange([40, 30, 27]);

        Assert.Equal(new WeekComparison(30, 27, -10), change);
    }

    [Fact]
    public void LargestWeeklyChange_NewStart_NothingToCompare()
    {
        Assert.Null(TrainingLoad.LargestWeeklyChange([null, 0, 30]));
        Assert.True(TrainingLoad.IsNewStart([null, 0, 30]));
        Assert.True(TrainingLoad.IsNewStart([0, 0, 0, 12]));
        Assert.False(TrainingLoad.IsNewStart([20, 0, 30]));
        Assert.False(TrainingLoad.IsNewStart([0, 0, 0]));
        Assert.Null(TrainingLoad.IsNewStart([null, null, 30]));
    }

    [Theory]
    [InlineData(100, 110.1, 10.1)]
    [InlineData(30, 36, 20)]
    [InlineData(100, 110.04, 10)]
    public void Percent_RoundsToOneDecimal(double from, double to, double expected)
    {
        Assert.Equal(expected, TrainingLoad.Percent(from, to));
    }

    [Fact]
    public void AgainstAverage_CreepOverSeveralWeeks_ComparesWithTheAverageBefore()
    {
        // 30 km three weeks ago, two weeks off, back to 33 km: a 10 % rise on the last running week, but 230 %
        // above what the body has been used to over the three weeks before.
        var weeks = new double?[] { 30, 0, 0, 33 };

        Assert.Equal(10, TrainingLoad.LargestWeeklyChange(weeks)!.Value.Percent);
        Assert.Equal(new AverageComparison(33, 10, 3, 230), TrainingLoad.AgainstAverage(weeks));
    }

    [Fact]
    public void AgainstAverage_NeedsTwoEarlierWeeks_AndNoneWhenTheAverageIsZero()
    {
        Assert.Null(TrainingLoad.AgainstAverage([null, null, 30, 33]));
        Assert.Null(TrainingLoad.AgainstAverage([0, 0, 30]));
        Assert.Equal(new AverageComparison(20, 20, 2, 0), TrainingLoad.AgainstAverage([null, 20, 20, 20]));
    }
}
