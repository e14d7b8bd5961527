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
    /// <summary>
    /// The engine's version, stored in every result snapshot. Content is hash-locked, engine code is not: a change to the
    /// engine that changes what a runner is told bumps this, and the replay goldens are regenerated (README, "Testing").
    /// Version 2 (issue 26 item 5): numbers are joined to their units by a no-break space ("20 %", "950 km") in the
    /// evidence of every release; nothing else a runner is told changed.
    /// </summary>
    public const int Version = 2;

    private const double KilometresToMiles = 0.621371;
    /// <summary>Numbers and dates in the runner's culture, which the web app sets per request (en-GB by default).</summary>
    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    /// <summary>
    /// Evaluates the answers. <see cref="AssessmentDetail.Full"/> (the default) also builds the words that explain the
    /// result: the evidence behind each flag, factor and guidance item, the reasons, and how each computed value reads.
    /// <see cref="AssessmentDetail.Decisions"/> leaves those empty and gives the same tier, flags, factors, hip
    /// component, ranked guidance and fired rules, for callers that only act on them (the live banner, a save).
    /// </summary>
    public static Assessment Evaluate(ContentRelease release, AnswerSet answers, DateOnly today, AssessmentDetail detail = AssessmentDetail.Full)
    {
        var explain = detail == AssessmentDetail.Full;
        var rules = release.Rules;
        var computed = new ComputedValues(rules.Computed.Count + 2);
        for (var d = 0; d < rules.Computed.Count; d++)
        {
            var definition = rules.Computed[d];
            if (ComputedFunctions.TryEvaluate(definition, answers, today, explain) is { } added)
            {
                computed.Add(definition.Id, definition.Label, added.Value, added.Display);
                continue;
            }
            var value = Compute(definition, answers, today);
            computed.Add(definition.Id, definition.Label, value, explain ? Display(definition, value, answers) : "");
        }

        // The hip component, from the patterns that point to it and whether the hip stiffens first.
        var scope = new EvaluationScope(answers, computed);
        var hip = rules.Hip;
        var matched = new List<MatchedHipPattern>();
        var matchedPatterns = new List<HipPattern>();
        for (var p = 0; p < hip.Patterns.Count; p++)
        {
            var pattern = hip.Patterns[p];
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
            explain ? matched.Count.ToString(Culture) : "");

        var triage = TriageLevel.SelfCare;
        var flags = new List<RaisedFlag>();
        var fired = new List<string>();
        // Lists searched by id: a handful of entries each, cheaper than dictionaries on this hot path.
        var factors = new List<FactorAccumulator>(8);
        var guidance = new List<GuidanceAccumulator>(16);
        var evidenceRefs = explain ? new List<ValueRef>(4) : null;

        for (var ruleIndex = 0; ruleIndex < rules.Rules.Count; ruleIndex++)
        {
            var rule = rules.Rules[ruleIndex];
            if (!rule.When.Evaluate(scope))
            {
                continue;
            }
            fired.Add(rule.Id);
            List<Evidence> evidence = NoEvidence;
            string? reason = null;
            if (evidenceRefs is not null)
            {
                evidenceRefs.Clear();
                rule.When.CollectEvidence(scope, evidenceRefs);
                evidence = ToEvidence(release, evidenceRefs, answers, computed, scope, matchedPatterns);
                reason = rule.Because.Fill(id => ValueText(release, id, answers, computed));
            }

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
                var factor = FindFactor(factors, rule.Factor);
                if (factor is null)
                {
                    factor = new FactorAccumulator(rules.FindFactor(rule.Factor)!, factors.Count, explain);
                    factors.Add(factor);
                }
                factor.Add(rule, evidence);
                factorStrength = factor.Strength;
            }
            for (var position = 0; position < rule.Guidance.Count; position++)
            {
                var itemId = rule.Guidance[position];
                var item = FindItem(guidance, itemId);
                if (item is null)
                {
                    item = new GuidanceAccumulator(release.FindItem(itemId)!, guidance.Count, explain);
                    guidance.Add(item);
                }
                item.Add(rule, reason, evidence, (ruleIndex * 64) + position);
            }
        }

        // Ranked with plain sorts (each comparison ends on a unique order, so the result is the same as a stable sort).
        var rankedFactors = factors;
        rankedFactors.Sort(static (a, b) => a.Strength != b.Strength ? b.Strength.CompareTo(a.Strength) : a.Order.CompareTo(b.Order));
        var factorList = new List<RaisedFactor>(rankedFactors.Count);
        foreach (var f in rankedFactors)
        {
            factorList.Add(new RaisedFactor(f.Definition.Id, f.Definition.Label, f.Definition.Description, f.Strength, f.Evidence, f.RuleIds));
        }

        var rankedGuidance = guidance;
        foreach (var item in rankedGuidance)
        {
            for (var f = 0; f < item.FactorCount; f++)
            {
                var factor = FindFactor(factors, item.FactorId(f))!;
                if (item.StrongestFactor is null || factor.Strength > item.Strength)
                {
                    item.StrongestFactor = factor.Definition.Id;
                }
                item.Strength = Math.Max(item.Strength, factor.Strength);
            }
        }
        rankedGuidance.Sort(static (a, b) =>
            a.Tier != b.Tier ? b.Tier.CompareTo(a.Tier)
            : a.Strength != b.Strength ? b.Strength.CompareTo(a.Strength)
            : a.Priority != b.Priority ? b.Priority.CompareTo(a.Priority)
            : a.Order != b.Order ? a.Order.CompareTo(b.Order)
            : a.Added.CompareTo(b.Added));
        var guidanceList = new List<SelectedGuidance>(rankedGuidance.Count);
        foreach (var g in rankedGuidance)
        {
            guidanceList.Add(new SelectedGuidance(g.Item, g.Tier > TriageLevel.SelfCare, g.Reasons, g.Evidence, g.RuleIds, g.Strength, g.StrongestFactor));
        }

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
