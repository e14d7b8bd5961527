using System.Globalization;
using RunBack.Core.Questionnaire;
using RunBack.Core.Rules;
using YamlDotNet.RepresentationModel;

namespace RunBack.Core.Content;

/// <summary>Reads a condition: <c>answer</c> or <c>computed</c> with one operator, or <c>all</c>, <c>any</c>, <c>not</c> and
/// <c>at_least: n, of: [...]</c>.</summary>
internal static class ConditionParser
{
    private static readonly Dictionary<string, CompareOperator> Operators = new(StringComparer.Ordinal)
    {
        ["equals"] = CompareOperator.Equals,
        ["in"] = CompareOperator.In,
        ["gt"] = CompareOperator.GreaterThan,
        ["gte"] = CompareOperator.GreaterOrEqual,
        ["lt"] = CompareOperator.LessThan,
        ["lte"] = CompareOperator.LessOrEqual,
        ["includes"] = CompareOperator.Includes,
        ["answered"] = CompareOperator.Answered,
    };

    internal static Condition? Parse(YamlReader r, YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            r.Problem(node, "a condition must be a mapping such as '{ answer: id, equals: value }', 'all: [...]', 'any: [...]' or 'not: {...}'");
            return null;
        }
        var location = r.At(map);
        if (YamlReader.Has(map, "all") || YamlReader.Has(map, "any"))
        {
            var isAll = YamlReader.Has(map, "all");
            r.AllowKeys(map, isAll ? "all" : "any");
            var listNode = YamlReader.Node(map, isAll ? "all" : "any")!;
            if (listNode is not YamlSequenceNode list || list.Children.Count == 0)
            {
                r.Problem(listNode, $"'{(isAll ? "all" : "any")}' must be a non-empty list of conditions");
                return null;
            }
            var parts = list.Children.Select(c => Parse(r, c)).ToList();
            if (parts.Any(p => p is null))
            {
                return null;
            }
            return isAll
                ? new AllCondition(parts!) { Location = location }
                : new AnyCondition(parts!) { Location = location };
        }
        if (YamlReader.Has(map, "at_least"))
        {
            return ParseAtLeast(r, map, location);
        }
        if (YamlReader.Node(map, "not") is { } notNode)
        {
            r.AllowKeys(map, "not");
            var inner = Parse(r, notNode);
            return inner is null ? null : new NotCondition(inner) { Location = location };
        }

        r.AllowKeys(map, ["answer", "computed", .. Operators.Keys]);
        var answer = r.Text(map, "answer", required: false);
        var computed = r.Text(map, "computed", required: false);
        if ((answer is null) == (computed is null))
        {
            r.Problem(map, "a comparison names exactly one of 'answer: <question id>' or 'computed: <value id>'");
            return null;
        }
        var operatorKeys = Operators.Keys.Where(k => YamlReader.Has(map, k)).ToList();
        if (operatorKeys.Count != 1)
        {
            r.Problem(map, $"a comparison needs exactly one operator (one of: {string.Join(", ", Operators.Keys)})");
            return null;
        }
        var op = Operators[operatorKeys[0]];
        var operandNode = YamlReader.Node(map, operatorKeys[0])!;
        var operands = new List<AnswerValue>();
        if (operandNode is YamlSequenceNode sequence)
        {
            if (op is not (CompareOperator.In or CompareOperator.Includes))
            {
                r.Problem(operandNode, $"'{operatorKeys[0]}' takes one value, not a list");
                return null;
            }
            foreach (var child in sequence.Children)
            {
                if (child is not YamlScalarNode scalar)
                {
                    r.Problem(child, "a list of values must hold plain values");
                    return null;
                }
                operands.Add(Literal(scalar));
            }
        }
        else if (operandNode is YamlScalarNode scalar)
        {
            operands.Add(Literal(scalar));
        }
        else
        {
            r.Problem(operandNode, $"'{operatorKeys[0]}' must be a value or a list of values");
            return null;
        }
        if (operands.Count == 0)
        {
            r.Problem(operandNode, $"'{operatorKeys[0]}' needs at least one value");
            return null;
        }
        if (op is CompareOperator.GreaterThan or CompareOperator.GreaterOrEqual or CompareOperator.LessThan or CompareOperator.LessOrEqual
            && operands[0].Kind != AnswerValueKind.Number)
        {
            r.Problem(operandNode, $"'{operatorKeys[0]}' compares with a number, not '{operands[0]}'");
            return null;
        }
        if (op == CompareOperator.Answered && operands[0].Kind != AnswerValueKind.Bool)
        {
            r.Problem(operandNode, "'answered' takes true or false");
            return null;
        }
        var reference = answer is not null ? new ValueRef(ValueSource.Answer, answer) : new ValueRef(ValueSource.Computed, computed!);
        return new Comparison(reference, op, [.. operands]) { Location = location };
    }

    /// <summary><c>at_least: 4</c> with <c>of: [conditions]</c>: at least that many of the conditions hold.</summary>
    private static AtLeastCondition? ParseAtLeast(YamlReader r, YamlMappingNode map, SourceLocation location)
    {
        r.AllowKeys(map, "at_least", "of");
        var countNode = YamlReader.Node(map, "at_least")!;
        if (countNode is not YamlScalarNode { Value: { } countText }
            || !int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            r.Problem(countNode, "'at_least' takes a whole number of 1 or more");
            return null;
        }
        if (YamlReader.Node(map, "of") is not YamlSequenceNode list || list.Children.Count == 0)
        {
            r.Problem(map, "'at_least' needs 'of: [...]', a non-empty list of conditions");
            return null;
        }
        if (count > list.Children.Count)
        {
            r.Problem(countNode, $"'at_least: {count}' asks for more conditions than the {list.Children.Count} listed under 'of'");
            return null;
        }
        var parts = list.Children.Select(c => Parse(r, c)).ToList();
        return parts.Any(p => p is null) ? null : new AtLeastCondition(count, parts!) { Location = location };
    }

    private static AnswerValue Literal(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is YamlDotNet.Core.ScalarStyle.Plain)
        {
            if (text is "true" or "false")
            {
                return AnswerValue.Of(text == "true");
            }
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return AnswerValue.Of(number);
            }
        }
        return AnswerValue.Of(text);
    }
}
