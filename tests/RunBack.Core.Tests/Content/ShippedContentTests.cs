using RunBack.Core.Content;

namespace RunBack.Core.Tests.Content;

public class ShippedContentTests
{
    [Fact]
    public void Load_ShippedContent_IsValidAndServesNewestRelease()
    {
        var (store, problems) = ContentStore.TryLoad(RepoPaths.Content);

        Assert.Empty(problems.Select(p => p.ToString()));
        Assert.NotNull(store);
        // Computed here, not taken from the store: the highest published version in releases.lock.
        var newest = ReleaseLock.Read(RepoPaths.Content, []).Keys.MaxBy(Version.Parse);
        Assert.Equal(newest, store.Current.Id);
    }

    [Fact]
    public void Current_IsHighestVersion_NotLastByName()
    {
        using var content = new ContentFixture();
        // "2026.9.0" sorts after "2026.11.0" as text but is the older version.
        var older = Path.Combine(content.Root, ContentStore.ReleasesFolder, "2026.9.0");
        TestFiles.CopyDirectory(content.ReleaseDirectory, older);
        File.WriteAllText(Path.Combine(older, "release.yaml"),
            File.ReadAllText(Path.Combine(older, "release.yaml")).Replace("id: 2026.11.0", "id: 2026.9.0", StringComparison.Ordinal));
        ReleaseLock.Publish(content.Root, "2026.9.0");

        var store = ContentStore.Load(content.Root);

        Assert.Equal("2026.11.0", store.Current.Id);
        Assert.Equal(["2026.9.0", "2026.11.0"], store.Releases.Select(r => r.Id));
    }

    [Fact]
    public void EveryRelease_Draft_IsValid()
    {
        foreach (var directory in Directory.EnumerateDirectories(Path.Combine(RepoPaths.Content, ContentStore.ReleasesFolder)))
        {
            var (_, problems) = ReleaseLoader.TryLoad(directory, RepoPaths.Content);
            Assert.Empty(problems.Select(p => p.ToString()));
        }
    }
}
