using RunBack.Core.Questionnaire;

namespace RunBack.Core.Tests.Questionnaire;

public class AnswerSetValidatorTests
{
    private static Dictionary<string, string> Errors(AnswerSet answers, string? section = null) =>
        new AnswerSetValidator(AnswersBuilder.Release.Questionnaire, AnswersBuilder.Today, section)
            .Validate(answers).Errors.ToDictionary(e => e.PropertyName, e => e.ErrorMessage);

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

        Assert.Equal("Back pain now: choose a whole number from 0 (no pain) to 10 (worst pain imaginable).", errors["back_pain"]);
    }

    [Fact]
    public void Validate_NumberOutOfRange_GivesRangeInRunnersUnit()
    {
        var errors = Errors(new AnswersBuilder().With("distance_unit", "miles").With("distance_week_1", 900).Build());

        Assert.Equal("Distance last week: enter a number from 0 to 500 miles.", errors["distance_week_1"]);
    }

    [Fact]
    public void Validate_UnknownOption_ListsTheOptions()
    {
        var errors = Errors(new AnswersBuilder().With("pain_trend", "sideways").Build());

        Assert.StartsWith("Over the last few days: choose one of the options shown (Better,", errors["pain_trend"], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ExclusiveOptionWithOthers_Refused()
    {
        var errors = Errors(new AnswersBuilder().WithOptions("serious_signs", "none", "fever").Build());

        Assert.Contains("cannot be chosen together", errors["serious_signs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingRequired_AsksForAnAnswer()
    {
        var errors = Errors(new AnswersBuilder().Without("leg_symptoms").Without("back_pain").Build());

        Assert.Equal("Pain, tingling or numbness in the legs: please choose one option.", errors["leg_symptoms"]);
        Assert.Equal("Back pain now: please choose a number from 0 to 10.", errors["back_pain"]);
    }

    [Fact]
    public void Validate_OptionalMissing_IsFine() =>
        Assert.Empty(Errors(new AnswersBuilder().Without("distance_week_3").Build()));

    [Fact]
    public void Validate_AnswerToHiddenQuestion_Refused()
    {
        var errors = Errors(new AnswersBuilder().With("cadence_known", false).With("cadence", 160).Build());

        Assert.Equal("Cadence: this question does not apply with your other answers, so leave it out.", errors["cadence"]);
    }

    [Fact]
    public void Validate_HiddenRequiredQuestionUnanswered_IsFine() =>
        Assert.Empty(Errors(new AnswersBuilder().With("cadence_known", false).Without("cadence").Build()));

    [Theory]
    [InlineData(1, "Pain started: the date cannot be in the future.")]
    [InlineData(-50000, "Pain started: enter a date after 1900.")]
    public void Validate_DateOutsideRange_Refused(int daysFromToday, string message)
    {
        var errors = Errors(new AnswersBuilder().With("pain_started", AnswersBuilder.Today.AddDays(daysFromToday)).Build());

        Assert.Equal(message, errors["pain_started"]);
    }

    [Fact]
    public void Validate_WrongValueKind_Refused()
    {
        var errors = Errors(new AnswersBuilder().With("night_waking", "maybe").With("sitting_hours", true).Build());

        Assert.Equal("Pain wakes you at night: answer yes or no.", errors["night_waking"]);
        Assert.StartsWith("Sitting on a usual day: enter a number from 0 to 24", errors["sitting_hours"], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownQuestion_Refused()
    {
        var errors = Errors(new AnswersBuilder().With("favourite_colour", "blue").Build());

        Assert.Equal("There is no question 'favourite_colour' in this self-check.", errors["favourite_colour"]);
    }

    [Fact]
    public void Validate_OneSection_OnlyChecksThatStep()
    {
        var answers = AnswerSet.Empty.Set("distance_unit", AnswerValue.Of("km"));

        var errors = Errors(answers, "training");

        Assert.Equal(["distance_week_1", "distance_week_2", "sudden_efforts"], errors.Keys.Order());
    }
}
