using System.Collections.Immutable;
using System.Globalization;

namespace RunBack.Core.Questionnaire;

public enum AnswerValueKind
{
    None,
    Bool,
    Number,
    Text,
    Options,
    Date,
}

/// <summary>One answer (or one computed value): a yes/no, a number, an option id, a set of option ids or a date.</summary>
public readonly record struct AnswerValue
{
    private AnswerValue(AnswerValueKind kind, bool flag = false, double number = 0, string? text = null,
        ImmutableArray<string> options = default, DateOnly date = default)
    {
        Kind = kind;
        Flag = flag;
        Number = number;
        Text = text;
        _optionIds = options;
        Date = date;
    }

    private readonly ImmutableArray<string> _optionIds;

    public AnswerValueKind Kind { get; }
    public bool Flag { get; }
    public double Number { get; }
    public string? Text { get; }
    /// <summary>The chosen option ids; empty (never a default array) for every other kind, <see cref="None"/> included.</summary>
    public ImmutableArray<string> OptionIds => _optionIds.IsDefault ? [] : _optionIds;
    public DateOnly Date { get; }

    public bool IsNone => Kind == AnswerValueKind.None;

    public static AnswerValue None => default;
    public static AnswerValue Of(bool value) => new(AnswerValueKind.Bool, flag: value);
    public static AnswerValue Of(double value) => new(AnswerValueKind.Number, number: value);
    public static AnswerValue Of(string option) => new(AnswerValueKind.Text, text: option);
    public static AnswerValue Of(DateOnly date) => new(AnswerValueKind.Date, date: date);
    public static AnswerValue OfOptions(IEnumerable<string> optionIds) =>
        new(AnswerValueKind.Options, options: [.. optionIds.Distinct(StringComparer.Ordinal)]);

    public bool Includes(string optionId) => Kind == AnswerValueKind.Options && OptionIds.Contains(optionId);

    /// <summary>A stable, culture-invariant text form, used for equality tests and storage.</summary>
    public override string ToString() => Kind switch
    {
        AnswerValueKind.Bool => Flag ? "yes" : "no",
        AnswerValueKind.Number => Number.ToString("0.##", CultureInfo.InvariantCulture),
        AnswerValueKind.Text => Text ?? "",
        AnswerValueKind.Options => string.Join(",", OptionIds),
        AnswerValueKind.Date => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => "",
    };

    public bool Equals(AnswerValue other) =>
        Kind == other.Kind && Kind switch
        {
            AnswerValueKind.Options => OptionIds.SequenceEqual(other.OptionIds),
            _ => Flag == other.Flag && Number.Equals(other.Number) &&
                 string.Equals(Text, other.Text, StringComparison.Ordinal) && Date == other.Date,
        };

    public override int GetHashCode() => HashCode.Combine(Kind, ToString());
}

/// <summary>An immutable set of answers keyed by question id.</summary>
public sealed class AnswerSet
{
    public static readonly AnswerSet Empty = new(ImmutableDictionary<string, AnswerValue>.Empty.WithComparers(StringComparer.Ordinal));

    private readonly ImmutableDictionary<string, AnswerValue> _values;

    private AnswerSet(ImmutableDictionary<string, AnswerValue> values) => _values = values;

    public static AnswerSet From(IEnumerable<KeyValuePair<string, AnswerValue>> values) =>
        Empty.SetMany(values);

    public IReadOnlyDictionary<string, AnswerValue> Values => _values;

    public int Count => _values.Count;

    public AnswerValue Get(string questionId) => _values.GetValueOrDefault(questionId);

    public AnswerSet Set(string questionId, AnswerValue value) =>
        value.IsNone ? Remove(questionId) : new(_values.SetItem(questionId, value));

    public AnswerSet SetMany(IEnumerable<KeyValuePair<string, AnswerValue>> values)
    {
        var builder = _values.ToBuilder();
        foreach (var (key, value) in values)
        {
            if (value.IsNone)
            {
                builder.Remove(key);
            }
            else
            {
                builder[key] = value;
            }
        }
        return new(builder.ToImmutable());
    }

    public AnswerSet Remove(string questionId) => new(_values.Remove(questionId));

    /// <summary>Drops answers to questions that the current answers hide, so a changed answer cannot leave stale ones behind.</summary>
    public AnswerSet WithoutHidden(QuestionnaireDefinition questionnaire)
    {
        var current = this;
        // Visibility can depend on answers that are themselves hidden: repeat until nothing changes.
        for (var pass = 0; pass < 8; pass++)
        {
            var hidden = current._values.Keys
                .Select(questionnaire.Find)
                .Where(q => q is not null && !q.IsVisible(current))
                .Select(q => q!.Id)
                .ToList();
            if (hidden.Count == 0)
            {
                return current;
            }
            current = new(current._values.RemoveRange(hidden));
        }
        return current;
    }
}
