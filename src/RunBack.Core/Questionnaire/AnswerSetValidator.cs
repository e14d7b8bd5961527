using System.Globalization;
using FluentValidation;
using FluentValidation.Results;

namespace RunBack.Core.Questionnaire;

/// <summary>
/// Validates answers against a questionnaire: missing required answers, out-of-range numbers, unknown options,
/// future dates and answers to questions the other answers hide. Each message names its question id as the
/// property, so a page can show it beside the field and an API can return it per answer.
/// </summary>
public sealed class AnswerSetValidator : AbstractValidator<AnswerSet>
{
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);
    /// <summary>Numbers and dates in the runner's culture, which the web app sets per request (en-GB by default).</summary>
    private static CultureInfo Culture => CultureInfo.CurrentCulture;

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
                        context.AddFailure(new ValidationFailure(id, $"There is no question '{Shorten(id)}' in this self-check."));
                    }
                }
            });
        }

        foreach (var question in questions)
        {
            var q = question;
            RuleFor(a => a.Get(q.Id)).Custom((value, context) =>
            {
                var message = Check(q, value, context.InstanceToValidate, today);
                if (message is not null)
                {
                    context.AddFailure(new ValidationFailure(q.Id, message, value.ToString()) { CustomState = q.Label });
                }
            });
        }
    }

    private static string? Check(Question q, AnswerValue value, AnswerSet answers, DateOnly today)
    {
        var visible = q.IsVisible(answers);
        if (value.IsNone)
        {
            return visible && q.Required ? MissingMessage(q) : null;
        }
        if (!visible)
        {
            return $"{q.Label}: this question does not apply with your other answers, so leave it out.";
        }
        switch (q.Kind)
        {
            case QuestionKind.YesNo:
                return value.Kind == AnswerValueKind.Bool ? null : $"{q.Label}: answer yes or no.";
            case QuestionKind.SingleChoice:
                return value.Kind == AnswerValueKind.Text && q.FindOption(value.Text!) is not null
                    ? null
                    : $"{q.Label}: choose one of the options shown ({OptionList(q)}).";
            case QuestionKind.MultiChoice:
                if (value.Kind != AnswerValueKind.Options || value.OptionIds.Any(id => q.FindOption(id) is null))
                {
                    return $"{q.Label}: choose from the options shown ({OptionList(q)}).";
                }
                if (value.OptionIds.Length == 0 && q.Required)
                {
                    return MissingMessage(q);
                }
                var exclusive = value.OptionIds.Select(q.FindOption).FirstOrDefault(o => o!.Exclusive);
                return exclusive is not null && value.OptionIds.Length > 1
                    ? $"{q.Label}: “{exclusive.Label}” cannot be chosen together with other options."
                    : null;
            case QuestionKind.Scale:
                return value.Kind == AnswerValueKind.Number && double.IsFinite(value.Number)
                       && value.Number is >= 0 and <= 10 && value.Number == Math.Floor(value.Number)
                    ? null
                    : $"{q.Label}: choose a whole number from 0 (no pain) to 10 (worst pain imaginable).";
            case QuestionKind.Number:
                var unit = AnswerFormatter.UnitOf(q, answers);
                var range = $"from {AnswerFormatter.FormatNumber(q.Min ?? 0)} to {AnswerFormatter.FormatNumber(q.Max ?? 0)}{(unit is null ? "" : " " + unit)}";
                return value.Kind == AnswerValueKind.Number && double.IsFinite(value.Number)
                       && value.Number >= q.Min && value.Number <= q.Max
                    ? null
                    : $"{q.Label}: enter a number {range}.";
            case QuestionKind.Date:
                if (value.Kind != AnswerValueKind.Date)
                {
                    return $"{q.Label}: enter a date, like {DateWords.Full(today)}.";
                }
                if (value.Date > today)
                {
                    return $"{q.Label}: the date cannot be in the future.";
                }
                return value.Date < EarliestDate ? $"{q.Label}: enter a date after 1900." : null;
            default:
                return null;
        }
    }

    private static string MissingMessage(Question q) => q.Kind switch
    {
        QuestionKind.YesNo => $"{q.Label}: please answer yes or no.",
        QuestionKind.SingleChoice => $"{q.Label}: please choose one option.",
        QuestionKind.MultiChoice => $"{q.Label}: please choose at least one option.",
        QuestionKind.Scale => $"{q.Label}: please choose a number from 0 to 10.",
        QuestionKind.Date => $"{q.Label}: please enter a date.",
        _ => $"{q.Label}: please enter a number.",
    };

    private static string OptionList(Question q) => string.Join(", ", q.Options.Select(o => o.Label));

    private static string Shorten(string id) => id.Length <= 40 ? id : id[..40] + "…";
}
