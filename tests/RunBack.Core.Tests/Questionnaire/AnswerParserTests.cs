using RunBack.Core.Questionnaire;

namespace RunBack.Core.Tests.Questionnaire;

public class AnswerParserTests
{
    [Theory]
    [InlineData("12", 12)]
    [InlineData(" 12.5 ", 12.5)]
    [InlineData("12,5", 12.5)]
    [InlineData("-3", -3)]
    public void TryParseNumber_Digits_Parsed(string text, double expected)
    {
        Assert.True(AnswerParser.TryParseNumber(text, out var value, out _));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e308")]
    [InlineData("1e400")]
    [InlineData("<script>")]
    public void TryParseNumber_NotPlainDigits_ClearError(string text)
    {
        Assert.False(AnswerParser.TryParseNumber(text, out _, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void FromJson_RoundTripsEveryKind()
    {
        var answers = new AnswersBuilder().Build();

        var json = AnswerParser.ToJson(answers);
        var (parsed, errors) = AnswerParser.FromJson(json, AnswersBuilder.Release.Questionnaire);

        Assert.Empty(errors);
        Assert.Equal(answers.Values.OrderBy(p => p.Key), parsed.Values.OrderBy(p => p.Key));
    }

    [Fact]
    public void FromJson_WrongTypes_ErrorPerQuestion()
    {
        var (_, errors) = AnswerParser.FromJson("""{"back_pain":"six","night_waking":"yes","pain_where":"lower_back","pain_started":"yesterday"}""",
            AnswersBuilder.Release.Questionnaire);

        Assert.Equal((AnswerErrorCode.ExpectedNumber, "Back pain now"), (errors["back_pain"].Code, errors["back_pain"].Label));
        Assert.Equal((AnswerErrorCode.ExpectedBool, "Pain wakes you at night"), (errors["night_waking"].Code, errors["night_waking"].Label));
        Assert.Equal((AnswerErrorCode.ExpectedOptionList, "Where it hurts"), (errors["pain_where"].Code, errors["pain_where"].Label));
        Assert.Equal((AnswerErrorCode.ExpectedDate, "Pain started"), (errors["pain_started"].Code, errors["pain_started"].Label));
    }
}
