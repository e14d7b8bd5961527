using System.Text.RegularExpressions;
using RunBack.Core.Content;

namespace RunBack.Core.Tests.Content;

/// <summary>
/// Content is written in our own words: no run of ten or more consecutive words (case and punctuation ignored) may be
/// shared with the source articles in ../shared/sources. Applies to every release from 2026.12.0 on; 2026.11.0 was
/// published before this check and cannot change. sources.yaml is left out because it quotes the sources' titles.
/// </summary>
public partial class OwnWordsTests
{
    private const int RunLength = 10;
    private static readonly Version FirstChecked = new(2026, 12, 0);

    private static string SourcesFolder => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "sources"));

    public static TheoryData<string> CheckedReleases =>
    [
        .. Directory.EnumerateDirectories(Path.Combine(RepoPaths.Content, ContentStore.ReleasesFolder))
            .Select(d => Path.GetFileName(d))
            .Where(id => ContentStore.ParseVersion(id) is { } v && v >= FirstChecked)
            .Order(StringComparer.Ordinal),
    ];

    [Fact]
    public void SourcesFolder_IsPresentUnderCi()
    {
        var onCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        Assert.True(!onCi || Directory.Exists(SourcesFolder),
            $"CI=true but the source articles are missing at {SourcesFolder}: CI must clone ../shared beside the repository so the own-words check runs.");
    }

    [Theory]
    [MemberData(nameof(CheckedReleases))]
    public void Release_SharesNoRunOfTenWordsWithTheSources(string releaseId)
    {
        if (!Directory.Exists(SourcesFolder))
        {
            return; // Outside CI without ../shared there is nothing to compare with; CI asserts the folder exists.
        }
        var sourceRuns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(SourcesFolder))
        {
            sourceRuns.UnionWith(Runs(Words(File.ReadAllText(file))));
        }
        var releaseDirectory = Path.Combine(RepoPaths.Content, ContentStore.ReleasesFolder, releaseId);
        var shared = new List<string>();
        foreach (var file in Directory.EnumerateFiles(releaseDirectory, "*", SearchOption.AllDirectories)
                     .Where(f => Path.GetFileName(f) != ReleaseLoader.SourcesFile))
        {
            shared.AddRange(Runs(Words(File.ReadAllText(file))).Where(sourceRuns.Contains)
                .Select(run => $"{Path.GetRelativePath(releaseDirectory, file)}: \"{run}\""));
        }
        Assert.True(shared.Count == 0, "Text shared with the sources (rewrite in our own words):\n" + string.Join('\n', shared.Distinct()));
    }

    [Fact]
    public void Words_IgnoreCaseAndPunctuation()
    {
        Assert.Equal(["it's", "a", "runner's", "back", "10", "km"], Words("It’s a Runner's BACK: 10 km!"));
        Assert.Single(Runs(Words("one two three four five six seven eight nine ten")));
        Assert.Empty(Runs(Words("one two three four five six seven eight nine")));
    }

    private static List<string> Words(string text) =>
        [.. WordPattern().Matches(text.ToLowerInvariant().Replace('’', '\'')).Select(m => m.Value)];

    private static IEnumerable<string> Runs(List<string> words)
    {
        for (var i = 0; i + RunLength <= words.Count; i++)
        {
            yield return string.Join(' ', words.Skip(i).Take(RunLength));
        }
    }

    [GeneratedRegex("[a-z0-9']+")]
    private static partial Regex WordPattern();
}
