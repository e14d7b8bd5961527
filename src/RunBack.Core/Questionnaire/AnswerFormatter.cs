using System.Globalization;

namespace RunBack.Core.Questionnaire;

/// <summary>Turns answers into the plain words a runner or clinician reads ("Yes", "6 out of 10", "32 km").</summary>
public static class AnswerFormatter
{
    /// <summary>Numbers and dates in the runner's culture, which the web app sets per request (en-GB by default).</summary>
    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    public static string Format(Question question, AnswerValue value, AnswerSet answers)
    {
        switch (value.Kind)
        {
            case AnswerValueKind.None:
                return "Not answered";
            case AnswerValueKind.Bool:
                return value.Flag ? "Yes" : "No";
            case AnswerValueKind.Text:
                return question.FindOption(value.Text!)?.Label ?? value.Text!;
            case AnswerValueKind.Options:
                return value.OptionIds.Length == 0
                    ? "None"
                    : string.Join("; ", value.OptionIds.Select(id => question.FindOption(id)?.Label ?? id));
            case AnswerValueKind.Date:
                return DateWords.Full(value.Date);
            default:
                var number = FormatNumber(value.Number);
                if (question.Kind == QuestionKind.Scale)
                {
                    return $"{number} out of 10";
                }
                var unit = UnitOf(question, answers);
                return unit is null ? number : Typography.WithUnit(number, unit);
        }
    }

    public static string FormatNumber(double number) => number.ToString("0.#", Culture);

    /// <summary>The unit a number question is in: fixed, or taken from another answer (km or miles).</summary>
    public static string? UnitOf(Question question, AnswerSet answers)
    {
        if (question.UnitFrom is not null)
        {
            var unit = answers.Get(question.UnitFrom);
            return unit.Kind == AnswerValueKind.Text ? unit.Text : null;
        }
        return question.Unit;
    }
}
