using RunBack.Core.Content;
using RunBack.Core.Questionnaire;

namespace RunBack.Core.Rules;

/// <summary>The answers behind each rule that fired, gathered per factor and guidance item.</summary>
public static partial class RulesEngine
{
    /// <summary>What a decisions-only evaluation gives every flag, factor and guidance item: nothing is added to it.</summary>
    private static readonly List<Evidence> NoEvidence = [];
    private static readonly List<string> NoReasons = [];

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
            if (list.Exists(e => e.Id == reference.Id) || IsUnitOfAnother(release, refs, reference))
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

    /// <summary>
    /// A unit question ("Distance unit: Kilometres") is not a reason of its own: the number it belongs to is shown with
    /// its unit ("Shoe distance: 700 km"), so it is left out wherever that number is part of the same evidence.
    /// </summary>
    private static bool IsUnitOfAnother(ContentRelease release, List<ValueRef> refs, ValueRef reference) =>
        reference.Source != ValueSource.Computed
        && refs.Exists(other => other.Source != ValueSource.Computed && other.Id != reference.Id
            && release.Questionnaire.Find(other.Id)?.UnitFrom == reference.Id);

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

    private sealed class FactorAccumulator(FactorDefinition definition, int order, bool explain)
    {
        public FactorDefinition Definition { get; } = definition;
        public int Order { get; } = order;
        public int Strength { get; private set; }
        public List<Evidence> Evidence { get; } = explain ? [] : NoEvidence;
        public List<string> RuleIds { get; } = new(2);

        public void Add(Rule rule, List<Evidence> evidence)
        {
            Strength += rule.Weight;
            RuleIds.Add(rule.Id);
            MergeEvidence(Evidence, evidence);
        }
    }

    private sealed class GuidanceAccumulator(GuidanceItem item, int added, bool explain)
    {
        public GuidanceItem Item { get; } = item;
        /// <summary>When the item was first selected: the last tie-break, so ranking never depends on the sort.</summary>
        public int Added { get; } = added;
        /// <summary>The strength of its strongest factor (0 without one), set once every rule has been seen.</summary>
        public int Strength { get; set; }
        /// <summary>The factor that gave <see cref="Strength"/> (the first of equals), for an explanation shown with it.</summary>
        public string? StrongestFactor { get; set; }
        /// <summary>Where the rule that gave the highest priority listed this item: breaks ties in that rule's order.</summary>
        public int Order { get; private set; } = int.MaxValue;
        public TriageLevel Tier { get; private set; }
        public int Priority { get; private set; } = int.MinValue;
        public List<string> Reasons { get; } = explain ? [] : NoReasons;
        public List<Evidence> Evidence { get; } = explain ? [] : NoEvidence;
        public List<string> RuleIds { get; } = new(2);
        private string? _factor;
        private List<string>? _moreFactors;

        /// <summary>The factors of the rules behind the item: mostly none or one, so a list only when there are more.</summary>
        public int FactorCount => _factor is null ? 0 : 1 + (_moreFactors?.Count ?? 0);

        public string FactorId(int index) => index == 0 ? _factor! : _moreFactors![index - 1];

        public void Add(Rule rule, string? reason, List<Evidence> evidence, int order)
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
            if (reason is not null && !Reasons.Contains(reason))
            {
                Reasons.Add(reason);
            }
            RuleIds.Add(rule.Id);
            if (rule.Factor is { } factor && factor != _factor && _moreFactors?.Contains(factor) != true)
            {
                if (_factor is null)
                {
                    _factor = factor;
                }
                else
                {
                    (_moreFactors ??= []).Add(factor);
                }
            }
            MergeEvidence(Evidence, evidence);
        }
    }

    private static FactorAccumulator? FindFactor(List<FactorAccumulator> factors, string id)
    {
        foreach (var factor in factors)
        {
            if (factor.Definition.Id == id)
            {
                return factor;
            }
        }
        return null;
    }

    private static GuidanceAccumulator? FindItem(List<GuidanceAccumulator> items, string id)
    {
        foreach (var item in items)
        {
            if (item.Item.Id == id)
            {
                return item;
            }
        }
        return null;
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
