using System.Text.RegularExpressions;

namespace RunBack.Web.Tests;

/// <summary>
/// CI's time-travel pass (.ci/run) leaves out the browser test classes named in .ci/time-travel-skip, on the promise that
/// they never touch a date. These tests keep that promise honest: a listed class must exist and must not mention a date,
/// a day, a week, a check-in, the history or a clock.
/// </summary>
public sealed partial class CiTimeTravelTests
{
    private static readonly string SkipFile = Path.Combine(RepoPaths.Root, ".ci", "time-travel-skip");

    private static readonly string BrowserTests = Path.Combine(RepoPaths.Root, "tests", "RunBack.BrowserTests");

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
        var file = Path.Combine(BrowserTests, className + ".cs");
        Assert.True(File.Exists(file), $".ci/time-travel-skip names {className}, but {file} does not exist.");
        var text = File.ReadAllText(file);
        Assert.Contains($"class {className}", text, StringComparison.Ordinal);
        var words = DateWord().Matches(text).Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        Assert.True(words.Count == 0,
            $"{className} mentions {string.Join(", ", words)}: take it out of .ci/time-travel-skip so the time-travel pass runs it.");
    }

    [Fact]
    public void DateWords_AreFound_InAClassThatSavesCheckIns() =>
        Assert.Matches(DateWord(), File.ReadAllText(Path.Combine(BrowserTests, "QuickCheckInTests.cs")));
}
