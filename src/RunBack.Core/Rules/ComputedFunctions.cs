using System.Globalization;
using RunBack.Core.Questionnaire;

namespace RunBack.Core.Rules;

/// <summary>
/// The computed values added in release 2026.12.0 (training-load maths and "days ago"), each with the words that show
/// what was compared. The older functions stay in <see cref="RulesEngine"/> unchanged, so older releases re-evaluate
/// exactly as they did.
/// </summary>
internal static class ComputedFunctions
{
    /// <summary>The value, and with <paramref name="explain"/> the words that show what was compared ("" without).</summary>
    public static (AnswerValue Value, string Display)? TryEvaluate(ComputedDefinition definition, AnswerSet answers, DateOnly today, bool explain = true)
    {
        switch (definition.Function)
        {
            case ComputedFunction.LargestWeeklyRise:
                var change = TrainingLoad.LargestWeeklyChange(Weeks(definition, answers));
                return change is not { } c
                    ? (AnswerValue.None, "Not worked out (fewer than two weeks with running)")
                    : (AnswerValue.Of(c.Percent), explain ? WeeklyText(c, Unit(definition, answers)) : "");
            case ComputedFunction.RiseOverAverage:
                var average = TrainingLoad.AgainstAverage(Weeks(definition, answers));
                return average is not { } a
                    ? (AnswerValue.None, "Not worked out (not enough earlier weeks with running)")
                    : (AnswerValue.Of(a.Percent), explain ? AverageText(a, Unit(definition, answers)) : "");
            case ComputedFunction.NewStart:
                var weeks = Weeks(definition, answers);
                return TrainingLoad.IsNewStart(weeks) switch
                {
                    true => (AnswerValue.Of(true),
                        explain ? $"Yes: {Distance(weeks[^1]!.Value, Unit(definition, answers))} after no running in the weeks before" : ""),
                    false => (AnswerValue.Of(false), "No"),
                    null => (AnswerValue.None, "Not worked out (not enough answers)"),
                };
            case ComputedFunction.DaysAgo:
                var date = answers.Get(definition.Inputs[0]);
                if (date.Kind != AnswerValueKind.Date || date.Date > today)
                {
                    return (AnswerValue.None, "Not worked out (no date before today)");
                }
                var days = today.DayNumber - date.Date.DayNumber;
                return (AnswerValue.Of(days), days switch
                {
                    0 => "today",
                    1 => "yesterday",
                    _ when !explain => "",
                    _ => $"{days.ToString(CultureInfo.CurrentCulture)}{Typography.Nbsp}days ago",
                });
            default:
                return null;
        }
    }

    private static string WeeklyText(WeekComparison c, string? unit) => c.Percent switch
    {
        > 0 => $"{Number(c.Percent)}{Typography.Nbsp}% (from {Distance(c.From, unit)} to {Distance(c.To, unit)})",
        0 => $"no rise (the same {Distance(c.To, unit)} two weeks running)",
        _ => $"no rise: the distance fell {Number(-c.Percent)}{Typography.Nbsp}% (from {Distance(c.From, unit)} to {Distance(c.To, unit)})",
    };

    private static string AverageText(AverageComparison a, string? unit)
    {
        var weeks = $"the {a.WeeksBefore.ToString(CultureInfo.CurrentCulture)} weeks before";
        var compared = $"{Distance(a.ThisWeek, unit)} against an average of {Distance(a.Average, unit)}";
        return a.Percent switch
        {
            > 0 => $"{Number(a.Percent)}{Typography.Nbsp}% above the average of {weeks} ({compared})",
            0 => $"the same as the average of {weeks} ({compared})",
            _ => $"{Number(-a.Percent)}{Typography.Nbsp}% below the average of {weeks} ({compared})",
        };
    }

    private static double?[] Weeks(ComputedDefinition definition, AnswerSet answers)
    {
        var weeks = new double?[definition.Inputs.Count];
        for (var i = 0; i < weeks.Length; i++)
        {
            weeks[i] = answers.Get(definition.Inputs[i]) is { Kind: AnswerValueKind.Number } v ? v.Number : null;
        }
        return weeks;
    }

    private static string? Unit(ComputedDefinition definition, AnswerSet answers) =>
        definition.UnitFrom is null ? null : answers.Get(definition.UnitFrom) is { Kind: AnswerValueKind.Text } u ? u.Text : null;

    private static string Distance(double value, string? unit) => unit is null ? Number(value) : Typography.WithUnit(Number(value), unit);

    /// <summary>At most one decimal, never rounded further: 10.1 % is shown as 10.1 %.</summary>
    private static string Number(double value) => value.ToString("0.#", CultureInfo.CurrentCulture);
}
