namespace RunBack.Testing;

/// <summary>Finds the repository (the folder holding RunBack.sln) from a test's or benchmark's output folder.</summary>
internal static class RepoPaths
{
    /// <summary>The id of the release the app serves: the newest published one, read from the repository's content.</summary>
    public static string ServedRelease => LazyServed.Value;

    private static readonly Lazy<string> LazyServed = new(() => RunBack.Core.Content.ContentStore.Load(Content).Current.Id);

    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RunBack.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("RunBack.sln not found above the test folder.");
    }
}

internal static class TestFiles
{
    /// <summary>
    /// Copies release <paramref name="fromId"/> of a content folder to a new draft <paramref name="toId"/> beside it, with
    /// the id in its release.yaml changed; returns the draft's folder (not yet published).
    /// </summary>
    public static string CopyReleaseAsDraft(string contentRoot, string fromId, string toId)
    {
        var releases = Path.Combine(contentRoot, "releases");
        var draft = Path.Combine(releases, toId);
        CopyDirectory(Path.Combine(releases, fromId), draft);
        var releaseFile = Path.Combine(draft, "release.yaml");
        var yaml = File.ReadAllText(releaseFile);
        var changed = yaml.Replace($"id: {fromId}", $"id: {toId}", StringComparison.Ordinal);
        if (changed == yaml)
        {
            throw new InvalidOperationException($"{releaseFile} has no 'id: {fromId}' line.");
        }
        File.WriteAllText(releaseFile, changed);
        return draft;
    }

    /// <summary>Copies a folder and everything under it (a content release a test may then break).</summary>
    public static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var directory in Directory.EnumerateDirectories(from))
        {
            CopyDirectory(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }
}

/// <summary>
/// Today as a RunBack process on this machine's real clock sees it: the local date of <see cref="TimeProvider.System"/>,
/// computed the way AssessmentService.Today is, moved by <c>Clock__ShiftDays</c> when CI's time-travel run sets it (the
/// apps the tests start read the same variable; see ClockHosting). Tests that talk to a real process (a child app, the
/// browser tests' Kestrel app, the gateway) date their answers from this, never from a constant. Taken before a request
/// is sent, it is never later than the app's own today, so a test that runs across midnight still sends an allowed date
/// (the app accepts today and up to 7 days back).
/// </summary>
internal static class AppClock
{
    /// <summary>The shift CI's time-travel run gives every app it starts (0 otherwise).</summary>
    public static int ShiftDays { get; } = int.TryParse(Environment.GetEnvironmentVariable("Clock__ShiftDays"), out var days) ? days : 0;

    /// <summary>Shifted in UTC, then made local, as the app's shifted clock is (across a change of summer time too).</summary>
    public static DateTimeOffset Now => TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow().AddDays(ShiftDays), TimeZoneInfo.Local);

    public static DateOnly Today => DateOnly.FromDateTime(Now.DateTime);
}
