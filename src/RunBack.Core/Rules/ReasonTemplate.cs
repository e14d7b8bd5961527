using System.Text;

namespace RunBack.Core.Rules;

/// <summary>
/// A plain-words reason with placeholders such as <c>{weekly_increase_pct}</c>, parsed once when the
/// content loads so that filling it in on every evaluation is a simple walk over its parts.
/// </summary>
public sealed class ReasonTemplate
{
    private readonly (string Text, bool IsPlaceholder)[] _parts;

    private ReasonTemplate(string source, (string, bool)[] parts)
    {
        Source = source;
        _parts = parts;
    }

    public string Source { get; }

    public IEnumerable<string> Placeholders => _parts.Where(p => p.IsPlaceholder).Select(p => p.Text);

    public static ReasonTemplate Parse(string text)
    {
        var parts = new List<(string, bool)>();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf('{', position);
            var close = open < 0 ? -1 : text.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                parts.Add((text[position..], false));
                break;
            }
            if (open > position)
            {
                parts.Add((text[position..open], false));
            }
            parts.Add((text[(open + 1)..close].Trim(), true));
            position = close + 1;
        }
        return new ReasonTemplate(text, [.. parts]);
    }

    public string Fill(Func<string, string> valueOf)
    {
        if (_parts.Length == 1 && !_parts[0].IsPlaceholder)
        {
            return Typography.KeepUnits(_parts[0].Text);
        }
        var builder = new StringBuilder(Source.Length + 16);
        foreach (var (text, isPlaceholder) in _parts)
        {
            builder.Append(isPlaceholder ? valueOf(text) : text);
        }
        return Typography.KeepUnits(builder.ToString());
    }
}
