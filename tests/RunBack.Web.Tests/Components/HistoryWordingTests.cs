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
}
