using FluentValidation;
using RunBack.Core.Questionnaire;
using RunBack.Core.Rules;

namespace RunBack.Core.Content;

/// <summary>Conditions name real questions, options and values; every guidance item can be reached.</summary>
public sealed partial class ReleaseValidator
{
    private static void CheckCondition(ContentRelease release, Condition condition, ValidationContext<ContentRelease> context)
    {
        var computedIds = release.Rules.ComputedIds().ToHashSet(StringComparer.Ordinal);
        foreach (var leaf in condition.Leaves())
        {
            if (leaf.Value.Source == ValueSource.Computed)
            {
                if (!computedIds.Contains(leaf.Value.Id))
                {
                    Fail(context, leaf.Location, $"condition reads unknown computed value '{leaf.Value.Id}'");
                }
                continue;
            }
            var question = release.Questionnaire.Find(leaf.Value.Id);
            if (question is null)
            {
                Fail(context, leaf.Location, $"condition names question '{leaf.Value.Id}', which does not exist");
                continue;
            }
            if (leaf.Operator == CompareOperator.Answered)
            {
                continue;
            }
            foreach (var operand in leaf.Operands)
            {
                var problem = OperandProblem(question, leaf.Operator, operand);
                if (problem is not null)
                {
                    Fail(context, leaf.Location, $"condition on '{question.Id}': {problem}");
                }
            }
        }
    }

    private static string? OperandProblem(Question question, CompareOperator op, Questionnaire.AnswerValue operand)
    {
        switch (question.Kind)
        {
            case QuestionKind.YesNo:
                return op is CompareOperator.Equals or CompareOperator.In && operand.Kind == AnswerValueKind.Bool
                    ? null
                    : $"a yes/no question is compared with 'equals: true' or 'equals: false', not '{operand}'";
            case QuestionKind.SingleChoice:
            case QuestionKind.MultiChoice:
                if (question.Kind == QuestionKind.MultiChoice && op != CompareOperator.Includes)
                {
                    return "a multi_choice question is compared with 'includes'";
                }
                if (question.Kind == QuestionKind.SingleChoice && op is not (CompareOperator.Equals or CompareOperator.In))
                {
                    return "a single_choice question is compared with 'equals' or 'in'";
                }
                return operand.Kind == AnswerValueKind.Text && question.FindOption(operand.Text!) is not null
                    ? null
                    : $"value '{operand}' is not one of its options ({string.Join(", ", question.Options.Select(o => o.Id))})";
            case QuestionKind.Number:
            case QuestionKind.Scale:
                if (operand.Kind != AnswerValueKind.Number || op == CompareOperator.Includes)
                {
                    return $"a number question is compared with a number, not '{operand}'";
                }
                return operand.Number < question.Min || operand.Number > question.Max
                    ? $"value {operand} is outside the question's range {question.Min}–{question.Max}"
                    : null;
            default:
                return "a date question cannot be compared directly: compare a computed value such as days_since instead";
        }
    }

    private static void CheckReachability(ContentRelease release, ValidationContext<ContentRelease> context)
    {
        var reachable = release.Rules.Rules.SelectMany(r => r.Guidance).ToHashSet(StringComparer.Ordinal);
        foreach (var item in release.GuidanceItems.OrderBy(i => i.Location.File, StringComparer.Ordinal).ThenBy(i => i.Location.Line))
        {
            if (!reachable.Contains(item.Id))
            {
                Fail(context, item.Location, $"guidance item '{item.Id}' is selected by no rule, so no runner would ever see it");
            }
        }
    }
}
