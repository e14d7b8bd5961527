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
    public void Weekly_OverlappingWeeks_TheLaterOneWins_NotTheSum()
    {
        // Monday 23 November reports 23 km for 17–23 November; Tuesday's quick check-in 12 km for 18–24 November, which
        // overlaps it; the week before Monday's (10–16 November) stays.
        List<DistanceReport> reports = [new(new DateOnly(2026, 11, 23), 30, Noon), new(new DateOnly(2026, 11, 24), 12, Noon.AddDays(1)), new(new DateOnly(2026, 11, 16), 20, Noon)];

        var weekly = TrainingLog.Weekly(reports);

        Assert.Equal([(new DateOnly(2026, 11, 10), 20.0), (new DateOnly(2026, 11, 18), 12.0)], weekly.Select(w => (w.WeekStart, w.Km)));
    }

    [Fact]
    public void Weekly_SameWeekReportedTwice_LatestSavedWins()
    {
        List<DistanceReport> reports = [new(new DateOnly(2026, 11, 23), 30, Noon), new(new DateOnly(2026, 11, 23), 28, Noon.AddHours(3))];

        Assert.Equal(28.0, Assert.Single(TrainingLog.Weekly(reports)).Km);
    }

    /// <summary>
    /// Issue 26 item 1: on Monday 7 December the 36 km entered for "last week" was filed as "week starting 7 Dec", a week
    /// running into the future. The week is the 7 days the question means, ending on the check-in's day, never later.
    /// </summary>
    [Theory]
    [InlineData(2026, 12, 7, "1 Dec – 7 Dec 2026")] // Monday
    [InlineData(2026, 12, 9, "3 Dec – 9 Dec 2026")] // Wednesday
    [InlineData(2026, 12, 13, "7 Dec – 13 Dec 2026")] // Sunday
    [InlineData(2027, 1, 2, "27 Dec 2026 – 2 Jan 2027")] // across the new year
    public void Week_IsTheSevenDaysUpToTheCheckIn_LabelledByItsOwnDates_NeverLater(int year, int month, int day, string label)
    {
        var checkIn = new DateOnly(year, month, day);
        var week = Assert.Single(TrainingLog.Weekly(TrainingLog.Reports(Weeks("km", 36), checkIn, Noon)));

        Assert.Equal(checkIn, week.WeekEnd);
        Assert.Equal(checkIn.AddDays(-6), week.WeekStart);
        Assert.Equal(label, DateWords.Span(week.WeekStart, week.WeekEnd));
        var training = TrainingInsightsAnalysis.Analyse([], [week], 10, Quick);
        Assert.Equal((1, week), (training.WeeksLogged, training.Latest));
    }

    [Fact]
    public void Week_UsEdition_MonthFirst()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");

        Assert.Equal("Dec 1 – Dec 7, 2026", DateWords.Span(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 7)));
    }

    [Fact]
    public void EarlierWeeks_WeeksThatLineUpWhereReported_ElseTheNearestEarlierForLastWeek()
    {
        List<DistanceReport> reports = [.. TrainingLog.Reports(Weeks("km", 30, 25), new DateOnly(2026, 11, 2), Noon)];

        var earlier = TrainingLog.EarlierWeeks(reports, new DateOnly(2026, 11, 23), miles: false);

        // Three weeks before 23 November is the self-check's own week; last week was not reported: the nearest earlier stands in.
        Assert.Equal([30.0, null, 30.0], earlier);
        Assert.Equal([30.0, 25.0, null], TrainingLog.EarlierWeeks(reports, new DateOnly(2026, 11, 9), miles: false));
        // A Wednesday check-in after a Monday self-check: the Monday's week ended 9 days before, within 3 days of "a week back".
        Assert.Equal([30.0, 25.0, null], TrainingLog.EarlierWeeks(reports, new DateOnly(2026, 11, 11), miles: false));
    }

    private static TrainingEntry Entry(int day, int back, params string[] helped) =>
        new(Noon.AddDays(day), DateOnly.FromDateTime(Noon.AddDays(day).Date), back, helped);

    [Fact]
    public void Insights_SayNothingBelowThreeOfEach()
    {
        List<TrainingEntry> few = [Entry(0, 4, "ice"), Entry(1, 3, "ice"), Entry(2, 2)];
        var insights = TrainingInsightsAnalysis.Analyse(few, [], 10, Quick);

        Assert.Equal((false, 0.0, 0.0), (insights.AfterRises.Enough, insights.AfterRises.AfterAverage, insights.AfterRises.OtherAverage));
        Assert.Empty(insights.Helped);

        List<TrainingEntry> enough = [Entry(0, 6), Entry(1, 4, "ice"), Entry(2, 3, "ice"), Entry(3, 2, "ice")];
        var helped = TrainingInsightsAnalysis.Helped(enough, Quick).Single();
        Assert.Equal(("Ice", 3, PainComparison.Lower), (helped.Label, helped.Times, helped.Comparison));
        Assert.Equal(-4 / 3.0, helped.AverageChange, 9);
    }

    /// <summary>
    /// Issue 26 item 2: "what helped since the last check-in" was compared with the NEXT check-in, so after 7 check-ins in
    /// which back pain fell from 6 to 3 with stretches logged each time, it said stretches left the pain "about the
    /// same". The answer is about the time since the check-in before: that is the change it is compared with.
    /// </summary>
    [Fact]
    public void Helped_ComparesTheCheckInThatReportsItWithTheOneBefore()
    {
        // Pain 6, 5, 5, 4, 4, 3, 3: stretches logged on the check-ins where it fell (2nd, 4th, 6th), nothing on the others.
        List<TrainingEntry> history =
        [
            Entry(0, 6), Entry(7, 5, "stretches"), Entry(14, 5), Entry(21, 4, "stretches"), Entry(28, 4), Entry(35, 3, "stretches"), Entry(42, 3),
        ];

        var helped = TrainingInsightsAnalysis.Helped(history, Quick).Single();

        Assert.Equal((3, -1.0, PainComparison.Lower), (helped.Times, helped.AverageChange, helped.Comparison));
    }

    [Fact]
    public void AfterRises_ComparesTheWeekAfterARiseWithOtherWeeks()
    {
        // 20 km, then 30 km (+50 %) in 9–15 November: 16–22 November is "after a rise".
        List<WeekDistance> weeks = [new(new DateOnly(2026, 11, 2), 20), new(new DateOnly(2026, 11, 9), 30)];
        var monday16 = new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);
        List<TrainingEntry> entries =
        [
            .. Enumerable.Range(0, 3).Select(i => new TrainingEntry(monday16.AddDays(i), new DateOnly(2026, 11, 16 + i), 6, [])),
            .. Enumerable.Range(0, 3).Select(i => new TrainingEntry(monday16.AddDays(-10 + i), new DateOnly(2026, 11, 6 + i), 2, [])),
        ];

        var rise = TrainingInsightsAnalysis.AfterRises(entries, weeks, 10);

        Assert.Equal(new RiseComparison(10, After: 3, Other: 3, AfterAverage: 6, OtherAverage: 2), rise);
        Assert.Equal((true, PainComparison.Higher), (rise.Enough, rise.Comparison));
    }

    // The summary line of one day's check-ins ("7 check-ins on 23 November 2026.") is worded at the web edge:
    // RunBack.Web.Tests InsightWordingTests.Summary_OneDay_ReadsNaturally.
}
