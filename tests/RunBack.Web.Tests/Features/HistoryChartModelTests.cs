using RunBack.Core.History;
using RunBack.Web.Features.History;

namespace RunBack.Web.Tests.Features;

/// <summary>The SVG chart's layout: a time axis, not a label per check-in; same-day points apart; distance bars per week.</summary>
public sealed class HistoryChartModelTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SevenCheckInsInOneDay_SevenPointsApart_FewDayLabels()
    {
        var points = Enumerable.Range(0, 7).Select(i => new PainPoint(Morning.AddMinutes(i), 5 - (i % 3), 1)).ToList();

        var chart = new HistoryChartModel(points, [], miles: false);

        Assert.Equal(7, chart.Back.Count);
        Assert.All(chart.Back.Zip(chart.Back.Skip(1)), p => Assert.True(p.Second.X - p.First.X >= HistoryChartModel.MinGap));
        Assert.InRange(chart.TimeTicks.Count, 1, 2);
        Assert.All(chart.Back, p => Assert.InRange(p.X, HistoryChartModel.Left, chart.Width - HistoryChartModel.Right));
    }

    [Fact]
    public void TimeAxis_IsProportionalToTime_AndWeeksAreBarsInTheRunnersUnit()
    {
        PainPoint[] points = [new(Morning, 4, 2), new(Morning.AddDays(1), 4, 2), new(Morning.AddDays(10), 4, 2)];
        WeekDistance[] weeks = [new(new DateOnly(2026, 11, 23), 16.09344), new(new DateOnly(2026, 11, 30), 32.18688)];

        var chart = new HistoryChartModel(points, weeks, miles: true, width: 400);

        var (first, second, third) = (chart.Back[0].X, chart.Back[1].X, chart.Back[2].X);
        Assert.Equal(10, (third - first) / (second - first), 1);
        Assert.EndsWith(": 10\u00A0miles", chart.Weeks[0].Label, StringComparison.Ordinal);
        Assert.EndsWith(": 20\u00A0miles", chart.Weeks[1].Label, StringComparison.Ordinal);
        Assert.True(chart.Weeks[1].Y < chart.Weeks[0].Y);
        Assert.Equal("miles", chart.Unit);
        Assert.InRange(chart.TimeTicks.Count, 2, 5);
    }
}
