using System.Text.RegularExpressions;

namespace RunBack.Web.Tests;

/// <summary>
/// Core says facts; the web edge chooses the words (issue 22 item 5). A string literal in src/RunBack.Core with two
/// words joined by a space is English a runner could read, so it may only be in the files named below, each with why.
/// Not counted: comments, exception messages (for developers), and the content loader (src/RunBack.Core/Content:
/// its messages are for content authors, at publish and start-up).
/// </summary>
public sealed partial class CoreWordingTests
{
    private static readonly string Core = Path.Combine(RepoPaths.Root, "src", "RunBack.Core");

    /// <summary>Files that still hold words, and why. Moving one to the edge removes it here (the test says so).</summary>
    private static readonly Dictionary<string, string> Allowed = new()
    {
        ["CheckIns/QuickCheckInContent.cs"] = "load errors in the quick check-in's content, for content authors",
        ["CheckIns/QuickCheckInOverlay.cs"] = "load errors in the quick check-in's overlays, for content authors",
        ["Rules/Condition.cs"] = "a condition's name in content errors, for content authors",
        ["Questionnaire/AnswerFormatter.cs"] = "answers in words: the rules engine's evidence is made of them (part of the stored result "
            + "snapshot and the goldens), and the summary and the quick check-in show the same words",
        ["Rules/ComputedFunctions.cs"] = "computed values' evidence, part of the stored result snapshot (changing it changes the goldens)",
        ["Rules/RulesEngine.Computed.cs"] = "computed values' evidence, part of the stored result snapshot",
        ["Rules/RulesEngine.cs"] = "the hip evidence's labels, part of the stored result snapshot",
    };

    [GeneratedRegex(@"(?<!@)\$?""(?:[^""\\\n]|\\.)*""")]
    private static partial Regex Literal();

    [GeneratedRegex(@"[A-Za-z]{2,} [A-Za-z]{2,}")]
    private static partial Regex TwoWords();

    private static Dictionary<string, List<string>> Wording()
    {
        var found = new Dictionary<string, List<string>>();
        foreach (var file in Directory.EnumerateFiles(Core, "*.cs", SearchOption.AllDirectories))
        {
            var path = Path.GetRelativePath(Core, file).Replace('\\', '/');
            if (path.StartsWith("obj/", StringComparison.Ordinal) || path.StartsWith("bin/", StringComparison.Ordinal) || path.StartsWith("Content/", StringComparison.Ordinal))
            {
                continue;
            }
            foreach (var line in File.ReadLines(file).Select(l => l.Trim()))
            {
                if (line.StartsWith("//", StringComparison.Ordinal) || line.Contains("throw", StringComparison.Ordinal) || line.Contains("Exception(", StringComparison.Ordinal))
                {
                    continue;
                }
                foreach (var literal in Literal().Matches(line).Select(m => m.Value).Where(v => TwoWords().IsMatch(v)))
                {
                    (found.TryGetValue(path, out var list) ? list : found[path] = []).Add(literal);
                }
            }
        }
        return found;
    }

    [Fact]
    public void Core_HoldsNoEnglish_OutsideTheNamedFiles()
    {
        var offenders = Wording().Where(f => !Allowed.ContainsKey(f.Key)).Select(f => $"{f.Key}: {f.Value[0]}").ToList();

        Assert.True(offenders.Count == 0, "Core builds words a runner reads; return facts and word them in RunBack.Web (Resources/Wording.resx "
            + "through IStringLocalizer<Wording>): " + string.Join("; ", offenders));
    }

    [Fact]
    public void AllowList_NamesOnlyFilesThatStillHoldWords()
    {
        var wording = Wording();
        var stale = Allowed.Keys.Where(k => !wording.ContainsKey(k)).ToList();

        Assert.True(stale.Count == 0, "These files no longer hold words; take them off CoreWordingTests.Allowed: " + string.Join(", ", stale));
    }
}
