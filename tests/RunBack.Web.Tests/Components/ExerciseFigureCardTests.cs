using Bunit;
using RunBack.Core.Content;
using RunBack.Core.Rules;
using RunBack.Web.Components.Shared;

namespace RunBack.Web.Tests.Components;

/// <summary>Issue 26 item 17: the result's guidance card shows each exercise drawing beside its step, named by its alt text.</summary>
public sealed class ExerciseFigureCardTests : ComponentTestBase
{
    private static readonly Lazy<ContentRelease> Draft = new(() =>
        ContentStore.Load(RepoPaths.Content, includeDrafts: true).Find("2027.3.0")!);

    private IRenderedComponent<GuidanceList> Card(ContentRelease release, string itemId) => Render<GuidanceList>(p => p
        .Add(x => x.Items, [new SelectedGuidance(release.FindItem(itemId)!, false, ["Your back hurts (4 out of 10)."], [], ["general-stretches"])])
        .Add(x => x.ReleaseId, release.Id));

    [Theory]
    [InlineData("en-GB", "Lying on the back with knees bent. Both hands draw one knee in towards the chest.")]
    [InlineData("en-US", "Lying on the back with knees bent. Both hands draw one knee in toward the chest.")]
    public void GuidanceCard_ShowsEachDrawingWithItsAltText_BesideItsStep(string locale, string kneeAlt)
    {
        var release = locale == "en-GB" ? Draft.Value : Draft.Value.Edition(locale)!;

        var cut = Card(release, "gentle-stretches");

        var steps = cut.FindAll("#guidance-gentle-stretches .exercises > li.exercise");
        Assert.Equal(3, steps.Count);
        var names = new[] { "Knee to chest:", "Child's pose:", "Seated piriformis stretch:" };
        for (var i = 0; i < steps.Count; i++)
        {
            var drawing = steps[i].QuerySelector(".exercise__figure > svg[role=img]")!;
            Assert.Equal(release.FindItem("gentle-stretches")!.Figures[i].Alt, drawing.GetAttribute("aria-label"));
            Assert.Equal(names[i], steps[i].QuerySelector("strong")!.TextContent);
            Assert.Null(drawing.QuerySelector("text"));
            Assert.DoesNotContain(release.FindItem("gentle-stretches")!.Figures[i].Alt[..20], steps[i].TextContent, StringComparison.Ordinal);
        }
        Assert.Equal(kneeAlt, steps[0].QuerySelector("svg")!.GetAttribute("aria-label"));
    }

    [Fact]
    public void GuidanceCard_OfAReleaseBeforeTheDrawings_ShowsNoDrawings()
    {
        var cut = Card(ContentStore.Load(RepoPaths.Content).Find("2027.2.0")!, "gentle-stretches");

        Assert.Empty(cut.FindAll(".exercises, svg"));
        Assert.Contains("knee to chest", cut.Markup, StringComparison.Ordinal);
    }
}
