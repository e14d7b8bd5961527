using System.Globalization;
using RunBack.Core.Content;
using RunBack.Core.Questionnaire;

namespace RunBack.Core.Rules;

/// <summary>
/// Turns one set of answers and one content release into an <see cref="Assessment"/>. Pure: the day of the
/// check-in is passed in, nothing is read from a clock, a file or a database, so the same inputs always give
/// the same result and a stored check-in can be re-evaluated years later.
/// </summary>
public static class RulesEngine
{
    private const double KilometresToMiles = 0.621371;
    /// <summary>Numbers and dates in the runner's culture, which the web app sets per request (en-GB by default).</summary>
    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    public static Assessment Evaluate(ContentRelease release, AnswerSet answers, DateOnly today)
    {
        var rules = release.Rules;
        var computed = new ComputedValues(rules.Computed.Count + 2);
        foreach (var definition in rules.Computed)
        {
            if (ComputedFunctions.TryEvaluate(definition, answers, today) is { } added)
            {
                computed.Add(definition.Id, definition.Label, added.Value, added.Display);
                continue;
            }
            var value = Compute(definition, answers, today);
            computed.Add(definition.Id, definition.Label, value, Display(definition, value, answers));
        }

        // The hip component, from the patterns that point to it and whether the hip stiffens first.
        var scope = new EvaluationScope(answers, computed);
        var hip = rules.Hip;
        var matched = new List<MatchedHipPattern>();
        var matchedPatterns = new List<HipPattern>();
        foreach (var pattern in hip.Patterns)
        {
            if (pattern.When.Evaluate(scope))
            {
                matched.Add(new MatchedHipPattern(pattern.Id, pattern.Label));
                matchedPatterns.Add(pattern);
            }
        }
        var hipFirst = hip.LeadingSign.When.Evaluate(scope);
        var component = matched.Count >= hip.LikelyAt || (hipFirst && matched.Count >= hip.LikelyWithLeadingSignAt)
            ? HipComponent.Likely
            : matched.Count >= hip.PossibleAt ? HipComponent.Possible : HipComponent.None;
        computed.Add(RuleSet.HipComponentValue, "Hip component", AnswerValue.Of(component.Id()), HipComponentLabel(component));
        computed.Add(RuleSet.HipPatternCountValue, "Hip patterns that match", AnswerValue.Of(matched.Count),
            matched.Count.ToString(Culture));

        var triage = TriageLevel.SelfCare;
        var flags = new List<RaisedFlag>();
        var fired = new List<string>();
        var factors = new Dictionary<string, FactorAccumulator>(StringComparer.Ordinal);
        var guidance = new Dictionary<string, GuidanceAccumulator>(StringComparer.Ordinal);
        var evidenceRefs = new List<ValueRef>(4);

        for (var ruleIndex = 0; ruleIndex < rules.Rules.Count; ruleIndex++)
        {
            var rule = rules.Rules[ruleIndex];
            if (!rule.When.Evaluate(scope))
            {
                continue;
            }
            fired.Add(rule.Id);
            evidenceRefs.Clear();
            rule.When.CollectEvidence(scope, evidenceRefs);
            var evidence = ToEvidence(release, evidenceRefs, answers, computed, scope, matchedPatterns);
            var reason = rule.Because.Fill(id => ValueText(release, id, answers, computed));

            if (rule.Triage is { } tier && tier > TriageLevel.SelfCare)
            {
                if (tier > triage)
                {
                    triage = tier;
                }
                flags.Add(new RaisedFlag(rule.Id, rule.Flag!, tier, evidence));
            }
            var factorStrength = 0;
            if (rule.Factor is not null)
            {
                if (!factors.TryGetValue(rule.Factor, out var factor))
                {
                    factor = new FactorAccumulator(rules.FindFactor(rule.Factor)!, factors.Count);
                    factors.Add(rule.Factor, factor);
                }
                factor.Add(rule, evidence);
                factorStrength = factor.Strength;
            }
            for (var position = 0; position < rule.Guidance.Count; position++)
            {
                var itemId = rule.Guidance[position];
                if (!guidance.TryGetValue(itemId, out var item))
                {
                    item = new GuidanceAccumulator(release.FindItem(itemId)!);
                    guidance.Add(itemId, item);
                }
                item.Add(rule, reason, evidence, (ruleIndex * 64) + position);
            }
        }

        var factorList = factors.Values
            .OrderByDescending(f => f.Strength)
            .ThenBy(f => f.Order)
            .Select(f => new RaisedFactor(f.Definition.Id, f.Definition.Label, f.Definition.Description, f.Strength, f.Evidence, f.RuleIds))
            .ToList();

        var guidanceList = guidance.Values
            .Select(g => (Item: g, Strength: g.FactorIds.Count == 0 ? 0 : g.FactorIds.Max(id => factors[id].Strength)))
            .OrderByDescending(g => g.Item.Tier)
            .ThenByDescending(g => g.Strength)
            .ThenByDescending(g => g.Item.Priority)
            .ThenBy(g => g.Item.Order)
            .Select(g => new SelectedGuidance(g.Item.Item, g.Item.Tier > TriageLevel.SelfCare, g.Item.Reasons, g.Item.Evidence,
                g.Item.RuleIds, g.Strength))
            .ToList();

        flags.Sort((a, b) => b.Level.CompareTo(a.Level));
        return new Assessment(release.Id, triage, flags, factorList, new HipAssessment(component, matched, hipFirst),
            guidanceList, computed.Results, fired);
    }

