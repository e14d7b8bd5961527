using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace RunBack.Core;

/// <summary>
/// The one map between an enum and the stable ids that stand for it in content files, the API, storage and CSS.
/// An id, once published, never changes: content releases, saved check-ins and exports depend on it.
/// </summary>
public sealed class StableIds<T>
    where T : struct, Enum
{
    private readonly FrozenDictionary<T, string> _ids;
    private readonly FrozenDictionary<string, T> _values;

    public StableIds(params (T Value, string Id)[] pairs)
    {
        _ids = pairs.ToFrozenDictionary(p => p.Value, p => p.Id);
        _values = pairs.ToFrozenDictionary(p => p.Id, p => p.Value, StringComparer.Ordinal);
        if (_ids.Count != Enum.GetValues<T>().Length || _values.Count != pairs.Length)
        {
            throw new ArgumentException($"Every {typeof(T).Name} needs exactly one id.", nameof(pairs));
        }
        All = [.. pairs.Select(p => p.Id)];
    }

    /// <summary>Every id, in declaration order (for messages such as "expected one of: …").</summary>
    public IReadOnlyList<string> All { get; }

    public string Id(T value) => _ids[value];

    public bool TryParse([NotNullWhen(true)] string? id, out T value)
    {
        value = default;
        return id is not null && _values.TryGetValue(id, out value);
    }

    public T? Parse(string? id) => TryParse(id, out var value) ? value : null;
}
