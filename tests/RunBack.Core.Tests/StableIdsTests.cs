using RunBack.Core.Questionnaire;
using RunBack.Core.Rules;

namespace RunBack.Core.Tests;

public sealed class StableIdsTests
{
    [Theory]
    [InlineData(TriageLevel.SelfCare, "self_care")]
    [InlineData(TriageLevel.SeeProfessional, "see_professional")]
    [InlineData(TriageLevel.Urgent, "urgent")]
    [InlineData(TriageLevel.Emergency, "emergency")]
    public void TriageLevel_HasOnePublishedId_BothWays(TriageLevel level, string id)
    {
        Assert.Equal(id, level.Id());
        Assert.Equal(level, TriageLevels.Ids.Parse(id));
    }

    [Fact]
    public void EveryEnumValue_HasADistinctId_ThatParsesBack()
    {
        Assert.All(Enum.GetValues<TriageLevel>(), v => Assert.Equal(v, TriageLevels.Ids.Parse(v.Id())));
        Assert.All(Enum.GetValues<HipComponent>(), v => Assert.Equal(v, HipComponents.Ids.Parse(v.Id())));
        Assert.All(Enum.GetValues<QuestionKind>(), v => Assert.Equal(v, QuestionKinds.Ids.Parse(v.Id())));
        Assert.Equal(["none", "possible", "likely"], HipComponents.Ids.All);
        Assert.Equal(["yes_no", "single_choice", "multi_choice", "number", "scale", "date"], QuestionKinds.Ids.All);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Emergency")]
    [InlineData("see-professional")]
    public void Parse_AnythingElse_IsNull(string? id) => Assert.Null(TriageLevels.Ids.Parse(id));

    [Fact]
    public void Map_MissingAValueOrRepeatingAnId_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new StableIds<HipComponent>((HipComponent.None, "none"), (HipComponent.Likely, "likely")));
        Assert.Throws<ArgumentException>(() => new StableIds<HipComponent>((HipComponent.None, "x"), (HipComponent.Possible, "x"), (HipComponent.Likely, "likely")));
    }
}
