using System.Collections.Immutable;
using RunBack.Core.Content;
using RunBack.Core.Questionnaire;

namespace RunBack.Core.Rules;

public enum ValueSource
{
    Answer,
    Computed,
}

/// <summary>A name a condition reads: an answer to a question or a computed value.</summary>
public readonly record struct ValueRef(ValueSource Source, string Id)
{
    public override string ToString() => Source == ValueSource.Answer ? $"answer '{Id}'" : $"computed value '{Id}'";
}

public interface IComputedValues
{
    AnswerValue ValueOf(string id);
}

public sealed class NoComputedValues : IComputedValues
{
    public static readonly NoComputedValues Instance = new();

    public AnswerValue ValueOf(string id) => AnswerValue.None;
}

public readonly record struct EvaluationScope(AnswerSet Answers, IComputedValues Computed)
{
    public AnswerValue Get(ValueRef value) =>
        value.Source == ValueSource.Answer ? Answers.Get(value.Id) : Computed.ValueOf(value.Id);
}

/// <summary>A declarative condition over answers and computed values.</summary>
public abstract class Condition
{
    public SourceLocation Location { get; init; } = SourceLocation.None;

    public abstract bool Evaluate(EvaluationScope scope);

    /// <summary>Every value this condition reads (for validating content).</summary>
    public abstract IEnumerable<Comparison> Leaves();

    /// <summary>The values whose comparisons held and so made this condition true: the "because" of a rule.</summary>
    internal abstract void CollectEvidence(EvaluationScope scope, List<ValueRef> into);
}

public sealed class AllCondition(IReadOnlyList<Condition> parts) : Condition
{
    // An array, walked by index: evaluating a rule allocates nothing (a foreach over the interface would box an enumerator).
    private readonly Condition[] _parts = [.. parts];

    public IReadOnlyList<Condition> Parts => _parts;

    public override bool Evaluate(EvaluationScope scope)
    {
        foreach (var part in _parts)
        {
            if (!part.Evaluate(scope))
            {
                return false;
            }
        }
        return true;
    }

    public override IEnumerable<Comparison> Leaves() => Parts.SelectMany(p => p.Leaves());

    internal override void CollectEvidence(EvaluationScope scope, List<ValueRef> into)
    {
        foreach (var part in Parts)
        {
            part.CollectEvidence(scope, into);
        }
    }
}

public sealed class AnyCondition(IReadOnlyList<Condition> parts) : Condition
{
    // An array, walked by index: evaluating a rule allocates nothing (a foreach over the interface would box an enumerator).
    private readonly Condition[] _parts = [.. parts];

    public IReadOnlyList<Condition> Parts => _parts;

    public override bool Evaluate(EvaluationScope scope)
    {
        foreach (var part in _parts)
        {
            if (part.Evaluate(scope))
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

public sealed class NotCondition(Condition inner) : Condition
{
    public Condition Inner { get; } = inner;

    public override bool Evaluate(EvaluationScope scope) => !Inner.Evaluate(scope);

    public override IEnumerable<Comparison> Leaves() => Inner.Leaves();

    internal override void CollectEvidence(EvaluationScope scope, List<ValueRef> into)
    {
        // A "not" holds because something is absent: name the values it looked at that were answered.
        foreach (var leaf in Inner.Leaves())
        {
            if (!scope.Get(leaf.Value).IsNone)
            {
                into.Add(leaf.Value);
            }
        }
    }
}

public enum CompareOperator
{
    Equals,
    In,
    GreaterThan,
    GreaterOrEqual,
    LessThan,
    LessOrEqual,
    Includes,
    Answered,
}

public sealed class Comparison(ValueRef value, CompareOperator op, ImmutableArray<AnswerValue> operands) : Condition
{
    public ValueRef Value { get; } = value;
    public CompareOperator Operator { get; } = op;
    public ImmutableArray<AnswerValue> Operands { get; } = operands;

    public override bool Evaluate(EvaluationScope scope)
    {
        var actual = scope.Get(Value);
        if (Operator == CompareOperator.Answered)
        {
            return !actual.IsNone == Operands[0].Flag;
        }
        if (actual.IsNone)
        {
            return false;
        }
        switch (Operator)
        {
            case CompareOperator.Equals:
            case CompareOperator.In:
                foreach (var operand in Operands)
                {
                    if (Matches(actual, operand))
                    {
                        return true;
                    }
                }
                return false;
            case CompareOperator.Includes:
                foreach (var operand in Operands)
                {
                    if (actual.Includes(operand.Text ?? ""))
                    {
                        return true;
                    }
                }
                return false;
            default:
                if (actual.Kind != AnswerValueKind.Number)
                {
                    return false;
                }
                var limit = Operands[0].Number;
                return Operator switch
                {
                    CompareOperator.GreaterThan => actual.Number > limit,
                    CompareOperator.GreaterOrEqual => actual.Number >= limit,
                    CompareOperator.LessThan => actual.Number < limit,
                    CompareOperator.LessOrEqual => actual.Number <= limit,
                    _ => false,
                };
        }
    }

    private static bool Matches(AnswerValue actual, AnswerValue expected) => actual.Kind switch
    {
        AnswerValueKind.Bool => expected.Kind == AnswerValueKind.Bool && actual.Flag == expected.Flag,
        AnswerValueKind.Number => expected.Kind == AnswerValueKind.Number && actual.Number.Equals(expected.Number),
        AnswerValueKind.Text => expected.Kind == AnswerValueKind.Text && string.Equals(actual.Text, expected.Text, StringComparison.Ordinal),
        _ => false,
    };

    public override IEnumerable<Comparison> Leaves() => [this];

    internal override void CollectEvidence(EvaluationScope scope, List<ValueRef> into)
    {
        if (Evaluate(scope) && !scope.Get(Value).IsNone)
        {
            into.Add(Value);
        }
    }
}
