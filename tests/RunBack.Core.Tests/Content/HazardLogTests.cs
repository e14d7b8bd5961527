using System.Text.RegularExpressions;

namespace RunBack.Core.Tests.Content;

/// <summary>content/hazard-log.md names the tests that show each mitigation works: every one must exist.</summary>
public partial class HazardLogTests
{
    private static string LogPath => Path.Combine(RepoPaths.Content, "hazard-log.md");

    /// <summary>Every `Class.Method` the log names, from its table rows.</summary>
    internal static IReadOnlyList<(string Class, string Method)> NamedTests(string log) =>
        [.. TestName().Matches(log).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).Distinct()];

    [Fact]
    public void Log_NamesTests_ForIssue23AndClinicalSafetyHazards()
    {
        var log = File.ReadAllText(LogPath);
        foreach (var id in new[] { "H1", "H2", "H3", "H4a", "H5", "H6", "H7", "H8", "H9", "H10", "C1" })
        {
            Assert.Contains($"| {id} |", log, StringComparison.Ordinal);
        }
        Assert.True(NamedTests(log).Count >= 20, $"only {NamedTests(log).Count} tests named");
    }

    [Fact]
    public void TestsExist()
    {
        var missing = NamedTests(File.ReadAllText(LogPath)).Where(t => !Exists(t.Class, t.Method)).Select(t => $"{t.Class}.{t.Method}").ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void TestsExist_FindsAMissingOne()
    {
        Assert.True(Exists("HazardLogTests", "TestsExist"));
        Assert.False(Exists("HazardLogTests", "NoSuchTest"));
        Assert.False(Exists("NoSuchTests", "TestsExist"));
        Assert.Equal([("A1Tests", "Method_Case")], NamedTests("| x | `A1Tests.Method_Case` and `not a test` |"));
    }

    /// <summary>A class of that name in a .cs file under tests/ that declares a method of that name.</summary>
    private static bool Exists(string className, string method)
    {
        var tests = Path.Combine(RepoPaths.Content, "..", "tests");
        var declaration = new Regex($@"\bclass {Regex.Escape(className)}\b");
        var methodDeclaration = new Regex($@"\b(?:void|Task)\s+{Regex.Escape(method)}\s*\(");
        return Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .Any(text => declaration.IsMatch(text) && methodDeclaration.IsMatch(text));
    }

    [GeneratedRegex(@"`([A-Z][A-Za-z0-9]*Tests)\.([A-Za-z0-9_]+)`")]
    private static partial Regex TestName();
}

/// <summary>content/clinical-safety.md carries every rule of the clinical safety specification (issue 23).</summary>
public class ClinicalSafetyDocTests
{
    [Theory]
    [InlineData("new, getting worse, or not normal for you")]
    [InlineData("History-only flags need current pain")]
    [InlineData("Do not cry wolf")]
    [InlineData("No pain, no referral")]
    [InlineData("On an emergency or urgent result, only safety")]
    [InlineData("which is asked, not guessed")]
    [InlineData("Warning signs come first, on every path")]
    [InlineData("**weakness in one leg**")]
    [InlineData("a history of cancer together with new leg symptoms")]
    [InlineData("with 4 or more of")]
    [InlineData("Morning stiffness is not one of them")]
    [InlineData("osteoporosis, long-term steroid use or age over 50")]
    [InlineData("treated with antibiotics")]
    [InlineData("not just sore muscles")]
    [InlineData("PEG-3")]
    [InlineData("not \"had more\"")]
    [InlineData("grade 6 or below")]
    [InlineData("⚑ marks a warning sign and nothing else")]
    [InlineData("A hazard log")]
    [InlineData("no better after 2–3 weeks")]
    public void ContentClinicalSafety_CarriesTheRule(string words)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Content, "clinical-safety.md")).ReplaceLineEndings(" ");
        Assert.Contains(words, System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " "), StringComparison.Ordinal);
    }
}
