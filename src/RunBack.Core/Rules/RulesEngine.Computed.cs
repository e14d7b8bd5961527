using RunBack.Core.Content;
using RunBack.Core.Questionnaire;

namespace RunBack.Core.Rules;

/// <summary>The computed values of the first release (largest rise, miles, days since) and how they read.</summary>
public static partial class RulesEngine
{
    private static AnswerValue Compute(ComputedDefinition definition, AnswerSet answers, DateOnly today)
    {
        switch (definition.Function)
        {
            case ComputedFunction.LargestIncreasePercent:
                double? largest = null;
                double? previous = null;
                foreach (var input in definition.Inputs)
                {
                    var value = answers.Get(input);
                    if (value.Kind != AnswerValueKind.Number)
                    {
                        previous = null;
                        continue;
                    }
                    if (previous is > 0)
                    {
                        var change = (value.Number - previous.Value) / previous.Value * 100;
                        largest = largest is null ? change : Math.Max(largest.Value, change);
                    }
                    previous = value.Number;
                }
                return largest is null ? AnswerValue.None : AnswerValue.Of(Math.Round(largest.Value, 1));
            case ComputedFunction.DistanceInMiles:
                var distance = answers.Get(definition.Inputs[0]);
                if (distance.Kind != AnswerValueKind.Number || definition.UnitFrom is null)
                {
                    return AnswerValue.None;
                }
                var unit = answers.Get(definition.UnitFrom);
                return unit.Text switch
                {
                    "km" => AnswerValue.Of(Math.Round(distance.Number * KilometresToMiles, 1)),
                    "miles" => AnswerValue.Of(distance.Number),
                    _ => AnswerValue.None,
                };
            case ComputedFunction.DaysSince:
                var date = answers.Get(definition.Inputs[0]);
                if (date.Kind != AnswerValueKind.Date || date.Date > today)
                {
                    return AnswerValue.None;
                }
                return AnswerValue.Of(today.DayNumber - date.Date.DayNumber);
            default:
                return AnswerValue.None;
        }
    }

    private static string Display(ComputedDefinition definition, AnswerValue value, AnswerSet answers)
    {
        if (value.IsNone)
        {
            return "Not worked out (not enough answers)";
        }
        var n = value.Number;
        switch (definition.Function)
        {
            case ComputedFunction.LargestIncreasePercent:
                var rounded = Math.Round(n, 0);
                return rounded > 0 ? $"+{rounded.ToString("0", Culture)}{Typography.Nbsp}%" : $"{rounded.ToString("0", Culture)}{Typography.Nbsp}%";
            case ComputedFunction.DistanceInMiles:
                var km = n / KilometresToMiles;
                var unit = definition.UnitFrom is null ? null : answers.Get(definition.UnitFrom).Text;
                return unit == "km"
                    ? $"{km.ToString("0", Culture)}{Typography.Nbsp}km (about {n.ToString("0", Culture)}{Typography.Nbsp}miles)"
                    : $"{n.ToString("0", Culture)}{Typography.Nbsp}miles (about {km.ToString("0", Culture)}{Typography.Nbsp}km)";
            case ComputedFunction.DaysSince:
                return n switch
                {
                    0 => "today",
                    1 => "1\u00A0day",
                    _ => $"{n.ToString("0", Culture)}{Typography.Nbsp}days",
                };
            default:
                return AnswerFormatter.FormatNumber(n);
        }
    }

    private static string ValueText(ContentRelease release, string id, AnswerSet answers, ComputedValues computed)
    {
        var result = computed.Find(id);
        if (result is not null)
        {
            return result.Display;
        }
        var question = release.Questionnaire.Find(id);
        return question is null ? id : AnswerFormatter.Format(question, answers.Get(id), answers);
    }
}
