using RunBack.Core.Content;

namespace RunBack.Core.Tests.Content;

/// <summary>A throw-away copy of the shipped content folder that a test may break.</summary>
internal sealed class ContentFixture : IDisposable
{
    public const string ReleaseId = "2026.11.0";

    public ContentFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "runback-content-" + Guid.NewGuid().ToString("N"));
        TestFiles.CopyDirectory(RepoPaths.Content, Root);
    }

    public string Root { get; }

    public string ReleaseDirectory => Path.Combine(Root, ContentStore.ReleasesFolder, ReleaseId);

    public string PathOf(string file) => Path.Combine(ReleaseDirectory, file);

    /// <summary>Replaces text in a release file and returns the 1-based line where the replacement starts.</summary>
    public int Replace(string file, string oldText, string newText)
    {
        var path = PathOf(file);
        var text = File.ReadAllText(path);
        var index = text.IndexOf(oldText, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{oldText}' not found in {file}");
        File.WriteAllText(path, string.Concat(text.AsSpan(0, index), newText, text.AsSpan(index + oldText.Length)));
        return text[..index].Count(c => c == '\n') + 1;
    }

    public IReadOnlyList<ContentProblem> LoadRelease() => ReleaseLoader.TryLoad(ReleaseDirectory, Root).Problems;

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
