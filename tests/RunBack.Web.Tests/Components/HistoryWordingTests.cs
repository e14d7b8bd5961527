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
}
