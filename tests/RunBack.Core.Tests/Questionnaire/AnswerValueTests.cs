using RunBack.Core.Questionnaire;

namespace RunBack.Core.Tests.Questionnaire;

public class AnswerValueTests
{
    [Fact]
    public void None_OptionIds_IsEmptyNotDefault()
    {
        var none = AnswerValue.None;

        Assert.Empty(none.OptionIds);
        Assert.Empty(none.OptionIds.ToList());
        Assert.False(none.Includes("anything"));
    }

    [Fact]
    public void Equality_ComparesOptionsBySequence()
    {
        Assert.Equal(AnswerValue.OfOptions(["a", "b"]), AnswerValue.OfOptions(["a", "b"]));
        Assert.NotEqual(AnswerValue.OfOptions(["a"]), AnswerValue.OfOptions(["b"]));
        Assert.NotEqual(AnswerValue.Of(true), AnswerValue.Of("yes"));
    }
}
