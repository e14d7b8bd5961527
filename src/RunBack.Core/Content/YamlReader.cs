using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RunBack.Core.Content;

/// <summary>
/// Reads YAML through YamlDotNet's representation model so every value keeps its line, and
/// collects problems (instead of stopping at the first) so an author sees them all at once.
/// </summary>
internal sealed class YamlReader(string file, List<ContentProblem> problems, int lineOffset = 0)
{
    public string File { get; } = file;

    public SourceLocation At(YamlNode node) => new(File, (int)node.Start.Line + lineOffset);

    public SourceLocation At(Mark mark) => new(File, (int)mark.Line + lineOffset);

    public void Problem(YamlNode node, string message) => problems.Add(new(At(node), message));

    public void Problem(SourceLocation location, string message) => problems.Add(new(location, message));

    /// <summary>Parses a whole document; a syntax error becomes one problem with its line.</summary>
    public YamlMappingNode? LoadDocument(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                problems.Add(new(new(File, 1 + lineOffset), "expected a YAML mapping (key: value lines) at the top level"));
                return null;
            }
            return root;
        }
        catch (YamlException ex)
        {
            var message = (ex.InnerException?.Message ?? ex.Message).Trim();
            problems.Add(new(At(ex.Start), $"malformed YAML: {message}"));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
        {
            // YamlDotNet sometimes fails without a position: replay the parser to find the last line it read.
            problems.Add(new(new(File, LastReadableLine(text) + lineOffset),
                "malformed YAML: it cannot be read past this line (check brackets, quotes and indentation)"));
            return null;
        }
    }

    private static int LastReadableLine(string text)
    {
        var line = 1;
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                line = (int)(parser.Current?.End.Line ?? line);
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException or ArgumentException or FormatException)
        {
            // The line reached so far is the answer.
        }
        return line;
    }

    public void AllowKeys(YamlMappingNode map, params string[] allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                Problem(key, $"unknown field '{name}' (expected one of: {string.Join(", ", allowed)})");
            }
        }
    }

    public static YamlNode? Node(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public static bool Has(YamlMappingNode map, string key) => Node(map, key) is not null;

    public string? Text(YamlMappingNode map, string key, bool required = true)
    {
        var node = Node(map, key);
        if (node is null)
        {
            if (required)
            {
                Problem(map, $"missing required field '{key}'");
            }
            return null;
        }
        if (node is not YamlScalarNode scalar || string.IsNullOrWhiteSpace(scalar.Value))
        {
            Problem(node, $"'{key}' must be a non-empty text value");
            return null;
        }
        return scalar.Value.Trim();
    }

    public double? Number(YamlMappingNode map, string key, bool required = false)
    {
        var text = Text(map, key, required);
        if (text is null)
        {
            return null;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }
        Problem(Node(map, key)!, $"'{key}' must be a number, not '{text}'");
        return null;
    }

    public int? Integer(YamlMappingNode map, string key, bool required = false)
    {
        var value = Number(map, key, required);
        if (value is null)
        {
            return null;
        }
        if (value != Math.Floor(value.Value) || value is > int.MaxValue or < int.MinValue)
        {
            Problem(Node(map, key)!, $"'{key}' must be a whole number");
            return null;
        }
        return (int)value.Value;
    }

    public bool Flag(YamlMappingNode map, string key)
    {
        var text = Text(map, key, required: false);
        switch (text)
        {
            case null or "false":
                return false;
            case "true":
                return true;
            default:
                Problem(Node(map, key)!, $"'{key}' must be true or false, not '{text}'");
                return false;
        }
    }

    public DateOnly? Date(YamlMappingNode map, string key, bool required = true)
    {
        var text = Text(map, key, required);
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        Problem(Node(map, key)!, $"'{key}' must be a date written yyyy-MM-dd, not '{text}'");
        return null;
    }

    public IReadOnlyList<YamlMappingNode> Maps(YamlMappingNode map, string key, bool required = true)
    {
        var node = Node(map, key);
        if (node is null)
        {
            if (required)
            {
                Problem(map, $"missing required list '{key}'");
            }
            return [];
        }
        if (node is not YamlSequenceNode sequence)
        {
            Problem(node, $"'{key}' must be a list");
            return [];
        }
        var result = new List<YamlMappingNode>();
        foreach (var child in sequence.Children)
        {
            if (child is YamlMappingNode childMap)
            {
                result.Add(childMap);
            }
            else
            {
                Problem(child, $"each entry of '{key}' must be a mapping (key: value lines)");
            }
        }
        return result;
    }

    public YamlMappingNode? Map(YamlMappingNode map, string key, bool required = true)
    {
        var node = Node(map, key);
        if (node is null)
        {
            if (required)
            {
                Problem(map, $"missing required section '{key}'");
            }
            return null;
        }
        if (node is YamlMappingNode child)
        {
            return child;
        }
        Problem(node, $"'{key}' must be a mapping (key: value lines)");
        return null;
    }

    public IReadOnlyList<string> TextList(YamlMappingNode map, string key, bool required = false)
    {
        var node = Node(map, key);
        if (node is null)
        {
            if (required)
            {
                Problem(map, $"missing required list '{key}'");
            }
            return [];
        }
        if (node is YamlScalarNode single && !string.IsNullOrWhiteSpace(single.Value))
        {
            return [single.Value.Trim()];
        }
        if (node is not YamlSequenceNode sequence)
        {
            Problem(node, $"'{key}' must be a list of text values");
            return [];
        }
        var result = new List<string>();
        foreach (var child in sequence.Children)
        {
            if (child is YamlScalarNode scalar && !string.IsNullOrWhiteSpace(scalar.Value))
            {
                result.Add(scalar.Value.Trim());
            }
            else
            {
                Problem(child, $"each entry of '{key}' must be a text value");
            }
        }
        return result;
    }
}
