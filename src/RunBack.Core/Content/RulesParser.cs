using RunBack.Core.Rules;
using YamlDotNet.RepresentationModel;

namespace RunBack.Core.Content;

/// <summary>Reads rules.yaml: factors, computed values, hip patterns and rules.</summary>
internal static class RulesParser
{
    private static readonly Dictionary<string, ComputedFunction> Functions = new(StringComparer.Ordinal)
    {
        ["largest_increase_percent"] = ComputedFunction.LargestIncreasePercent,
        ["distance_in_miles"] = ComputedFunction.DistanceInMiles,
        ["days_since"] = ComputedFunction.DaysSince,
        ["largest_weekly_rise"] = ComputedFunction.LargestWeeklyRise,
        ["rise_over_average"] = ComputedFunction.RiseOverAverage,
        ["new_start"] = ComputedFunction.NewStart,
        ["days_ago"] = ComputedFunction.DaysAgo,
    };

    internal static RuleSet? Parse(YamlReader r, YamlMappingNode root)
    {
        r.AllowKeys(root, "factors", "computed", "hip", "rules");
        var factors = new List<FactorDefinition>();
        foreach (var map in r.Maps(root, "factors"))
        {
            r.AllowKeys(map, "id", "label", "description");
            var id = r.Text(map, "id");
            var label = r.Text(map, "label");
            var description = r.Text(map, "description");
            if (id is not null && label is not null && description is not null)
            {
                factors.Add(new FactorDefinition(id, label, description, r.At(map)));
            }
        }

        var computed = new List<ComputedDefinition>();
        foreach (var map in r.Maps(root, "computed", required: false))
        {
            r.AllowKeys(map, "id", "label", "function", "inputs", "unit_from");
            var id = r.Text(map, "id");
            var label = r.Text(map, "label");
            var functionName = r.Text(map, "function");
            var inputs = r.TextList(map, "inputs", required: true);
            ComputedFunction function = default;
            if (functionName is not null && !Functions.TryGetValue(functionName, out function))
            {
                r.Problem(YamlReader.Node(map, "function")!, $"unknown function '{functionName}' (expected one of: {string.Join(", ", Functions.Keys)})");
                functionName = null;
            }
            if (id is not null && label is not null && functionName is not null)
            {
                computed.Add(new ComputedDefinition(id, label, function, inputs, r.Text(map, "unit_from", required: false), r.At(map)));
            }
        }

        var hip = ParseHip(r, r.Map(root, "hip"));

        var rules = new List<Rule>();
        foreach (var map in r.Maps(root, "rules"))
        {
            r.AllowKeys(map, "id", "when", "triage", "flag", "factor", "weight", "guidance", "priority", "because");
            var id = r.Text(map, "id");
            var whenNode = YamlReader.Node(map, "when");
            if (whenNode is null)
            {
                r.Problem(map, "missing required field 'when'");
            }
            var when = whenNode is null ? null : ConditionParser.Parse(r, whenNode);
            var because = r.Text(map, "because");
            var triageText = r.Text(map, "triage", required: false);
            TriageLevel? triage = null;
            if (triageText is not null)
            {
                if (TriageLevels.Ids.TryParse(triageText, out var tier))
                {
                    triage = tier;
                }
                else
                {
                    r.Problem(YamlReader.Node(map, "triage")!, $"unknown triage tier '{triageText}' (expected one of: {string.Join(", ", TriageLevels.Ids.All)})");
                }
            }
            if (id is null || when is null || because is null)
            {
                continue;
            }
            rules.Add(new Rule
            {
                Id = id,
                When = when,
                Triage = triage,
                Flag = r.Text(map, "flag", required: false),
                Factor = r.Text(map, "factor", required: false),
                Weight = r.Integer(map, "weight") ?? 1,
                Guidance = r.TextList(map, "guidance"),
                Priority = r.Integer(map, "priority") ?? 0,
                Because = ReasonTemplate.Parse(because),
                Location = r.At(map),
            });
        }
        return hip is null ? null : new RuleSet { Factors = factors, Computed = computed, Hip = hip, Rules = rules };
    }

    private static HipDefinition? ParseHip(YamlReader r, YamlMappingNode? map)
    {
        if (map is null)
        {
            return null;
        }
        r.AllowKeys(map, "patterns", "leading_sign", "possible_at", "likely_at", "likely_with_leading_sign_at");
        HipPattern? Pattern(YamlMappingNode node)
        {
            r.AllowKeys(node, "id", "label", "when");
            var id = r.Text(node, "id");
            var label = r.Text(node, "label");
            var whenNode = YamlReader.Node(node, "when");
            if (whenNode is null)
            {
                r.Problem(node, "missing required field 'when'");
            }
            var when = whenNode is null ? null : ConditionParser.Parse(r, whenNode);
            return id is null || label is null || when is null ? null : new HipPattern(id, label, when, r.At(node));
        }
        var patterns = r.Maps(map, "patterns").Select(Pattern).OfType<HipPattern>().ToList();
        var leadingMap = r.Map(map, "leading_sign");
        var leading = leadingMap is null ? null : Pattern(leadingMap);
        var possibleAt = r.Integer(map, "possible_at", required: true);
        var likelyAt = r.Integer(map, "likely_at", required: true);
        var likelyWithLeading = r.Integer(map, "likely_with_leading_sign_at", required: true);
        return leading is null || possibleAt is null || likelyAt is null || likelyWithLeading is null
            ? null
            : new HipDefinition(patterns, leading, possibleAt.Value, likelyAt.Value, likelyWithLeading.Value);
    }
}
