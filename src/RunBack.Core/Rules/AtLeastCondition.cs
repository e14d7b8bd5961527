namespace RunBack.Core.Rules;

/// <summary>
/// At least <see cref="Count"/> of its parts hold (from release 2027.1.0: NICE NG65's "4 or more of these features").
/// Older releases do not use it, so they evaluate exactly as before.
/// </summary>
public sealed class AtLeastCondition(int count, IReadOnlyList<Condition> parts) : Condition
{
    private readonly Condition[] _parts = [.. parts];

    public int Count { get; } = count;

    public IReadOnlyList<Condition> Parts => _parts;

    public override bool Evaluate(EvaluationScope scope)
    {
        var held = 0;
        foreach (var part in _parts)
        {
            if (part.Evaluate(scope) && ++held >= Count)
            {
                return true;
            }
        }
        return false;
    }

    public override IEnumerable<Comparison> Leaves() => Parts.SelectMany(p => p.Leaves());

    internal override void CollectEvidence(EvaluationScope scope, List<ValueRef> into)
    {
        foreach (var part in Parts)
        {
            if (part.Evaluate(scope))
            {
                part.CollectEvidence(scope, into);
            }
        }
    }
}
