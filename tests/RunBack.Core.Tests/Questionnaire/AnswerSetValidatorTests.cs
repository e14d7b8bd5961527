using RunBack.Core.Questionnaire;

namespace RunBack.Core.Tests.Questionnaire;

public class AnswerSetValidatorTests
{
    /// <summary>Each failure's problem as facts (the web edge words them: RunBack.Web.Tests AnswerWordingTests).</summary>
    private static Dictionary<string, AnswerError> Errors(AnswerSet answers, string? section = null) =>
        new AnswerSetValidator(AnswersBuilder.Release.Questionnaire, AnswersBuilder.Today, section)
            .Validate(answers).Errors.ToDictionary(e => e.PropertyName, e => Assert.IsType<AnswerError>(e.CustomState));

    private static void Said(AnswerError error, AnswerErrorCode code, string? label, params object?[] arguments)
    {
        Assert.Equal((code, label), (error.Code, error.Label));
        Assert.Equal(arguments, error.Arguments);
    }

    [Fact]
    public void Validate_CompleteNoRiskAnswers_IsValid() => Assert.Empty(Errors(new AnswersBuilder().Build()));

    [Theory]
    [InlineData(11)]
    [InlineData(-1)]
    [InlineData(4.5)]
    [InlineData(double.NaN)]
    [InlineData(1e308)]
    public void Validate_ScaleOutOfRange_NamesTheQuestion(double value)
    {
        var errors = Errors(new AnswersBuilder().With("back_pain", value).Build());

        Said(errors["back_pain"], AnswerErrorCode.Scale, "Back pain now");
    }

    [Fact]
    public void Validate_NumberOutOfRange_GivesRangeInRunnersUnit()
    {
        var errors = Errors(new AnswersBuilder().With("distance_unit", "miles").With("distance_week_1", 900).Build());

        Said(errors["distance_week_1"], AnswerErrorCode.NumberRange, "Distance last week", 0.0, 500.0, "miles");
    }

    [Fact]
    public void Validate_UnknownOption_ListsTheOptions()
    {
        var errors = Errors(new AnswersBuilder().With("pain_trend", "sideways").Build());

        Assert.Equal((AnswerErrorCode.ChooseOne, "Over the last few days"), (errors["pain_trend"].Code, errors["pain_trend"].Label));
        Assert.Equal("Better", Assert.IsType<string[]>(Assert.Single(errors["pain_trend"].Arguments))[0]);
    }

    [Fact]
    public void Validate_ExclusiveOptionWithOthers_Refused()
    {
        var errors = Errors(new AnswersBuilder().WithOptions("serious_signs", "none", "fever").Build());

        Assert.Equal(AnswerErrorCode.Exclusive, errors["serious_signs"].Code);
    }

    [Fact]
    public void Validate_MissingRequired_AsksForAnAnswer()
    {
        var errors = Errors(new AnswersBuilder().Without("leg_symptoms").Without("back_pain").Build());

        Said(errors["leg_symptoms"], AnswerErrorCode.MissingOne, "Pain, tingling or numbness in the legs");
        Said(errors["back_pain"], AnswerErrorCode.MissingScale, "Back pain now");
    }

    [Fact]
    public void Validate_OptionalMissing_IsFine() =>
        Assert.Empty(Errors(new AnswersBuilder().Without("distance_week_3").Build()));

    [Fact]
    public void Validate_AnswerToHiddenQuestion_Refused()
    {
        var errors = Errors(new AnswersBuilder().With("cadence_known", false).With("cadence", 160).Build());

        Said(errors["cadence"], AnswerErrorCode.NotApplicable, "Cadence");
    }

    [Fact]
    public void Validate_HiddenRequiredQuestionUnanswered_IsFine() =>
        Assert.Empty(Errors(new AnswersBuilder().With("cadence_known", false).Without("cadence").Build()));

    [Theory]
    [InlineData(1, AnswerErrorCode.DateFuture, null)]
    [InlineData(-50000, AnswerErrorCode.DateTooEarly, 1900)]
    public void Validate_DateOutsideRange_Refused(int daysFromToday, AnswerErrorCode code, int? earliestYear)
    {
        var errors = Errors(new AnswersBuilder().With("pain_started", AnswersBuilder.Today.AddDays(daysFromToday)).Build());

        Said(errors["pain_started"], code, "Pain started", earliestYear is { } year ? [year] : []);
    }

    [Fact]
    public void Validate_WrongValueKind_Refused()
    {
        var errors = Errors(new AnswersBuilder().With("night_waking", "maybe").With("sitting_hours", true).Build());

        Said(errors["night_waking"], AnswerErrorCode.YesNo, "Pain wakes you at night");
        Assert.Equal(AnswerErrorCode.NumberRange, errors["sitting_hours"].Code);
        Assert.Equal([0.0, 24.0], errors["sitting_hours"].Arguments.Take(2));
    }

    [Fact]
    public void Validate_UnknownQuestion_Refused()
    {
        var errors = Errors(new AnswersBuilder().With("favourite_colour", "blue").Build());

        Said(errors["favourite_colour"], AnswerErrorCode.UnknownQuestion, null, "favourite_colour");
    }

    [Fact]
    public void Validate_OneSection_OnlyChecksThatStep()
    {
        var answers = AnswerSet.Empty.Set("distance_unit", AnswerValue.Of("km"));

        var errors = Errors(answers, "training");

        Assert.Equal(["distance_week_1", "distance_week_2", "sudden_efforts"], errors.Keys.Order());
    }
}
