using RunBack.Core.History;

namespace RunBack.Core.Tests.History;

public class PainWeeksTests
{
    private static readonly DateOnly Last = new(2026, 11, 23);

    /// <summary>A check-in every other day over two years, scores varying, a PEG score on every third.</summary>
    private static List<(DateOnly Day, PainPoint Point)> History()
    {
        var list = new List<(DateOnly, PainPoint)>();
        for (var i = 365; i >= 0; i--)
        {
            var day = Last.AddDays(-2 * i);
            var point = new PainPoint(new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero), i * 7 % 11, i * 3 % 11)
            {
                Peg = i % 3 == 0 ? new PegScore(i % 31) : null,
            };
            list.Add((day, point));
        }
        return list;
    }

    [Fact]
    public void Aggregate_EachWeekIsTheMeanOfItsOwnCheckIns()
    {
        var raw = History();

        var weeks = PainWeeks.Aggregate(raw);

        Assert.Equal(raw.Count, weeks.Sum(w => w.Count));
        Assert.Equal(Last, weeks[^1].WeekEnd);
        foreach (var week in weeks)
        {
            var inWeek = raw.Where(r => r.Day >= week.WeekStart && r.Day <= week.WeekEnd).ToList();
            Assert.Equal(inWeek.Count, week.Count);
            Assert.Equal(inWeek.Average(r => r.Point.Back), week.Back, 9);
            Assert.Equal(inWeek.Average(r => r.Point.Hip), week.Hip, 9);
            var pegs = inWeek.Where(r => r.Point.Peg is not null).Select(r => r.Point.Peg!.Value.Total).ToList();
            Assert.Equal(pegs.Count == 0 ? null : pegs.Average(), week.Peg?.Total);
        }
        // Weeks in order, never overlapping.
        Assert.All(weeks.Zip(weeks.Skip(1)), pair => Assert.True(pair.First.WeekEnd < pair.Second.WeekStart));
    }

    [Fact]
    public void ByWeek_OnlyBeyondAFewMonthsOrManyCheckIns()
    {
        var raw = History();
        var lastMonth = raw.Where(r => r.Day > Last.AddDays(-30)).ToList();

        Assert.False(PainWeeks.ByWeek(lastMonth));
        Assert.True(PainWeeks.ByWeek(raw.Where(r => r.Day >= PainWeeks.WindowStart(Last)).ToList()));
        Assert.True(PainWeeks.ByWeek([.. Enumerable.Range(0, PainWeeks.MostRawPoints + 1).Select(_ => lastMonth[0])]));
    }
}
