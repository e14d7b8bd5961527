using System.Globalization;
using RunBack.Core.Questionnaire;

namespace RunBack.Core.Tests;

/// <summary>Dates and the starting distance unit follow the culture, with no edition named in code.</summary>
public class DateWordsTests
{
    private static T In<T>(string culture, Func<T> read)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData("en-GB", "5 December 2026", "5 Dec 2026, 14:05", "5 Dec")]
    [InlineData("en-US", "December 5, 2026", "Dec 5, 2026, 2:05 PM", "Dec 5")]
    public void Dates_FollowTheCulture(string culture, string full, string briefWithTime, string dayMonth)
    {
        var at = new DateTimeOffset(2026, 12, 5, 14, 5, 0, TimeSpan.Zero);

        Assert.Equal(full, In(culture, () => DateWords.Full(new DateOnly(2026, 12, 5))));
        Assert.Equal(briefWithTime, In(culture, () => DateWords.ShortWithTime(at)).Replace('\u202f', ' '));
        Assert.Equal(dayMonth, In(culture, () => DateWords.DayMonth(at)));
    }

    [Theory]
    [InlineData("en-GB", "km")]
    [InlineData("en-US", "miles")]
    [InlineData("en", "km")]
    [InlineData("fr-FR", "km")]
    public void StartingUnit_FollowsTheCountry_FirstAskAndCached(string culture, string unit)
    {
        Assert.Equal(unit, DistanceUnits.DefaultFor(CultureInfo.GetCultureInfo(culture)));
        Assert.Equal(unit, DistanceUnits.DefaultFor(new CultureInfo(culture))); // the same answer from the cache, for another instance
    }

    [Fact]
    public void StartingUnit_NeverReplacesTheRunnersOwnChoice()
    {
        var questionnaire = AnswersBuilder.Release.Questionnaire;
        var us = CultureInfo.GetCultureInfo("en-US");

        Assert.Equal("miles", DistanceUnits.WithDefaultUnit(AnswerSet.Empty, questionnaire, us).Get("distance_unit").Text);
        var chosen = AnswerSet.Empty.Set("distance_unit", AnswerValue.Of("km"));
        Assert.Equal("km", DistanceUnits.WithDefaultUnit(chosen, questionnaire, us).Get("distance_unit").Text);
    }
}
