using System.Text.Json.Nodes;

namespace RunBack.Core.Tests.Rules;

/// <summary>
/// Issue 22: what a runner was told never changes silently. Every persona and saved fixture is replayed under every
/// published release and compared with its golden snapshot; a difference fails unless the engine version changed.
/// </summary>
public sealed class SnapshotReplayTests
{
    [Fact]
    public void Replay_EveryPersonaAndFixture_UnderEveryPublishedRelease_MatchesTheGoldens()
    {
        var accept = Environment.GetEnvironmentVariable(SnapshotReplay.AcceptVariable) == "1";

        var problems = SnapshotReplay.Check(RepoPaths.Content, SnapshotReplay.GoldenRoot, accept);

        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
    }

    [Fact]
    public void Replay_CoversEveryPublishedRelease_AndEveryPersona()
    {
        var published = File.ReadAllLines(Path.Combine(RepoPaths.Content, "releases.lock"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split(' ')[0]).ToList();
        var cases = SnapshotReplay.Cases(SnapshotReplay.GoldenRoot).Select(c => c.Name).ToList();

        Assert.Contains("persona-NoRisk", cases);
        Assert.Contains("persona-RedFlag", cases);
        Assert.Contains(cases, c => c.StartsWith("fixture-", StringComparison.Ordinal));
        foreach (var release in published)
        {
            var goldens = Directory.EnumerateFiles(Path.Combine(SnapshotReplay.GoldenRoot, release), "*.json")
                .Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
            Assert.True(cases.All(goldens.Contains), $"Release {release} lacks goldens for: {string.Join(", ", cases.Where(c => !goldens.Contains(c)))}");
        }
    }

    [Fact]
    public void Replay_PublishedReleaseWithoutGoldens_FailsSayingHowToMakeThem()
    {
        using var goldens = new GoldenCopy();
        var newest = Directory.EnumerateDirectories(goldens.Root).Select(Path.GetFileName).Where(d => d != "fixtures").Max(StringComparer.Ordinal)!;
        Directory.Delete(Path.Combine(goldens.Root, newest), recursive: true);

        var problems = SnapshotReplay.Check(RepoPaths.Content, goldens.Root, accept: false);

        var problem = Assert.Single(problems);
        Assert.Contains($"Release {newest} is published but has no golden snapshots", problem, StringComparison.Ordinal);
        Assert.Contains(SnapshotReplay.Regenerate, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_DiffersWithoutAnEngineVersionChange_Fails_AndAcceptingDoesNotOverwriteIt()
    {
        using var goldens = new GoldenCopy();
        var path = Path.Combine(goldens.Root, "2026.11.0", "persona-RedFlag.json");
        var golden = JsonNode.Parse(File.ReadAllText(path))!;
        golden["triage"] = "self_care";
        File.WriteAllText(path, golden.ToJsonString());

        foreach (var accept in new[] { false, true })
        {
            var problem = Assert.Single(SnapshotReplay.Check(RepoPaths.Content, goldens.Root, accept));
            Assert.Contains("persona-RedFlag under 2026.11.0", problem, StringComparison.Ordinal);
            Assert.Contains("bump RulesEngine.Version", problem, StringComparison.Ordinal);
        }
        Assert.Contains("self_care", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_GoldenOfAnOlderEngine_FailsUntilRegenerated()
    {
        using var goldens = new GoldenCopy();
        var path = Path.Combine(goldens.Root, "2026.12.0", "persona-NoRisk.json");
        var golden = JsonNode.Parse(File.ReadAllText(path))!;
        golden["engine"] = RunBack.Core.Rules.RulesEngine.Version - 1;
        golden["guidance"] = new JsonArray();
        File.WriteAllText(path, golden.ToJsonString());

        var problem = Assert.Single(SnapshotReplay.Check(RepoPaths.Content, goldens.Root, accept: false));
        Assert.Contains($"made by engine version {RunBack.Core.Rules.RulesEngine.Version - 1}", problem, StringComparison.Ordinal);

        Assert.Empty(SnapshotReplay.Check(RepoPaths.Content, goldens.Root, accept: true));
        Assert.Empty(SnapshotReplay.Check(RepoPaths.Content, goldens.Root, accept: false));
    }

    /// <summary>A throw-away copy of the checked-in goldens that a test may break.</summary>
    private sealed class GoldenCopy : IDisposable
    {
        public GoldenCopy()
        {
            Root = Path.Combine(Path.GetTempPath(), "runback-goldens-" + Guid.NewGuid().ToString("N"));
            TestFiles.CopyDirectory(SnapshotReplay.GoldenRoot, Root);
        }

        public string Root { get; }

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
