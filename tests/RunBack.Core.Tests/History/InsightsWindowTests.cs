using RunBack.Core.History;

namespace RunBack.Core.Tests.History;

/// <summary>
/// The history page reads a window of latest check-ins (issue 28): with the whole history inside the window the insights
/// are word for word those of the whole history; with a longer one the summary still counts the whole history and the
/// 2–3 week rule still finds its starting point before the window.
/// </summary>
public class InsightsWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static List<PainPoint> RandomHistory(int seed)
    {
        var random = new Random(seed);
        var at = Start;
        var points = new List<PainPoint>();
        for (var i = random.Next(0, 40); i > 0; i--)
        {
            at = at.AddHours(random.Next(6, 24 * 9));
            points.Add(new PainPoint(at, random.Next(0, 11), random.Next(0, 11)) { Peg = random.Next(3) == 0 ? null : new PegScore(random.Next(0, 101) / 10.0) });
        }
        return points;
    }

    [Fact]
    public void WholeHistoryInTheWindow_SameInsightsWordForWord()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var points = RandomHistory(seed);
            var now = (points.Count == 0 ? Start : points[^1].At).AddDays(seed % 20);
            var whole = PainInsights.Analyse(points, now);
            var span = points.Count == 0 ? null : new HistorySpan(points.Count, points[0].At);

            var windowed = PainInsights.Analyse(points, now, span);

            // Every fact the history page words (its summary line, trends, lead, the 2–3 week rule, the PEG line).
            Assert.Equal((whole.Count, whole.First, whole.Latest), (windowed.Count, windowed.First, windowed.Latest));
            Assert.Equal((whole.Back, whole.Hip), (windowed.Back, windowed.Hip));
            Assert.Equal(whole.Lead, windowed.Lead);
            Assert.Equal(whole.PainDays, windowed.PainDays);
            Assert.Equal(whole.Peg, windowed.Peg);
        }
    }

    [Fact]
    public void WindowOfALongHistory_SummaryCountsTheWhole_RuleStartsBeforeTheWindow()
    {
        var latest = Start.AddYears(3);
        // The window: five check-ins over the last four days, back pain 5 throughout.
        var window = Enumerable.Range(0, 5).Select(i => new PainPoint(latest.AddDays(i - 4), 5, 1)).ToList();
        var before = new PainPoint(latest.AddDays(-30), 5, 1);

        var alone = PainInsights.Analyse(window, latest.AddHours(1), new HistorySpan(900, Start));
        var withBefore = PainInsights.Analyse(window, latest.AddHours(1), new HistorySpan(900, Start) { Before = before });

        Assert.Equal((900, Start), (withBefore.Count, withBefore.First));
        Assert.Null(alone.PainDays);
        Assert.Equal(30, withBefore.PainDays);
        // The lead pattern reads the window only: five check-ins are too few, and it says so of the window.
        Assert.Equal(LeadPattern.NotEnoughData, withBefore.Lead.Pattern);
    }
}
