using System.Net;
using System.Text.RegularExpressions;

namespace RunBack.Core.Tests.Reading;

/// <summary>
/// Flesch–Kincaid grade level: 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59. Sentences end at
/// '.', '!' or '?' followed by a space, and at a blank line (headings and list items are sentences of their own).
/// Syllables are counted by rule (vowel groups, a silent final e, -es and -ed, vowel pairs said as two such as
/// bi-o), which is within one of a dictionary for most English words; numbers count one syllable a digit.
/// </summary>
internal static partial class Readability
{
    public static double Grade(string text)
    {
        var words = Words(text);
        if (words.Count == 0)
        {
            return 0;
        }
        var sentences = Math.Max(1, SentenceBreak().Split(text).Count(s => Words(s).Count > 0));
        var syllables = words.Sum(Syllables);
        return (0.39 * words.Count / sentences) + (11.8 * syllables / words.Count) - 15.59;
    }

    public static IReadOnlyList<string> Words(string text) => [.. WordPattern().Matches(text).Select(m => m.Value)];

    public static int Syllables(string word)
    {
        if (NumberPattern().IsMatch(word))
        {
            return Math.Max(1, word.Count(char.IsAsciiDigit));
        }
        var w = new string([.. word.ToLowerInvariant().Where(char.IsAsciiLetterLower)]);
        if (w.Length == 0)
        {
            return 0;
        }
        if (w.Length <= 3)
        {
            return 1;
        }
        var n = VowelGroup().Count(w) + TwoVowelSounds().Count(w);
        if (w.EndsWith('e') && !w.EndsWith("le", StringComparison.Ordinal) && !w.EndsWith("ee", StringComparison.Ordinal) && n > 1)
        {
            n--;
        }
        else if (w.EndsWith("le", StringComparison.Ordinal) && "aeiouy".Contains(w[^3], StringComparison.Ordinal) && n > 1)
        {
            n--;
        }
        else if (w.EndsWith("es", StringComparison.Ordinal) && n > 1 && !SyllabicEs().IsMatch(w))
        {
            n--;
        }
        else if (w.EndsWith("ed", StringComparison.Ordinal) && n > 1 && !SyllabicEd().IsMatch(w))
        {
            n--;
        }
        return Math.Max(1, n);
    }

    /// <summary>The text a reader sees in rendered Markdown: tags dropped, blocks (paragraphs, list items, headings) kept apart.</summary>
    public static string FromHtml(string html)
    {
        var blocks = BlockEnd().Replace(html, "\n\n");
        return WebUtility.HtmlDecode(Tag().Replace(blocks, ""));
    }

    [GeneratedRegex(@"[.!?]+(?=\s|$)|\n\s*\n")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"[A-Za-z0-9]+(?:['’][A-Za-z]+)*(?:[.,][0-9]+)?")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^\d+(?:[.,]\d+)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex("[aeiouy]+")]
    private static partial Regex VowelGroup();

    // Vowel pairs said as two syllables (bi-o-tic, ge-o, du-al), but not in -tion, -sion, -cian, -tial.
    [GeneratedRegex("(?<![tsc])(?:ia|io|iu|eo|ua|uo)")]
    private static partial Regex TwoVowelSounds();

    [GeneratedRegex("(?:s|x|z|ch|sh|ce|ge|se|ze)es$")]
    private static partial Regex SyllabicEs();

    [GeneratedRegex("[td]ed$")]
    private static partial Regex SyllabicEd();

    [GeneratedRegex(@"</(?:p|li|h[1-6]|ul|ol|blockquote)>|<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
