using System.Collections.Concurrent;
using System.Globalization;

namespace RunBack.Core.Content;

/// <summary>
/// Every release under content/releases, loaded once and immutable. The newest published release is served;
/// older ones stay so that past check-ins render exactly as they were given.
/// </summary>
public sealed class ContentStore
{
    public const string ReleasesFolder = "releases";

    private readonly Dictionary<string, ContentRelease> _releases;

    private ContentStore(IReadOnlyList<ContentRelease> releases)
    {
        Releases = [.. releases.OrderBy(r => ParseVersion(r.Id))];
        _releases = releases.ToDictionary(r => r.Id, StringComparer.Ordinal);
        Current = Releases[^1];
    }

    /// <summary>All releases, oldest first.</summary>
    public IReadOnlyList<ContentRelease> Releases { get; }

    public ContentRelease Current { get; }

    public ContentRelease? Find(string releaseId) => _releases.GetValueOrDefault(releaseId);

    private readonly ConcurrentDictionary<(string Release, string Locale), ContentRelease> _borrowed = new();

    /// <summary>The current release in a culture's edition (see <see cref="Edition"/>).</summary>
    public ContentRelease CurrentEdition(CultureInfo culture) => Edition(Current, culture);

    /// <summary>A release in a culture's edition, or null when no such release exists.</summary>
    public ContentRelease? FindEdition(string releaseId, CultureInfo culture) =>
        Find(releaseId) is { } release ? Edition(release, culture) : null;

    /// <summary>
    /// A release as a culture's edition reads it: the release's overlay for the culture (locales/en-US.yaml) when it
    /// has one; otherwise its own words. The runner's country is a setting apart from the edition, so its actions
    /// (what to do first, the number to call) know every country any release knows: the release's own for the
    /// countries it covers, and for every other country those of the newest release that covers it (in that release's
    /// words for the culture). So an older release never tells a runner in the US or Canada to call 999, and a release
    /// with no actions at all takes the newest ones whole. Only a country no release knows gets the "your local
    /// emergency number" wording.
    /// </summary>
    public ContentRelease Edition(ContentRelease release, CultureInfo culture) =>
        _borrowed.GetOrAdd((release.Id, culture.Name), _ =>
        {
            var own = release.Edition(culture.Name) ?? release;
            var actions = own.Actions;
            foreach (var newer in Releases.Reverse())
            {
                actions = actions.Borrowing((newer.Edition(culture.Name) ?? newer).Actions);
            }
            return actions.Countries.Count == own.Actions.Countries.Count && actions.IsEmpty == own.Actions.IsEmpty
                ? own
                : own.WithActions(actions);
        });

    public static ContentStore Load(string contentRoot, bool includeDrafts = false)
    {
        var (store, problems) = TryLoad(contentRoot, includeDrafts);
        return store ?? throw new ContentValidationException(problems);
    }

    public static (ContentStore? Store, IReadOnlyList<ContentProblem> Problems) TryLoad(string contentRoot, bool includeDrafts = false)
    {
        var problems = new List<ContentProblem>();
        var root = Path.GetFullPath(contentRoot);
        var releasesDirectory = Path.Combine(root, ReleasesFolder);
        if (!Directory.Exists(releasesDirectory))
        {
            problems.Add(new(new(ReleasesFolder, 0), $"folder not found under '{root}'"));
            return (null, problems);
        }
        var locked = ReleaseLock.Read(root, problems);
        var toLoad = new List<(string Directory, string Id, (string Hash, int Line)? Entry)>();
        foreach (var directory in Directory.EnumerateDirectories(releasesDirectory).Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileName(directory);
            var display = $"{ReleasesFolder}/{id}";
            if (ParseVersion(id) is null)
            {
                problems.Add(new(new(display, 0), "a release folder is named by its version, like 2026.11.0"));
                continue;
            }
            var published = locked.TryGetValue(id, out var entry);
            if (published || includeDrafts)
            {
                toLoad.Add((directory, id, published ? entry : null));
            }
        }
        // Each release is hashed and parsed on its own, in parallel (start-up: issue 28); their problems are reported
        // in folder order, as when they were read one after another.
        var loaded = new (ContentRelease? Release, List<ContentProblem> Problems)[toLoad.Count];
        Parallel.For(0, toLoad.Count, i =>
        {
            var (directory, id, entry) = toLoad[i];
            var releaseProblems = new List<ContentProblem>();
            if (entry is { } locks && ReleaseLock.ComputeHash(directory) != locks.Hash)
            {
                releaseProblems.Add(new(new(ReleaseLock.FileName, locks.Line),
                    $"published release '{id}' has been edited (its SHA-256 no longer matches): undo the edit and publish the change as a new release"));
            }
            var (release, parseProblems) = ReleaseLoader.TryLoad(directory, root);
            releaseProblems.AddRange(parseProblems);
            loaded[i] = (release, releaseProblems);
        });
        var releases = new List<ContentRelease>();
        foreach (var (release, releaseProblems) in loaded)
        {
            problems.AddRange(releaseProblems);
            if (release is not null)
            {
                releases.Add(release);
            }
        }
        foreach (var (id, (_, line)) in locked)
        {
            if (!Directory.Exists(Path.Combine(releasesDirectory, id)))
            {
                problems.Add(new(new(ReleaseLock.FileName, line), $"published release '{id}' is missing from {ReleasesFolder}/"));
            }
        }
        if (releases.Count == 0 && problems.Count == 0)
        {
            problems.Add(new(new(ReleasesFolder, 0), "no published release found"));
        }
        return problems.Count > 0 ? (null, problems) : (new ContentStore(releases), problems);
    }

    public static Version? ParseVersion(string id) =>
        Version.TryParse(id, out var version) && version.Build >= 0 && version.Revision < 0 ? version : null;
}
