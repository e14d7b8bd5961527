namespace RunBack.Core.Questionnaire;

/// <summary>What is wrong with one answer; the web edge words each (Wording.resx Answer_{code}).</summary>
public enum AnswerErrorCode
{
    /// <summary>An answer to a question id the questionnaire does not have; argument: the id, shortened.</summary>
    UnknownQuestion,
    /// <summary>An answer to a question the other answers hide.</summary>
    NotApplicable,
    YesNo,
    /// <summary>Argument: the options' labels.</summary>
    ChooseOne,
    /// <summary>Argument: the options' labels.</summary>
    ChooseFrom,
    /// <summary>Argument: the label of the option that excludes the others.</summary>
    Exclusive,
    Scale,
    /// <summary>Arguments: the least and the greatest number, and the unit (null without one).</summary>
    NumberRange,
    /// <summary>Argument: today, as an example.</summary>
    DateFormat,
    DateFuture,
    /// <summary>Argument: the earliest year.</summary>
    DateTooEarly,
    MissingYesNo,
    MissingOne,
    MissingSome,
    MissingScale,
    MissingDate,
    MissingNumber,
    /// <summary>Typed text too long to be a number (no label: the field says it).</summary>
    NumberTooLong,
    /// <summary>Typed text that is not a number in digits (no label: the field says it).</summary>
    NotDigits,
    /// <summary>The answers are not a JSON object (no label).</summary>
    NotAnObject,
    /// <summary>The answers hold a lone UTF-16 surrogate (no label).</summary>
    NotUnicode,
    ExpectedBool,
    ExpectedOptionId,
    ExpectedOptionList,
    ExpectedNumber,
    ExpectedDate,
    NotUnderstood,
}

/// <summary>
/// One answer's problem as facts: the code, the question's label (content: null for an unknown question or a problem
/// with all the answers) and the code's arguments. <see cref="AnswerSetValidator"/> puts it in each failure's
/// CustomState and its code in ErrorCode; <see cref="AnswerParser"/> returns it per question id.
/// </summary>
public sealed record AnswerError(AnswerErrorCode Code, string? Label, params object?[] Arguments);
