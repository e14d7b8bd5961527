using Hl7.Fhir.Model;
using RunBack.Core.Content;
using RunBack.Core.Questionnaire;
using RunBack.Core.Rules;
using Condition = RunBack.Core.Rules.Condition;
using FhirQuestionnaire = Hl7.Fhir.Model.Questionnaire;

namespace RunBack.Web.Features.Fhir;

/// <summary>
/// Turns a question's show_if into enableWhen. A comparison of one answer maps directly (equals/in/includes as "=",
/// answered as "exists", the numeric comparisons as themselves); several operands or an any/all of such comparisons
/// become several enableWhen with enableBehavior any/all. Anything else (computed values, "not", any inside all) has no
/// enableWhen form: the item then carries the show-if extension naming where the condition is written.
/// </summary>
internal sealed class EnableWhenMapper(FhirQuestionnaires canonicals, ContentRelease release)
{
    public void Apply(Question question, FhirQuestionnaire.ItemComponent item)
    {
        if (question.ShowIf is not { } condition)
        {
            return;
        }
        var (parts, behavior) = condition switch
        {
            Comparison single => (Map(single), FhirQuestionnaire.EnableWhenBehavior.Any),
            AllCondition all => (MapEach(all.Parts, allowMultiple: false), FhirQuestionnaire.EnableWhenBehavior.All),
            AnyCondition any => (MapEach(any.Parts, allowMultiple: true), FhirQuestionnaire.EnableWhenBehavior.Any),
            _ => (null, FhirQuestionnaire.EnableWhenBehavior.Any),
        };
        if (parts is null || parts.Count == 0)
        {
            var location = condition.Location;
            item.Extension.Add(new Extension(canonicals.ShowIfExtension, new FhirString(
                $"Shown only under a condition that enableWhen cannot express: see show_if of '{question.Id}' in content/releases/{release.Id}/questionnaire.yaml{(location.Line > 0 ? $" line {location.Line}" : "")}.")));
            return;
        }
        item.EnableWhen.AddRange(parts);
        if (parts.Count > 1)
        {
            item.EnableBehavior = behavior;
        }
    }

    private List<FhirQuestionnaire.EnableWhenComponent>? MapEach(IReadOnlyList<Condition> conditions, bool allowMultiple)
    {
        var result = new List<FhirQuestionnaire.EnableWhenComponent>();
        foreach (var condition in conditions)
        {
            // Under "all", a comparison with several operands is an "any" inside an "all": not expressible.
            if (condition is not Comparison comparison || Map(comparison) is not { } mapped || (!allowMultiple && mapped.Count > 1))
            {
                return null;
            }
            result.AddRange(mapped);
        }
        return result;
    }

    private List<FhirQuestionnaire.EnableWhenComponent>? Map(Comparison comparison)
    {
        if (comparison.Value.Source != ValueSource.Answer || release.Questionnaire.Find(comparison.Value.Id) is not { } target)
        {
            return null;
        }
        if (comparison.Operator == CompareOperator.Answered)
        {
            return [When(target, FhirQuestionnaire.QuestionnaireItemOperator.Exists, new FhirBoolean(comparison.Operands[0].Flag))];
        }
        var op = comparison.Operator switch
        {
            CompareOperator.Equals or CompareOperator.In or CompareOperator.Includes => FhirQuestionnaire.QuestionnaireItemOperator.Equal,
            CompareOperator.GreaterThan => FhirQuestionnaire.QuestionnaireItemOperator.GreaterThan,
            CompareOperator.GreaterOrEqual => FhirQuestionnaire.QuestionnaireItemOperator.GreaterOrEqual,
            CompareOperator.LessThan => FhirQuestionnaire.QuestionnaireItemOperator.LessThan,
            _ => FhirQuestionnaire.QuestionnaireItemOperator.LessOrEqual,
        };
        var result = new List<FhirQuestionnaire.EnableWhenComponent>();
        foreach (var operand in comparison.Operands)
        {
            if (Answer(target, operand) is not { } answer)
            {
                return null;
            }
            result.Add(When(target, op, answer));
        }
        return result;
    }

    private DataType? Answer(Question target, AnswerValue operand) => (target.Kind, operand.Kind) switch
    {
        (QuestionKind.YesNo, AnswerValueKind.Bool) => new FhirBoolean(operand.Flag),
        (QuestionKind.SingleChoice or QuestionKind.MultiChoice, AnswerValueKind.Text) =>
            new Coding(canonicals.OptionSystem(release.Id, target.Id), operand.Text, target.FindOption(operand.Text ?? "")?.Label),
        (QuestionKind.Scale, AnswerValueKind.Number) when operand.Number == Math.Floor(operand.Number) => new Integer((int)operand.Number),
        (QuestionKind.Number, AnswerValueKind.Number) => new FhirDecimal((decimal)operand.Number),
        (QuestionKind.Date, AnswerValueKind.Date) => new Date(operand.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        _ => null,
    };

    private static FhirQuestionnaire.EnableWhenComponent When(Question target, FhirQuestionnaire.QuestionnaireItemOperator op, DataType answer) =>
        new() { Question = target.Id, Operator = op, Answer = answer };
}
