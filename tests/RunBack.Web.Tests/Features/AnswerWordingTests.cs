using RunBack.Core.Questionnaire;
using RunBack.Web.Features.Assessments;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Features;

/// <summary>
/// Core says what is wrong with an answer (<see cref="AnswerError"/>); the edge words it. These are the messages Core
/// used to build, word for word, in both editions (the API, the form and the quick check-in show them). WordingKeyTests
/// words every row in both editions and checks every code was asked for.
/// </summary>
public sealed class AnswerWordingTests
{
    public static TheoryData<string, AnswerError, string> Messages => new()
    {
        { "en-GB", new(AnswerErrorCode.Scale, "Back pain now"), "Back pain now: choose a whole number from 0 (no pain) to 10 (worst pain imaginable)." },
        { "en-GB", new(AnswerErrorCode.NumberRange, "Distance last week", 0.0, 500.0, "miles"), "Distance last week: enter a number from 0 to 500 miles." },
        { "en-US", new(AnswerErrorCode.NumberRange, "Sitting on a usual day", 0.0, 24.0, null), "Sitting on a usual day: enter a number from 0 to 24." },
        { "en-GB", new(AnswerErrorCode.NumberRange, "Stride", 0.5, 2.5, "m"), "Stride: enter a number from 0.5 to 2.5 m." },
        { "en-GB", new(AnswerErrorCode.ChooseOne, "Over the last few days", (object)new[] { "Better", "Same", "Worse" }), "Over the last few days: choose one of the options shown (Better, Same, Worse)." },
        { "en-US", new(AnswerErrorCode.ChooseFrom, "Where", (object)new[] { "Back", "Hip" }), "Where: choose from the options shown (Back, Hip)." },
        { "en-GB", new(AnswerErrorCode.Exclusive, "Warning signs", "None of these"), "Warning signs: “None of these” cannot be chosen together with other options." },
        { "en-GB", new(AnswerErrorCode.NotApplicable, "Cadence"), "Cadence: this question does not apply with your other answers, so leave it out." },
        { "en-GB", new(AnswerErrorCode.YesNo, "Pain wakes you at night"), "Pain wakes you at night: answer yes or no." },
        { "en-GB", new(AnswerErrorCode.DateFormat, "Pain started", new DateOnly(2026, 12, 7)), "Pain started: enter a date, like 7 December 2026." },
        { "en-US", new(AnswerErrorCode.DateFormat, "Pain started", new DateOnly(2026, 12, 7)), "Pain started: enter a date, like December 7, 2026." },
        { "en-GB", new(AnswerErrorCode.DateFuture, "Pain started"), "Pain started: the date cannot be in the future." },
        { "en-US", new(AnswerErrorCode.DateTooEarly, "Pain started", 1900), "Pain started: enter a date after 1900." },
        { "en-GB", new(AnswerErrorCode.MissingYesNo, "Fever"), "Fever: please answer yes or no." },
        { "en-GB", new(AnswerErrorCode.MissingOne, "Pain, tingling or numbness in the legs"), "Pain, tingling or numbness in the legs: please choose one option." },
        { "en-GB", new(AnswerErrorCode.MissingSome, "Where"), "Where: please choose at least one option." },
        { "en-US", new(AnswerErrorCode.MissingScale, "Back pain now"), "Back pain now: please choose a number from 0 to 10." },
        { "en-GB", new(AnswerErrorCode.MissingDate, "Pain started"), "Pain started: please enter a date." },
        { "en-GB", new(AnswerErrorCode.MissingNumber, "Cadence"), "Cadence: please enter a number." },
        { "en-US", new(AnswerErrorCode.UnknownQuestion, null, "favourite_colour"), "There is no question 'favourite_colour' in this self-check." },
        { "en-GB", new(AnswerErrorCode.NumberTooLong, null), "That is too long to be a number." },
        { "en-US", new(AnswerErrorCode.NotDigits, null), "Enter a number using digits, like 12 or 12.5." },
        { "en-GB", new(AnswerErrorCode.NotAnObject, null), "'answers' must be a JSON object of question ids and answers." },
        { "en-US", new(AnswerErrorCode.NotUnicode, null), "The answers contain text that is not valid Unicode (a lone surrogate such as \\ud800)." },
        { "en-GB", new(AnswerErrorCode.ExpectedBool, "Pain wakes you at night"), "Pain wakes you at night: expected true or false." },
        { "en-GB", new(AnswerErrorCode.ExpectedOptionId, "Over the last few days"), "Over the last few days: expected one option id as a string." },
        { "en-US", new(AnswerErrorCode.ExpectedOptionList, "Where it hurts"), "Where it hurts: expected a list of option ids, like [\"a\", \"b\"]." },
        { "en-GB", new(AnswerErrorCode.ExpectedNumber, "Back pain now"), "Back pain now: expected a number." },
        { "en-GB", new(AnswerErrorCode.ExpectedDate, "Pain started"), "Pain started: expected a date written yyyy-MM-dd." },
        { "en-GB", new(AnswerErrorCode.NotUnderstood, "Pain started"), "Pain started: not understood." },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Say_TheOldMessage(string culture, AnswerError error, string expected) =>
        Assert.Equal(expected, TestWording.In(culture, () => AnswerWording.Say(TestWording.Localizer, error)));
}
