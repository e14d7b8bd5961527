namespace RunBack.Core.Content;

/// <summary>
/// The content authors' command, run without starting the server:
/// <c>content check [path]</c> validates every release (drafts included) and the lock file, one line per problem;
/// <c>content publish &lt;release id&gt; [path]</c> validates a draft and records its hash in releases.lock.
/// Exit code 0 when all is well, 1 when there are problems, 2 when the command itself is wrong.
/// </summary>
public static class ContentCommand
{
    public const string Usage = """
        Usage:
          content check [content folder]              check every release and releases.lock
          content publish <release id> [content folder] validate a draft release and publish it
        The content folder defaults to ./content (or ../../content when run from src/RunBack.Web).
        """;

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "content";

    /// <summary>Runs the command in <paramref name="args"/>, writing to <paramref name="output"/>.</summary>
    /// <param name="args">"content", the verb and its arguments.</param>
    /// <param name="output">Where the command's lines go.</param>
    /// <param name="defaultRoot">The content folder when the command names none.</param>
    /// <param name="today">The day a publish is dated with (release.yaml's <c>published</c>); today in UTC when not given.</param>
    public static int Run(string[] args, TextWriter output, string? defaultRoot = null, DateOnly? today = null)
    {
        if (args.Length < 2)
        {
            output.WriteLine(Usage);
            return 2;
        }
        switch (args[1])
        {
            case "check":
                return Check(ResolveRoot(args.ElementAtOrDefault(2), defaultRoot), output);
            case "publish" when args.Length >= 3:
                return Publish(args[2], ResolveRoot(args.ElementAtOrDefault(3), defaultRoot), output,
                    today ?? DateOnly.FromDateTime(DateTime.UtcNow));
            default:
                output.WriteLine(Usage);
                return 2;
        }
    }

    private static string ResolveRoot(string? given, string? defaultRoot)
    {
        if (given is not null)
        {
            return Path.GetFullPath(given);
        }
        if (defaultRoot is not null)
        {
            return defaultRoot;
        }
        var candidates = new[] { "content", Path.Combine("..", "..", "content") };
        return Path.GetFullPath(candidates.FirstOrDefault(Directory.Exists) ?? "content");
    }

    private static int Check(string root, TextWriter output)
    {
        var (store, problems) = ContentStore.TryLoad(root, includeDrafts: true);
        foreach (var problem in problems)
        {
            output.WriteLine(problem);
        }
        if (store is null)
        {
            output.WriteLine($"{problems.Count} problem(s) in {root}");
            return 1;
        }
        var locked = ReleaseLock.Read(root, []);
        foreach (var release in store.Releases)
        {
            var state = locked.ContainsKey(release.Id) ? "published" : "draft";
            output.WriteLine($"ok: {release.Id} ({state}): {release.Questionnaire.Questions.Count} questions, " +
                             $"{release.Rules.Rules.Count} rules, {release.GuidanceItems.Count()} guidance items" +
                             (release.Locales.Count > 0 ? $", editions: {string.Join(", ", release.Locales.Order(StringComparer.Ordinal))}" : ""));
        }
        return 0;
    }

    private static int Publish(string releaseId, string root, TextWriter output, DateOnly today)
    {
        var directory = Path.Combine(root, ContentStore.ReleasesFolder, releaseId);
        var (_, problems) = ReleaseLoader.TryLoad(directory, root);
        foreach (var problem in problems)
        {
            output.WriteLine(problem);
        }
        if (problems.Count > 0)
        {
            output.WriteLine($"not published: {problems.Count} problem(s)");
            return 1;
        }
        try
        {
            if (!ReleaseLock.Read(root, []).ContainsKey(releaseId))
            {
                // A release is dated the day it is published, by this command, never by hand: a date in the future would
                // be served (and exported as the FHIR Questionnaire's date) before its day. Only a valid draft is touched.
                DatePublished(Path.Combine(directory, "release.yaml"), today);
            }
            var hash = ReleaseLock.Publish(root, releaseId);
            output.WriteLine($"published {releaseId} sha256:{hash}");
            return 0;
        }
        catch (InvalidOperationException ex)
        {
            output.WriteLine(ex.Message);
            return 1;
        }
    }

    /// <summary>Sets release.yaml's <c>published:</c> line to <paramref name="day"/> (adds it after <c>id:</c> when missing).</summary>
    private static void DatePublished(string releaseYaml, DateOnly day)
    {
        if (!File.Exists(releaseYaml))
        {
            return;
        }
        var line = "published: " + day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var lines = File.ReadAllLines(releaseYaml).ToList();
        var at = lines.FindIndex(l => l.StartsWith("published:", StringComparison.Ordinal));
        if (at >= 0)
        {
            lines[at] = line;
        }
        else
        {
            lines.Insert(Math.Max(0, lines.FindIndex(l => l.StartsWith("id:", StringComparison.Ordinal))) + 1, line);
        }
        File.WriteAllText(releaseYaml, string.Join('\n', lines) + "\n");
    }
}
