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
        Assert.Equal(store.Releases[^1].Id, store.Current.Id);
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
