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

    /// <summary>An id later than any release the repository will hold for a long time.</summary>
    private const string NewDraftId = "2099.1.0";

    [Fact]
    public void NewDraftRelease_IgnoredUntilPublished_ThenServed()
    {
        // A draft newer than every release in the repository (real drafts may sit beside it in the copy).
        var served = ContentStore.Load(_content.Root).Current.Id;
        TestFiles.CopyReleaseAsDraft(_content.Root, ContentFixture.ReleaseId, NewDraftId);

        Assert.Equal(served, ContentStore.Load(_content.Root).Current.Id);
        Assert.Equal(NewDraftId, ContentStore.Load(_content.Root, includeDrafts: true).Current.Id);

        ReleaseLock.Publish(_content.Root, NewDraftId);
        var store = ContentStore.Load(_content.Root);

        Assert.Equal(NewDraftId, store.Current.Id);
        Assert.NotNull(store.Find("2026.11.0"));
        Assert.NotNull(store.Find("2026.12.0"));
        Assert.NotNull(store.Find("2026.12.1"));
        Assert.NotNull(store.Find(served));
        Assert.Throws<InvalidOperationException>(() => ReleaseLock.Publish(_content.Root, NewDraftId));
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

    [Fact]
    public void LineEndingsChangedToCrlf_StillMatches()
    {
        var path = _content.PathOf("rules.yaml");
        var text = File.ReadAllText(path);
        Assert.DoesNotContain("\r\n", text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace("\n", "\r\n", StringComparison.Ordinal));

        var (store, problems) = ContentStore.TryLoad(_content.Root);

        Assert.Empty(problems.Select(p => p.ToString()));
        Assert.NotNull(store!.Find(ContentFixture.ReleaseId));
    }

    [Fact]
    public void FileAddedToAPublishedRelease_FailsToLoad()
    {
        File.WriteAllText(_content.PathOf("articles/extra-notes.txt"), "not part of the published release\n");

        var (store, problems) = ContentStore.TryLoad(_content.Root);

        Assert.Null(store);
        Assert.Contains(problems, p => p.Location.File == ReleaseLock.FileName
            && p.Message.Contains("published release '2026.11.0' has been edited", StringComparison.Ordinal));
    }

    [Fact]
    public void LockEntryForAMissingRelease_FailsToLoad()
    {
        File.AppendAllText(Path.Combine(_content.Root, ReleaseLock.FileName), $"2026.10.0 sha256:{new string('a', 64)}\n");

        var (store, problems) = ContentStore.TryLoad(_content.Root);

        Assert.Null(store);
        var problem = Assert.Single(problems);
        Assert.Equal(ReleaseLock.FileName, problem.Location.File);
        Assert.Contains("published release '2026.10.0' is missing from releases/", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ContentPublish_DatesTheReleaseTheDayItIsPublished()
    {
        // The fixture's release says another day: publishing, not the author, dates a release (2026.12.1 said
        // 2026-12-15 while it was served from 2026-12-07; its FHIR Questionnaire carried a date in the future).
        var draft = TestFiles.CopyReleaseAsDraft(_content.Root, ContentFixture.ReleaseId, NewDraftId);
        var output = new StringWriter();

        var exit = ContentCommand.Run(["content", "publish", NewDraftId, _content.Root], output, today: new DateOnly(2027, 2, 3));

        Assert.True(exit == 0, output.ToString());
        Assert.Contains("published: 2027-02-03\n", File.ReadAllText(Path.Combine(draft, "release.yaml")), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2027, 2, 3), ContentStore.Load(_content.Root).Find(NewDraftId)!.Info.Published);
    }

    [Fact]
    public void ContentPublish_InvalidDraft_RefusedAndLockUnchanged()
    {
        var draft = TestFiles.CopyReleaseAsDraft(_content.Root, ContentFixture.ReleaseId, "2026.13.0");
        var rules = Path.Combine(draft, "rules.yaml");
        File.WriteAllText(rules, File.ReadAllText(rules).Replace("guidance: [form-cadence]", "guidance: [form-cadense]", StringComparison.Ordinal));
        var lockBefore = File.ReadAllText(Path.Combine(_content.Root, ReleaseLock.FileName));
        var yamlBefore = File.ReadAllText(Path.Combine(draft, "release.yaml"));
        var output = new StringWriter();

        var exit = ContentCommand.Run(["content", "publish", "2026.13.0", _content.Root], output);

        Assert.Equal(1, exit);
        Assert.Contains("not published", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("form-cadense", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(lockBefore, File.ReadAllText(Path.Combine(_content.Root, ReleaseLock.FileName)));
        Assert.Null(ContentStore.Load(_content.Root).Find("2026.13.0"));
        Assert.Equal(yamlBefore, File.ReadAllText(Path.Combine(draft, "release.yaml"))); // a refused draft is not dated
    }
}
