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
        TestFiles.CopyReleaseAsDraft(content.Root, ContentFixture.ReleaseId, "2026.9.0");
        ReleaseLock.Publish(content.Root, "2026.9.0");

        var store = ContentStore.Load(content.Root);

        var shipped = ContentStore.Load(RepoPaths.Content).Releases.Select(r => r.Id).ToList();
        Assert.Equal(shipped[^1], store.Current.Id);
        Assert.Equal(["2026.9.0", .. shipped], store.Releases.Select(r => r.Id));
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