    public static string HipComponentLabel(HipComponent component) => component switch
    {
        HipComponent.Likely => "Likely",
        HipComponent.Possible => "Possible",
        _ => "None",
    };

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
                return rounded > 0 ? $"+{rounded.ToString("0", Culture)}%" : $"{rounded.ToString("0", Culture)}%";
            case ComputedFunction.DistanceInMiles:
                var km = n / KilometresToMiles;
                var unit = definition.UnitFrom is null ? null : answers.Get(definition.UnitFrom).Text;
                return unit == "km"
                    ? $"{km.ToString("0", Culture)} km (about {n.ToString("0", Culture)} miles)"
                    : $"{n.ToString("0", Culture)} miles (about {km.ToString("0", Culture)} km)";
            case ComputedFunction.DaysSince:
                return n switch
                {
                    0 => "today",
                    1 => "1 day",
                    _ => $"{n.ToString("0", Culture)} days",
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

    private static List<Evidence> ToEvidence(ContentRelease release, List<ValueRef> refs, AnswerSet answers, ComputedValues computed,
        EvaluationScope scope, List<HipPattern> hipPatterns)
    {
        if (refs.Exists(r => r.Source == ValueSource.Computed && r.Id == RuleSet.HipComponentValue))
        {
            // "Hip component: likely" explains nothing: name the answers behind the patterns that matched.
            refs = [.. refs.Where(r => r.Id != RuleSet.HipComponentValue)];
            foreach (var pattern in hipPatterns)
            {
                pattern.When.CollectEvidence(scope, refs);
            }
        }
        var list = new List<Evidence>(refs.Count);
        foreach (var reference in refs)
        {
            if (list.Exists(e => e.Id == reference.Id))
            {
                continue;
            }
            if (reference.Source == ValueSource.Computed)
            {
                var result = computed.Find(reference.Id);
                if (result is not null)
                {
                    list.Add(new Evidence(result.Id, result.Label, result.Display));
                }
                continue;
            }
            var question = release.Questionnaire.Find(reference.Id);
            if (question is not null)
            {
                list.Add(new Evidence(question.Id, question.Label, AnswerFormatter.Format(question, answers.Get(question.Id), answers)));
            }
        }
        return list;
    }

    private sealed class ComputedValues(int capacity) : IComputedValues
    {
        public List<ComputedResult> Results { get; } = new(capacity);

        public void Add(string id, string label, AnswerValue value, string display) =>
            Results.Add(new ComputedResult(id, label, value, display));

        public ComputedResult? Find(string id)
        {
            foreach (var result in Results)
            {
                if (result.Id == id)
                {
                    return result;
                }
            }
            return null;
        }

        public AnswerValue ValueOf(string id) => Find(id)?.Value ?? AnswerValue.None;
    }

    private sealed class FactorAccumulator(FactorDefinition definition, int order)
    {
        public FactorDefinition Definition { get; } = definition;
        public int Order { get; } = order;
        public int Strength { get; private set; }
        public List<Evidence> Evidence { get; } = [];
        public List<string> RuleIds { get; } = [];

        public void Add(Rule rule, List<Evidence> evidence)
        {
            Strength += rule.Weight;
            RuleIds.Add(rule.Id);
            MergeEvidence(Evidence, evidence);
        }
    }

    private sealed class GuidanceAccumulator(GuidanceItem item)
    {
        public GuidanceItem Item { get; } = item;
        /// <summary>Where the rule that gave the highest priority listed this item: breaks ties in that rule's order.</summary>
        public int Order { get; private set; } = int.MaxValue;
        public TriageLevel Tier { get; private set; }
        public int Priority { get; private set; } = int.MinValue;
        public List<string> Reasons { get; } = [];
        public List<Evidence> Evidence { get; } = [];
        public List<string> RuleIds { get; } = [];
        public List<string> FactorIds { get; } = [];

        public void Add(Rule rule, string reason, List<Evidence> evidence, int order)
        {
            if (rule.Triage is { } tier && tier > Tier)
            {
                Tier = tier;
            }
            if (rule.Priority > Priority || (rule.Priority == Priority && order < Order))
            {
                Priority = rule.Priority;
                Order = order;
            }
            if (!Reasons.Contains(reason))
            {
                Reasons.Add(reason);
            }
            RuleIds.Add(rule.Id);
            if (rule.Factor is not null && !FactorIds.Contains(rule.Factor))
            {
                FactorIds.Add(rule.Factor);
            }
            MergeEvidence(Evidence, evidence);
        }
    }

    private static void MergeEvidence(List<Evidence> into, List<Evidence> evidence)
    {
        foreach (var e in evidence)
        {
            if (!into.Exists(x => x.Id == e.Id))
            {
                into.Add(e);
            }
        }
    }
}
