using System.Text.RegularExpressions;

namespace RunBack.Web.Tests;

/// <summary>
/// CI's time-travel pass (.ci/run) leaves out the browser and system test classes named in .ci/time-travel-skip, on the
/// promise that they never touch a date. These tests keep that promise honest: a listed class must exist and must not
/// mention a date, a day, a week, a check-in, the history or a clock. The one exception is a poll's deadline
/// (<c>var until = DateTime.UtcNow + …</c> and its check): a stopwatch on the test's own clock, never a date it sends.
/// </summary>
public sealed partial class CiTimeTravelTests
{
    private static readonly string SkipFile = Path.Combine(RepoPaths.Root, ".ci", "time-travel-skip");

    private static readonly string BrowserTests = Path.Combine(RepoPaths.Root, "tests", "RunBack.BrowserTests");

    private static readonly string[] Projects = [BrowserTests, Path.Combine(RepoPaths.Root, "tests", "RunBack.SystemTests")];

    [GeneratedRegex(@"^.*\buntil\b.*$", RegexOptions.Multiline)]
    private static partial Regex DeadlineLine();

    [GeneratedRegex(@"\b(dates?|today|weeks?|weekly|days?|yesterday|ago|AppClock|DateOnly|DateTime\w*|TimeProvider|check-ins?|CheckIns?|clock|history)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateWord();

    public static TheoryData<string> Skipped() =>
        [.. File.ReadAllLines(SkipFile).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];

    [Fact]
    public void SkipList_NamesSomeClasses() => Assert.NotEmpty(Skipped());

    [Theory]
    [MemberData(nameof(Skipped))]
    public void SkippedClass_Exists_AndTouchesNoDate(string className)
    {
        var files = Projects.SelectMany(p => Directory.EnumerateFiles(p, className + ".cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ToList();
        Assert.True(files.Count == 1, $".ci/time-travel-skip names {className}, found in {files.Count} files of the browser and system tests.");
        var text = DeadlineLine().Replace(File.ReadAllText(files[0]), line => line.Value.Replace("DateTime.UtcNow", "", StringComparison.Ordinal));
        Assert.Contains($"class {className}", text, StringComparison.Ordinal);
        var words = DateWord().Matches(text).Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        Assert.True(words.Count == 0,
            $"{className} mentions {string.Join(", ", words)}: take it out of .ci/time-travel-skip so the time-travel pass runs it.");
    }

    [Fact]
    public void DateWords_AreFound_InAClassThatSavesCheckIns() =>
        Assert.Matches(DateWord(), File.ReadAllText(Path.Combine(BrowserTests, "QuickCheckInTests.cs")));

    [Fact]
    public void OnlyAPollsDeadline_IsLetThrough() =>
        Assert.Equal(["DateTime"], DateWord().Matches(DeadlineLine().Replace(
            "var until = DateTime.UtcNow.AddSeconds(20);\nvar stamp = DateTime.UtcNow;",
            line => line.Value.Replace("DateTime.UtcNow", "", StringComparison.Ordinal))).Select(m => m.Value));
}
