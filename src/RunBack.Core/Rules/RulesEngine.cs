using System.Globalization;
using RunBack.Core.Content;
using RunBack.Core.Questionnaire;

namespace RunBack.Core.Rules;

/// <summary>
/// Turns one set of answers and one content release into an <see cref="Assessment"/>. Pure: the day of the
/// check-in is passed in, nothing is read from a clock, a file or a database, so the same inputs always give
/// the same result and a stored check-in can be re-evaluated years later.
/// </summary>
public static partial class RulesEngine
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
}
