using System.Globalization;
using RunBack.Core.History;

namespace RunBack.Core.Tests.History;

/// <summary>Issue 26 item 14: the shoes' distance counts itself from the weeks reported after the runner gave it.</summary>
public sealed class ShoeCounterTests : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private static readonly DateOnly Given = new(2026, 11, 2);
    private int _saves;

    public ShoeCounterTests() => CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-GB");

    public void Dispose() => CultureInfo.CurrentCulture = _culture;

    private HistoryRow Row(DateOnly day, double? week1, double? week2 = null, double? shoe = null, bool full = false,
        bool newShoes = false, string unit = "km")
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        // Each save one second after the last: a week reported twice is resolved by save time.
        var saved = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(++_saves);
        return new HistoryRow(Guid.NewGuid(), at, day, saved, 3, [], new HistoryFacts(week1, week2, null, null, unit, shoe, null), full)
        {
            NewShoes = newShoes,
        };
    }

    private List<HistoryRow> KnownHistory() =>
    [
        // Given: 320 km on 2 Nov; that self-check's own weeks are in the 320 already.
        Row(Given, 40, 38, shoe: 320, full: true),
        // A week later: 30 km (the week before, carried from the log, ends on the day given: not counted again).
        Row(Given.AddDays(7), 30, 40, shoe: 320),
        // The week to 16 Nov reported twice: 35 km, then corrected to 45 km (the later report wins, counted once).
        Row(Given.AddDays(14), 35, 30, shoe: 350),
        Row(Given.AddDays(14), 45, 30, shoe: 350),
        Row(Given.AddDays(21), 50, 45, shoe: 395),
    ];

    [Fact]
    public void Weeks_after_the_given_distance_add_to_it_once_each()
    {
        var count = ShoeCounter.Count(KnownHistory());

        Assert.NotNull(count);
        Assert.Equal(320 + 30 + 45 + 50, count.Km, 6);
        Assert.Equal(320, count.GivenKm, 6);
        Assert.Equal(Given, count.GivenOn);
        Assert.Equal(445, count.In(miles: false));
    }

    [Fact]
    public void Miles_are_shown_in_miles_and_counted_in_km()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
        var rows = new List<HistoryRow>
        {
            Row(Given, 20, shoe: 300, full: true, unit: "miles"),
            Row(Given.AddDays(7), 25, shoe: 300, unit: "miles"),
            Row(Given.AddDays(14), 30, shoe: 325, unit: "miles"),
        };

        var count = ShoeCounter.Count(rows)!;

        Assert.Equal(355 * TrainingLog.KmPerMile, count.Km, 6);
        Assert.Equal(355, count.In(miles: true));
        Assert.Equal((300 * TrainingLog.KmPerMile, Given, true), (count.GivenKm, count.GivenOn, count.GivenInMiles));
    }

    [Fact]
    public void New_shoes_start_the_count_again()
    {
        var rows = KnownHistory();
        rows.Add(Row(Given.AddDays(28), 20, 50, shoe: 0, newShoes: true));
        rows.Add(Row(Given.AddDays(35), 25, 20, shoe: 20));

        var count = ShoeCounter.Count(rows)!;

        Assert.Equal(25, count.Km, 6);
        Assert.Equal(Given.AddDays(28), count.GivenOn);
    }

    [Fact]
    public void A_week_that_began_before_the_day_given_counts_only_its_days_after_it()
    {
        var count = ShoeCounter.Count([Row(Given, 40, shoe: 320, full: true), Row(Given.AddDays(3), 21, shoe: 320)])!;

        Assert.Equal(320 + 9, count.Km, 6);
    }

    [Fact]
    public void A_quick_check_in_carrying_the_shoe_answer_does_not_start_the_count_and_no_answer_counts_nothing()
    {
        Assert.Null(ShoeCounter.Count([Row(Given, 40), Row(Given.AddDays(7), 30, shoe: 500)]));

        var count = ShoeCounter.Count([Row(Given, 40, shoe: 320, full: true), Row(Given.AddDays(7), 30, shoe: 999)])!;
        Assert.Equal(350, count.Km, 6);
    }
}
