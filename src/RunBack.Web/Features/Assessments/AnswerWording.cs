using System.Globalization;
using FluentValidation.Results;
using Microsoft.Extensions.Localization;
using RunBack.Core;
using RunBack.Core.Questionnaire;

namespace RunBack.Web.Features.Assessments;

/// <summary>
/// An answer's problem (<see cref="AnswerError"/>, from Core) in the edition's words, from Resources/Wording*.resx
/// (Answer_{code}): "Back pain now: please choose a number from 0 to 10." The form, the quick check-in and the API all
/// show these words.
/// </summary>
public static class AnswerWording
{
    public static string Say(IStringLocalizer<Wording> words, AnswerError error)
    {
        var arguments = error.Arguments;
        var key = "Answer_" + error.Code;
        object?[] values = error.Code switch
        {
            AnswerErrorCode.UnknownQuestion => [arguments[0]],
            AnswerErrorCode.ChooseOne or AnswerErrorCode.ChooseFrom => [error.Label, string.Join(", ", (IEnumerable<string>)arguments[0]!)],
            AnswerErrorCode.NumberRange => [error.Label, AnswerFormatter.FormatNumber((double)arguments[0]!), AnswerFormatter.FormatNumber((double)arguments[1]!), arguments[2]],
            AnswerErrorCode.DateFormat => [error.Label, DateWords.Full((DateOnly)arguments[0]!)],
            _ => [error.Label, .. arguments],
        };
        if (error.Code == AnswerErrorCode.NumberRange && arguments[2] is not null)
        {
            key += "Unit";
        }
        return string.Format(CultureInfo.CurrentCulture, words[key], values);
    }

    /// <summary>Each failure of <see cref="AnswerSetValidator"/> with its message in words, in place.</summary>
    public static ValidationResult Word(IStringLocalizer<Wording> words, ValidationResult result)
    {
        foreach (var failure in result.Errors)
        {
            if (failure.CustomState is AnswerError error)
            {
                failure.ErrorMessage = Say(words, error);
            }
        }
        return result;
    }
}
