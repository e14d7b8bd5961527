using FluentValidation;
using FluentValidation.Results;

namespace RunBack.Core.Questionnaire;

/// <summary>
/// Validates answers against a questionnaire: missing required answers, out-of-range numbers, unknown options,
/// future dates and answers to questions the other answers hide. Each failure names its question id as the
/// property, so a page can show it beside the field and an API can return it per answer; it says what is wrong as an
/// <see cref="AnswerError"/> (its CustomState), which the web edge words.
/// </summary>
public sealed class AnswerSetValidator : AbstractValidator<AnswerSet>
{
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);

    /// <param name="questionnaire">The questionnaire of the release in use.</param>
    /// <param name="today">The day of the check-in: dates after it are refused.</param>
    /// <param name="sectionId">Validate one step only; null validates every step and refuses unknown question ids.</param>
    public AnswerSetValidator(QuestionnaireDefinition questionnaire, DateOnly today, string? sectionId = null)
    {
        var questions = sectionId is null
            ? questionnaire.Questions
            : questionnaire.FindSection(sectionId)?.Questions ?? throw new ArgumentException($"Unknown section '{sectionId}'.", nameof(sectionId));

        if (sectionId is null)
        {
            RuleFor(a => a).Custom((answers, context) =>
            {
                foreach (var id in answers.Values.Keys.Order(StringComparer.Ordinal))
                {
                    if (questionnaire.Find(id) is null)
                    {
                        context.AddFailure(Failure(id, new AnswerError(AnswerErrorCode.UnknownQuestion, null, Shorten(id)), null));
                    }
                }
            });
        }

        foreach (var question in questions)
        {
            var q = question;
            RuleFor(a => a.Get(q.Id)).Custom((value, context) =>
            {
                if (Check(q, value, context.InstanceToValidate, today) is { } error)
                {
                    context.AddFailure(Failure(q.Id, error, value.ToString()));
                }
            });
        }
    }

    private static AnswerError? Check(Question q, AnswerValue value, AnswerSet answers, DateOnly today)
    {
        var visible = q.IsVisible(answers);
        if (value.IsNone)
        {
            return visible && q.Required ? Missing(q) : null;
        }
        if (!visible)
        {
            return Error(q, AnswerErrorCode.NotApplicable);
        }
        switch (q.Kind)
        {
            case QuestionKind.YesNo:
                return value.Kind == AnswerValueKind.Bool ? null : Error(q, AnswerErrorCode.YesNo);
            case QuestionKind.SingleChoice:
                return value.Kind == AnswerValueKind.Text && q.FindOption(value.Text!) is not null
                    ? null
                    : Error(q, AnswerErrorCode.ChooseOne, (object)OptionLabels(q));
            case QuestionKind.MultiChoice:
                if (value.Kind != AnswerValueKind.Options || value.OptionIds.Any(id => q.FindOption(id) is null))
                {
                    return Error(q, AnswerErrorCode.ChooseFrom, (object)OptionLabels(q));
                }
                if (value.OptionIds.Length == 0 && q.Required)
                {
                    return Missing(q);
                }
                var exclusive = value.OptionIds.Select(q.FindOption).FirstOrDefault(o => o!.Exclusive);
                return exclusive is not null && value.OptionIds.Length > 1 ? Error(q, AnswerErrorCode.Exclusive, exclusive.Label) : null;
            case QuestionKind.Scale:
                return value.Kind == AnswerValueKind.Number && double.IsFinite(value.Number)
                       && value.Number is >= 0 and <= 10 && value.Number == Math.Floor(value.Number)
                    ? null
                    : Error(q, AnswerErrorCode.Scale);
            case QuestionKind.Number:
                return value.Kind == AnswerValueKind.Number && double.IsFinite(value.Number)
                       && value.Number >= q.Min && value.Number <= q.Max
                    ? null
                    : Error(q, AnswerErrorCode.NumberRange, q.Min ?? 0, q.Max ?? 0, AnswerFormatter.UnitOf(q, answers));
            case QuestionKind.Date:
                if (value.Kind != AnswerValueKind.Date)
                {
                    return Error(q, AnswerErrorCode.DateFormat, today);
                }
                if (value.Date > today)
                {
                    return Error(q, AnswerErrorCode.DateFuture);
                }
                return value.Date < EarliestDate ? Error(q, AnswerErrorCode.DateTooEarly, EarliestDate.Year) : null;
            default:
                return null;
        }
    }

    private static AnswerError Error(Question q, AnswerErrorCode code, params object?[] arguments) => new(code, q.Label, arguments);

    private static AnswerError Missing(Question q) => Error(q, q.Kind switch
    {
        QuestionKind.YesNo => AnswerErrorCode.MissingYesNo,
        QuestionKind.SingleChoice => AnswerErrorCode.MissingOne,
        QuestionKind.MultiChoice => AnswerErrorCode.MissingSome,
        QuestionKind.Scale => AnswerErrorCode.MissingScale,
        QuestionKind.Date => AnswerErrorCode.MissingDate,
        _ => AnswerErrorCode.MissingNumber,
    });

    private static string[] OptionLabels(Question q) => [.. q.Options.Select(o => o.Label)];

    /// <summary>
    /// A failure whose ErrorCode is the code and whose CustomState is the <see cref="AnswerError"/>; its ErrorMessage is
    /// the code too, until the web edge words it (AnswerWording).
    /// </summary>
    private static ValidationFailure Failure(string id, AnswerError error, string? attempted) =>
        new(id, error.Code.ToString(), attempted) { ErrorCode = error.Code.ToString(), CustomState = error };

    private static string Shorten(string id) => id.Length <= 40 ? id : id[..40] + "…";
}
