using RunBack.Core.History;
using RunBack.Web.Components;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Components;

/// <summary>
/// The history's training facts from Core (a PEG change, the shoes' count, the training insights) in the edition's words:
/// the sentences Core used to build, unchanged, with the same no-break spaces, in both editions.
/// </summary>
public sealed class HistoryWordingTests
{
    private static PegChange Change(int before, int after) =>
        PegScore.From(after, after, after)!.Value.ChangeFrom(PegScore.From(before, before, before)!.Value)!;

    [Theory]
    [InlineData("en-GB")]
    [InlineData("en-US")]
    public void PegChange_UpDownOrNoChange_InTheOldWords(string culture)
    {
        string Words(PegChange change) => TestWording.In(culture, () => InsightWording.Change(TestWording.Localizer, change));

        Assert.Equal("down 33\u00A0%", Words(Change(6, 4)));
        Assert.Equal("up 25\u00A0%", Words(Change(4, 5)));
        Assert.Equal("no change", Words(Change(5, 5)));
        Assert.Equal("down 8\u00A0%", Words(PegScore.From(4, 4, 3)!.Value.ChangeFrom(PegScore.From(4, 4, 4)!.Value)!));
        Assert.Equal("PEG: pain, enjoyment and general activity (Krebs et al. 2009)", TestWording.In(culture, () => TestWording.Localizer["Peg_Name"].Value));
    }

    [Theory]
    [InlineData("en-GB", "about 445\u00A0km (counted from your check-ins since you gave 320\u00A0km on 2 November 2026)")]
    [InlineData("en-US", "about 445\u00A0km (counted from your check-ins since you gave 320\u00A0km on November 2, 2026)")]
    public void Shoes_InKm_InTheOldWords(string culture, string expected) =>
        Assert.Equal(expected, TestWording.In(culture, () => TrainingWording.Shoes(TestWording.Localizer, new ShoeCount(445, 320, Given, GivenInMiles: false), miles: false)));

    [Fact]
    public void Shoes_InMiles_CountedInKm_InTheOldWords()
    {
        var count = new ShoeCount(355 * TrainingLog.KmPerMile, 300 * TrainingLog.KmPerMile, Given, GivenInMiles: true);

        Assert.Equal("about 355\u00A0miles (counted from your check-ins since you gave 300\u00A0miles on November 2, 2026)",
            TestWording.In("en-US", () => TrainingWording.Shoes(TestWording.Localizer, count, miles: true)));
    }

    private static readonly DateOnly Given = new(2026, 11, 2);

    private const string Caveat = " With this few check-ins it may be chance: treat it as something to watch, not proof.";

    [Theory]
    [InlineData("en-GB", "1 Dec – 7 Dec 2026")]
    [InlineData("en-US", "Dec 1 – Dec 7, 2026")]
    public void TrainingSummary_WeeksAndTheLatest_InTheOldWords(string culture, string span)
    {
        TrainingInsights Logged(int weeks) => new(weeks, new WeekDistance(new DateOnly(2026, 12, 1), 36), new RiseComparison(10, 0, 0, 0, 0), []);
        string Summary(TrainingInsights training, bool miles) => TestWording.In(culture, () => TrainingWording.Summary(TestWording.Localizer, training, miles));

        Assert.Equal($"Weekly distance logged for 3\u00A0weeks; the latest, {span}: 36\u00A0km.", Summary(Logged(3), miles: false));
        Assert.Equal($"Weekly distance logged for 1\u00A0week; the latest, {span}: 22.4\u00A0miles.", Summary(Logged(1), miles: true));
        Assert.Equal("No weekly distance logged yet.", Summary(new TrainingInsights(0, null, new RiseComparison(10, 0, 0, 0, 0), []), miles: false));
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("en-US")]
    public void TrainingInsights_TooFew_SayHowManyItTakes_InTheOldWords(string culture)
    {
        var training = new TrainingInsights(0, null, new RiseComparison(10, After: 1, Other: 4, 0, 0), []);

        Assert.Equal(
        [
            "Pain after a rise in distance: once at least 3 check-ins fall in the week after your weekly distance rose by more than 10\u00A0%, "
                + "and 3 in other weeks, this compares them (now 1 and 4).",
            "What helped: log the same thing as helping in at least 3 quick check-ins to see how your pain changed since the check-in before each.",
        ], TestWording.In(culture, () => TrainingWording.Insights(TestWording.Localizer, training).ToList()));
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("en-US")]
    public void TrainingInsights_Comparisons_WithTheCaveat_InTheOldWords(string culture)
    {
        HelpedChange[] helped = [new("Ice", 3, -4 / 3.0), new("Stretches", 4, 1), new("Rest", 5, 0.5)];
        var training = new TrainingInsights(2, null, new RiseComparison(10, After: 3, Other: 4, AfterAverage: 6, OtherAverage: 2.25), helped);

        Assert.Equal(
        [
            "In the weeks after your distance rose by more than 10\u00A0%, your back pain averaged 6 out of 10, higher than the 2.3 of other weeks "
                + "(3 against 4 check-ins)." + Caveat,
            "The 3 times you logged \"Ice\" as helping, your back pain was on average 1.3 points lower than at the check-in before." + Caveat,
            "The 4 times you logged \"Stretches\" as helping, your back pain was on average 1 point higher than at the check-in before." + Caveat,
            "The 5 times you logged \"Rest\" as helping, your back pain was about the same as at the check-in before." + Caveat,
        ], TestWording.In(culture, () => TrainingWording.Insights(TestWording.Localizer, training).ToList()));
        Assert.Contains("lower than the 6 of other weeks", TestWording.In(culture, () =>
            TrainingWording.AfterRises(TestWording.Localizer, new RiseComparison(10, 3, 3, AfterAverage: 2, OtherAverage: 6))), StringComparison.Ordinal);
        Assert.Contains("about the same as the 2.5 of other weeks", TestWording.In(culture, () =>
            TrainingWording.AfterRises(TestWording.Localizer, new RiseComparison(10, 3, 3, AfterAverage: 3, OtherAverage: 2.5))), StringComparison.Ordinal);
    }
}
