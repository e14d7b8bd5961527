using System.Text;
using System.Text.RegularExpressions;

namespace RunBack.Web.Tests;

/// <summary>
/// Page chrome comes from Resources/Wording.resx through IStringLocalizer&lt;Wording&gt; (issue 22 item 5). Literal English
/// in a .razor file (text between tags, or an aria-label, title, alt or placeholder, of two words or more; not comments,
/// not @code, not C# expressions) may only be in the files named below, each no more often than its count: the list and
/// the counts only shrink. Moving a file's words to the resx lowers its count here (the second test says so).
/// </summary>
public sealed partial class RazorWordingTests
{
    private static readonly string Web = Path.Combine(RepoPaths.Root, "src", "RunBack.Web");

    /// <summary>Files that still hold literal English, with how many literal strings each may hold at most (none left:
    /// every page's text is in the resx; a file listed here must say why).</summary>
    private static readonly Dictionary<string, int> Allowed = [];

    [GeneratedRegex(@"@\*.*?\*@|<!--.*?-->|<(script|style)\b.*?</\1>", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"^\s*(@(page|using|namespace|inject|attribute|layout|implements|inherits|rendermode|typeparam)\b|else\b|(if|foreach|for|while|switch)\s*\(|var |case |default:|break;|return\b|[{}]\s*$).*$", RegexOptions.Multiline)]
    private static partial Regex CodeLine();

    [GeneratedRegex(@"@(?=<(?<tag>[A-Za-z]+)\b)(?<markup>.*?</\k<tag>>)", RegexOptions.Singleline)]
    private static partial Regex Fragment();

    [GeneratedRegex(@"\s(?:aria-label|aria-description|title|alt|placeholder)=""(?<value>[^""]*)""")]
    private static partial Regex WordedAttribute();

    [GeneratedRegex(@">(?<text>[^<>]*)<")]
    private static partial Regex Text();

    [GeneratedRegex(@"[A-Za-z]+\s+[A-Za-z]+")]
    private static partial Regex TwoWords();

    /// <summary>Every .razor file with literal English, relative to src/RunBack.Web, with its literal strings.</summary>
    internal static Dictionary<string, List<string>> Wording() =>
        Directory.EnumerateFiles(Web, "*.razor", SearchOption.AllDirectories)
            .Select(f => (Path: Path.GetRelativePath(Web, f).Replace('\\', '/'), Literals: Literals(File.ReadAllText(f))))
            .Where(f => !f.Path.StartsWith("obj/", StringComparison.Ordinal) && !f.Path.StartsWith("bin/", StringComparison.Ordinal) && f.Literals.Count > 0)
            .ToDictionary(f => f.Path, f => f.Literals);

    /// <summary>The literal English in one .razor file's markup.</summary>
    internal static List<string> Literals(string razor)
    {
        var markup = WithoutExpressions(CodeLine().Replace(WithoutCodeBlocks(Comments().Replace(razor, "")), ""));
        var attributes = WordedAttribute().Matches(markup).Select(m => m.Groups["value"].Value);
        var texts = Text().Matches(markup).Select(m => m.Groups["text"].Value);
        return [.. attributes.Concat(texts).Select(s => Regex.Replace(s, @"\s+", " ").Trim()).Where(s => TwoWords().IsMatch(s))];
    }

    /// <summary>Drops @code and @functions blocks and @{ } statement blocks, keeping the markup of a render fragment
    /// written in them (<c>=> @&lt;div&gt;…&lt;/div&gt;;</c>).</summary>
    private static string WithoutCodeBlocks(string razor)
    {
        foreach (var opener in new[] { "@code", "@functions", "@{" })
        {
            for (var at = razor.IndexOf(opener, StringComparison.Ordinal); at >= 0; at = razor.IndexOf(opener, at, StringComparison.Ordinal))
            {
                var end = Balanced(razor, razor.IndexOf('{', at));
                var fragments = string.Concat(Fragment().Matches(razor[at..end]).Select(m => "\n" + m.Value));
                razor = razor.Remove(at, end - at).Insert(at, fragments);
                at += fragments.Length;
            }
        }
        return razor;
    }

    /// <summary>Drops every C# expression: @(...), and @name with its member accesses, calls and indexers (and @if (...)).</summary>
    private static string WithoutExpressions(string razor)
    {
        var kept = new StringBuilder(razor.Length);
        for (var i = 0; i < razor.Length; i++)
        {
            if (razor[i] != '@' || i + 1 >= razor.Length || !(razor[i + 1] == '(' || razor[i + 1] == '_' || char.IsLetter(razor[i + 1])))
            {
                kept.Append(razor[i]);
                continue;
            }
            var end = i + 1;
            while (end < razor.Length)
            {
                if (razor[end] is '(' or '[')
                {
                    end = Balanced(razor, end);
                }
                else if (razor[end] == '_' || char.IsLetterOrDigit(razor[end]) || (razor[end] is '.' or '?' && end + 1 < razor.Length && (char.IsLetter(razor[end + 1]) || razor[end + 1] == '_')))
                {
                    end++;
                }
                else if (razor[end] == ' ' && end + 1 < razor.Length && razor[end + 1] == '(' && Regex.IsMatch(razor[(i + 1)..end], @"^(if|foreach|for|while|switch|using|lock)$"))
                {
                    end++;
                }
                else
                {
                    break;
                }
            }
            i = end - 1;
        }
        return kept.ToString();
    }

