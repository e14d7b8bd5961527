using System.Globalization;
using RunBack.Core.History;
using RunBack.Web.Components;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Components;

/// <summary>
/// Core says the history's facts; the web edge says them in words (Resources/Wording*.resx). These are the sentences
/// Core used to build, unchanged, with the same no-break spaces, in both editions.
/// </summary>
public sealed class InsightWordingTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static WelcomePoint On(int daysAgo, int back, int hip) =>
        new(Today.AddDays(-daysAgo), new DateTimeOffset(Today.AddDays(-daysAgo).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero), back, hip);

    private static T In<T>(string culture, Func<T> read) => TestWording.In(culture, read);

    [Theory]
    [InlineData("en-GB")]
    [InlineData("en-US")]
    public void Welcome_TrendsAndDaysSince_InTheOldWords(string culture)
    {
        var words = TestWording.Localizer;
        var welcome = WelcomeBack.From([On(3, 3, 5), On(40, 9, 1), On(27, 6, 4), On(10, 5, 5)], Today)!;
        var worse = WelcomeBack.From([On(20, 4, 2), On(0, 4, 4)], Today)!;

        Assert.Equal("3\u00A0days ago", In(culture, () => InsightWording.DaysSince(words, welcome.DaysSince)));
        Assert.Equal("today", In(culture, () => InsightWording.DaysSince(words, 0)));
        Assert.Equal("yesterday", In(culture, () => InsightWording.DaysSince(words, 1)));
        Assert.Equal("Back pain is better: from 6 to 3 out of 10 over the last 4\u00A0weeks.", In(culture, () => InsightWording.Welcome(words, welcome.Back)));
        Assert.Equal("Hip pain is about the same: from 4 to 5 out of 10 over the last 4\u00A0weeks.", In(culture, () => InsightWording.Welcome(words, welcome.Hip)));
        Assert.Equal("Hip pain is worse: from 2 to 4 out of 10 over the last 4\u00A0weeks.", In(culture, () => InsightWording.Welcome(words, worse.Hip)));
    }

    [Theory]
    [InlineData(30, "Back pain: no check-in in the last 4\u00A0weeks, not enough to see a trend.")]
    [InlineData(1, "Back pain: one check-in in the last 4\u00A0weeks, not enough to see a trend.")]
    public void Welcome_TooFewCheckIns_SaysWhyNoTrend(int lastDaysAgo, string expected)
    {
        var welcome = WelcomeBack.From([On(50, 7, 7), On(lastDaysAgo, 2, 2)], Today)!;

        Assert.Equal(expected, In("en-GB", () => InsightWording.Welcome(TestWording.Localizer, welcome.Back)));
    }

    private static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>One check-in a day from <see cref="Start"/>, back and hip scores in order.</summary>
    private static List<PainPoint> Daily(int[] back, int[] hip) =>
        [.. back.Zip(hip, (b, h) => (b, h)).Select((p, i) => new PainPoint(Start.AddDays(i), p.b, p.h))];

    [Theory]
    [InlineData("en-GB")]
    [InlineData("en-US")]
    public void Lead_InTheOldWords(string culture)
    {
        var hipLeads = PainInsights.Lead(Daily(back: [2, 2, 5, 3, 3, 6, 2, 2, 6], hip: [2, 5, 3, 3, 6, 2, 2, 6, 3]));
        var tooFew = PainInsights.Lead(Daily(back: [2, 5, 3, 6, 2], hip: [1, 4, 2, 5, 1]));

        Assert.Contains("hip pain tends to rise a check-in before your back pain", In(culture, () => InsightWording.Lead(TestWording.Localizer, hipLeads)), StringComparison.Ordinal);
        Assert.Equal("Save at least 6 check-ins to see whether your hip or your back tends to change first (you have 5).",
            In(culture, () => InsightWording.Lead(TestWording.Localizer, tooFew)));
    }

    [Fact]
    public void Summary_CountsLatestScoresAndTrends()
    {
        var points = Daily(back: [6, 4], hip: [3, 1]);

        var summary = In("en-GB", () => InsightWording.Summary(TestWording.Localizer, PainInsights.Analyse(points, points[^1].At.AddHours(1))));

        Assert.Equal("2 check-ins from 1 November 2026 to 2 November 2026. Latest: back 4 out of 10, hip 1 out of 10. "
            + "Back pain has improved by 2 points since your first check-in in this period. Hip pain has improved by 2 points since your first check-in in this period.", summary);
        Assert.StartsWith("2 check-ins from November 1, 2026 to November 2, 2026.",
            In("en-US", () => InsightWording.Summary(TestWording.Localizer, PainInsights.Analyse(points, points[^1].At.AddHours(1)))), StringComparison.Ordinal);
        Assert.Equal("No check-ins saved yet.", In("en-GB", () => InsightWording.Summary(TestWording.Localizer, PainInsights.Analyse([], Start))));
    }

    [Fact]
    public void Summary_OneDay_ReadsNaturally()
    {
        var noon = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        var points = Enumerable.Range(0, 7).Select(i => new PainPoint(noon.AddMinutes(i * 30), 3, 1)).ToList();

        var summary = In("en-GB", () => InsightWording.Summary(TestWording.Localizer, PainInsights.Analyse(points, noon.AddHours(4))));

        Assert.StartsWith("7 check-ins on 23 November 2026.", summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 5, 5, 5, 5, 5, 5, 5 }, "Back pain is about the same over the last 6\u00A0days (changes under 2 points are normal day-to-day variation).")]
    [InlineData(new[] { 3, 3, 3, 3, 3, 3, 7 }, "Back pain has worsened by 4 points over the last 6\u00A0days.")]
    [InlineData(new[] { 4 }, "Back pain: at least two check-ins in the last two weeks are needed to see a trend.")]
    public void Trend_InTheOldWords(int[] back, string expected)
    {
        var points = Daily(back, new int[back.Length]);

        Assert.Equal(expected, In("en-GB", () => InsightWording.Trend(TestWording.Localizer, PainInsights.Trend("back", points, points[^1].At.AddHours(1), p => p.Back))));
    }

    [Fact]
    public void Peg_MeaningfulAndSmallChanges_InTheOldWords_AndInTheSummary()
    {
        PainPoint[] points =
        [
            new(Start, 5, 2) { Peg = PegScore.From(6, 6, 6) },
            new(Start.AddDays(3), 5, 2),
            new(Start.AddDays(7), 4, 2) { Peg = PegScore.From(4, 4, 4) },
        ];
        PainPoint[] small = [new(Start, 5, 2) { Peg = PegScore.From(4, 4, 4) }, new(Start.AddDays(7), 5, 2) { Peg = PegScore.From(4, 4, 3) }];
        var insights = PainInsights.Analyse(points, Start.AddDays(8));
        var without = PainInsights.Analyse([.. points.Select(p => p with { Peg = null })], Start.AddDays(8));

        var peg = In("en-GB", () => InsightWording.Peg(TestWording.Localizer, insights.Peg));

        Assert.Equal("PEG score: 4.0 out of 10, down 33\u00A0% from 6.0 at the check-in before: a meaningful change (30\u00A0% or more).", peg);
        Assert.EndsWith(" " + peg, In("en-GB", () => InsightWording.Summary(TestWording.Localizer, insights)), StringComparison.Ordinal);
        Assert.Null(InsightWording.Peg(TestWording.Localizer, without.Peg));
        Assert.DoesNotContain("PEG", In("en-GB", () => InsightWording.Summary(TestWording.Localizer, without)), StringComparison.Ordinal);
        Assert.Equal("PEG score: 3.7 out of 10, down 8\u00A0% from 4.0 at the check-in before (changes under 30\u00A0% are normal variation).",
            In("en-GB", () => InsightWording.Peg(TestWording.Localizer, PainInsights.Analyse(small, Start.AddDays(8)).Peg)));
    }

    [Theory]
    [InlineData("en-GB", "book a physiotherapist or doctor")]
    [InlineData("en-US", "book a physical therapist or doctor")]
    public void SeeProfessional_FromThePainDays(string culture, string expected)
    {
        var days = PainInsights.PersistentPainDays(Daily(back: Enumerable.Repeat(5, 22).ToArray(), hip: new int[22]));

        var text = In(culture, () => string.Format(CultureInfo.CurrentCulture, TestWording.Localizer["History_SeeProfessional"], days));

        Assert.Contains("pain over 14 days without a meaningful improvement", text, StringComparison.Ordinal);
        Assert.Contains(expected, text, StringComparison.Ordinal);
    }
}
