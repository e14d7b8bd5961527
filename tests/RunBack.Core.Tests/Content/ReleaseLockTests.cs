using RunBack.Core.Content;

namespace RunBack.Core.Tests.Content;

public sealed class ReleaseLockTests : IDisposable
{
    private readonly ContentFixture _content = new();

    public void Dispose() => _content.Dispose();

    [Fact]
    public void ShippedLock_MatchesEveryPublishedRelease()
    {
        var locked = ReleaseLock.Read(RepoPaths.Content, []);

        Assert.NotEmpty(locked);
        foreach (var (id, (hash, _)) in locked)
        {
            Assert.Equal(hash, ReleaseLock.ComputeHash(Path.Combine(RepoPaths.Content, ContentStore.ReleasesFolder, id)));
        }
    }

    [Fact]
    public void EditingAPublishedRelease_FailsToLoad()
    {
        _content.Replace("articles/shoes.md", "300 to 500 miles", "300 to 600 miles");

        var (store, problems) = ContentStore.TryLoad(_content.Root);

        Assert.Null(store);
        var problem = Assert.Single(problems);
        Assert.Equal(ReleaseLock.FileName, problem.Location.File);
        Assert.Contains("published release '2026.11.0' has been edited", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NewDraftRelease_IgnoredUntilPublished_ThenServed()
    {
        var draft = Path.Combine(_content.Root, ContentStore.ReleasesFolder, "2026.13.0");
        TestFiles.CopyDirectory(_content.ReleaseDirectory, draft);
        File.WriteAllText(Path.Combine(draft, "release.yaml"),
            File.ReadAllText(Path.Combine(draft, "release.yaml")).Replace("id: 2026.11.0", "id: 2026.13.0", StringComparison.Ordinal));

        Assert.Equal("2026.12.0", ContentStore.Load(_content.Root).Current.Id);
        Assert.Equal("2026.13.0", ContentStore.Load(_content.Root, includeDrafts: true).Current.Id);

        ReleaseLock.Publish(_content.Root, "2026.13.0");
        var store = ContentStore.Load(_content.Root);

        Assert.Equal("2026.13.0", store.Current.Id);
        Assert.NotNull(store.Find("2026.11.0"));
        Assert.NotNull(store.Find("2026.12.0"));
        Assert.Throws<InvalidOperationException>(() => ReleaseLock.Publish(_content.Root, "2026.13.0"));
    }

    [Fact]
    public void ContentCommand_Check_ExitCodes()
    {
        var output = new StringWriter();
        Assert.Equal(0, ContentCommand.Run(["content", "check", _content.Root], output));
        Assert.Contains("ok: 2026.11.0 (published)", output.ToString(), StringComparison.Ordinal);

        _content.Replace("rules.yaml", "guidance: [form-cadence]", "guidance: [form-cadense]");
        output = new StringWriter();
        Assert.Equal(1, ContentCommand.Run(["content", "check", _content.Root], output));
        Assert.Contains("rules.yaml:", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, ContentCommand.Run(["content", "frobnicate"], new StringWriter()));
    }
}