    /// <summary>The index just past the bracket that closes the one at <paramref name="open"/>, skipping C# strings and // comments.</summary>
    private static int Balanced(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '/' when i + 1 < text.Length && text[i + 1] == '/':
                    i = text.IndexOf('\n', i) is var eol and >= 0 ? eol : text.Length;
                    break;
                case '\'' when i + 2 < text.Length && text[i + 1] != '\\' && text[i + 2] != '\'':
                    break;
                case '"' or '\'':
                    var quote = text[i];
                    for (i++; i < text.Length && text[i] != quote && text[i] != '\n'; i++)
                    {
                        i += text[i] == '\\' ? 1 : 0;
                    }
                    break;
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}':
                    if (--depth == 0)
                    {
                        return i + 1;
                    }
                    break;
            }
        }
        return text.Length;
    }

    [Fact]
    public void Razor_HoldsNoLiteralEnglish_BeyondTheAllowList()
    {
        var wording = Wording();
        var offenders = wording.Where(f => f.Value.Count > Allowed.GetValueOrDefault(f.Key))
            .Select(f => $"{f.Key} ({f.Value.Count}, allowed {Allowed.GetValueOrDefault(f.Key)}): \"{string.Join("\", \"", f.Value)}\"").ToList();

        Assert.True(Directory.EnumerateFiles(Web, "*.razor", SearchOption.AllDirectories).Count() > 40, "Fewer than 40 .razor files found: has src/RunBack.Web moved?");
        Assert.True(offenders.Count == 0, "Page text is literal English in Razor; put it in Resources/Wording.resx (and any US difference in "
            + "Wording.en-US.resx) and read it through IStringLocalizer<Wording>: " + string.Join("; ", offenders));
    }

    [Fact]
    public void AllowList_OnlyShrinks()
    {
        var wording = Wording();
        var stale = Allowed.Where(a => wording.GetValueOrDefault(a.Key)?.Count is not { } count || count < a.Value)
            .Select(a => wording.TryGetValue(a.Key, out var left) ? $"{a.Key}: lower its count to {left.Count}" : $"{a.Key}: take it off").ToList();

        Assert.True(stale.Count == 0, "RazorWordingTests.Allowed names more literal English than these files hold: " + string.Join("; ", stale));
    }

    [Theory]
    [InlineData("<p>Start the self-check</p>", "Start the self-check")]
    [InlineData("<nav aria-label=\"Check-in pages\"></nav>", "Check-in pages")]
    [InlineData("<h3>Nothing was saved. Check @(n == 1 ? \"this answer\" : \"these\")</h3>", "Nothing was saved. Check")]
    [InlineData("<span title=\"Warning sign\"> ⚑</span>", "Warning sign")]
    [InlineData("<p>@Body</p>\n@code {\n    private RenderFragment Body => @<text>\n    <span>Choose your files</span>\n    </text>;\n}\n", "Choose your files")]
    public void Literals_FindsWordsInTextAndAttributes(string razor, string expected) =>
        Assert.Equal([expected], Literals(razor));

    [Theory]
    [InlineData("<p>@Words[\"Home_Title\"]</p>")]
    [InlineData("@* A comment in words *@<p>@Content.Intro</p>")]
    [InlineData("<p>Saved</p>")]
    [InlineData("</p>\n    @if (Level >= TriageLevel.Urgent && Wording.TelHref is { } tel)\n    {\n<p>")]
    [InlineData("</p>\n    else if (Level >= TriageLevel.Urgent && x is { } label)\n    {\n<p>")]
    [InlineData("<p>x</p>\n@code {\n    /// <summary>The release's rules (in the rules' order).</summary>\n    private List<string> Name => [\"<b>Two words</b>\"];\n}\n")]
    [InlineData("@inject Microsoft.Extensions.Localization.IStringLocalizer<Wording> Words\n<p>@Words[\"A\"]</p>")]
    [InlineData("<p>\n    var ariaLabel = n == 0 ? $\"0, {Min ?? \"no pain\"}\" : n.ToString();\n    <label>@ariaLabel</label>")]
    [InlineData("<div open=\"@items.Any(q => q.Value > 1 && q is not null)\"><p>@(a ? \"yes please\" : \"<b>no thanks</b>\")</p></div>")]
    public void Literals_SkipsCodeCommentsAndSingleWords(string razor) =>
        Assert.Empty(Literals(razor));
}
