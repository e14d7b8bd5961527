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

    private static T In<T>(string culture, Func<T> read)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

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
}
