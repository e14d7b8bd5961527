using RunBack.Core.Content;
using RunBack.Core.Questionnaire;

namespace RunBack.Core.Rules;

/// <summary>The answers behind each rule that fired, gathered per factor and guidance item.</summary>
public static partial class RulesEngine
{
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
