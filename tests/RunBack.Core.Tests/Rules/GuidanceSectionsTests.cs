using RunBack.Core.Content;
using RunBack.Core.Rules;

namespace RunBack.Core.Tests.Rules;

/// <summary>
/// On an emergency or urgent result only the safety cards lead, on screen and in print (2027.1.0 hazard 6: the PDF listed
/// stretches, "keep moving" and ice/heat as items 2–5 under "Go to emergency care now").
/// </summary>
public sealed class GuidanceSectionsTests
{
    private static SelectedGuidance Card(string id, bool safety) => new(
        new GuidanceItem { Id = id, ArticleId = "a", Title = id, Summary = "", Html = "", Sources = [] }, safety, [], [], []);

    private static Assessment Result(TriageLevel triage) => new("test", triage, [], [],
        new HipAssessment(HipComponent.None, [], false),
        [Card("go-now", true), Card("stretches", false), Card("keep-moving", false), Card("ice-heat", false)], [], []);

    [Fact]
    public void Emergency_OnlyTheSafetyCards_NothingForLater()
    {
        var result = Result(TriageLevel.Emergency);

        Assert.Equal(["go-now"], GuidanceSections.Now(result).Select(g => g.Item.Id));
        Assert.Empty(GuidanceSections.AfterChecked(result));
    }

    [Fact]
    public void Urgent_SafetyCardsLead_TheRestAfterYouHaveBeenChecked()
    {
        var result = Result(TriageLevel.Urgent);

        Assert.Equal(["go-now"], GuidanceSections.Now(result).Select(g => g.Item.Id));
        Assert.Equal(["stretches", "keep-moving", "ice-heat"], GuidanceSections.AfterChecked(result).Select(g => g.Item.Id));
    }

    [Theory]
    [InlineData(TriageLevel.SeeProfessional)]
    [InlineData(TriageLevel.SelfCare)]
    public void BelowUrgent_EveryCardAsRanked(TriageLevel triage)
    {
        var result = Result(triage);

        Assert.Equal(result.Guidance, GuidanceSections.Now(result));
        Assert.Empty(GuidanceSections.AfterChecked(result));
    }
}
