using System.Globalization;
using RunBack.Core.CheckIns;
using RunBack.Core.Content;
using RunBack.Core.History;
using RunBack.Core.Questionnaire;

namespace RunBack.Core.Tests.History;

/// <summary>The weekly training log, the insights over it and the single-day summary.</summary>
public sealed class TrainingLogTests
{
    private static readonly QuickCheckInContent Quick = QuickCheckInContent.Load(RepoPaths.Content, ContentStore.Load(RepoPaths.Content).Current);
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public TrainingLogTests() => CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-GB");

    private static AnswerSet Weeks(string unit, params double[] weeks) => AnswerSet.From(
        weeks.Select((w, i) => new KeyValuePair<string, AnswerValue>(TrainingLog.WeekQuestionIds[i], AnswerValue.Of(w)))
            .Append(new("distance_unit", AnswerValue.Of(unit))));

    [Fact]
    public void Reports_AFullSelfCheckGivesFourWeeks_MilesInKm()
    {
        var reports = TrainingLog.Reports(Weeks("miles", 10, 20, 30, 40), new DateOnly(2026, 11, 23), Noon).ToList();

        Assert.Equal([new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 2)], reports.Select(r => r.WeekEnd));
        Assert.Equal(16.09344, reports[0].Km, 5);
    }

    [Fact]
    public void Weekly_LatestReportOfAWeekWins_NotTheSum()
    {
        List<DistanceReport> reports = [new(new DateOnly(2026, 11, 23), 30, Noon), new(new DateOnly(2026, 11, 24), 12, Noon.AddDays(1)), new(new DateOnly(2026, 11, 16), 20, Noon)];

        var weekly = TrainingLog.Weekly(reports);

        Assert.Equal([(new DateOnly(2026, 11, 16), 20.0), (new DateOnly(2026, 11, 23), 12.0)], weekly.Select(w => (w.WeekStart, w.Km)));
    }

    [Fact]
    public void EarlierWeeks_ExactWeeksWhereReported_ElseTheNearestEarlierForLastWeek()
    {
        List<DistanceReport> reports = [.. TrainingLog.Reports(Weeks("km", 30, 25), new DateOnly(2026, 11, 2), Noon)];

        var earlier = TrainingLog.EarlierWeeks(reports, new DateOnly(2026, 11, 23), miles: false);

        // Three weeks before 23 November is the self-check's own week; last week was not reported: the nearest earlier stands in.
        Assert.Equal([30.0, null, 30.0], earlier);
        Assert.Equal([30.0, 25.0, null], TrainingLog.EarlierWeeks(reports, new DateOnly(2026, 11, 9), miles: false));
    }

    private static TrainingEntry Entry(int day, int back, params string[] helped) =>
        new(Noon.AddDays(day), DateOnly.FromDateTime(Noon.AddDays(day).Date), back, helped);

    [Fact]
    public void Insights_SayNothingBelowThreeOfEach_AndAlwaysCarryTheCaveat()
    {
        List<TrainingEntry> few = [Entry(0, 4, "ice"), Entry(1, 3, "ice"), Entry(2, 2)];
        var insights = TrainingInsightsAnalysis.Analyse(few, [], 10, Quick, miles: false);

        Assert.All(insights.Insights, line => Assert.DoesNotContain("averaged", line, StringComparison.Ordinal));
        Assert.Contains(insights.Insights, line => line.Contains("at least 3", StringComparison.Ordinal));

        List<TrainingEntry> enough = [Entry(0, 6, "ice"), Entry(1, 4, "ice"), Entry(2, 3, "ice"), Entry(3, 2)];
        var helped = TrainingInsightsAnalysis.Helped(enough, Quick).Single();
        Assert.Contains("\"Ice\"", helped, StringComparison.Ordinal);
        Assert.Contains("1.3 points lower", helped, StringComparison.Ordinal);
        Assert.Contains("may be chance", helped, StringComparison.Ordinal);
    }

    [Fact]
    public void AfterRises_ComparesTheWeekAfterARiseWithOtherWeeks()
    {
        // 20 km, then 30 km (+50 %) in the week of 9 November: the week of 16 November is "after a rise".
        List<WeekDistance> weeks = [new(new DateOnly(2026, 11, 2), 20), new(new DateOnly(2026, 11, 9), 30)];
        var monday16 = new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);
        List<TrainingEntry> entries =
        [
            .. Enumerable.Range(0, 3).Select(i => new TrainingEntry(monday16.AddDays(i), new DateOnly(2026, 11, 16 + i), 6, [])),
            .. Enumerable.Range(0, 3).Select(i => new TrainingEntry(monday16.AddDays(-10 + i), new DateOnly(2026, 11, 6 + i), 2, [])),
        ];

        var text = TrainingInsightsAnalysis.AfterRises(entries, weeks, 10);

        Assert.Contains("averaged 6 out of 10, higher than the 2 of other weeks (3 against 3 check-ins)", text, StringComparison.Ordinal);
        Assert.Contains("may be chance", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_OneDay_ReadsNaturally()
    {
        var points = Enumerable.Range(0, 7).Select(i => new PainPoint(Noon.AddMinutes(i * 30), 3, 1)).ToList();

        var summary = PainInsights.Analyse(points, Noon.AddHours(4)).Summary;

        Assert.StartsWith("7 check-ins on 23 November 2026.", summary, StringComparison.Ordinal);
    }
}
