using System.Security.Cryptography;
using System.Text;

namespace RunBack.Core.Content;

/// <summary>
/// content/releases.lock: one line per published release, "id sha256:hex". A published release is immutable:
/// its hash over every file (path and bytes, line endings normalised) must keep matching.
/// </summary>
public static class ReleaseLock
{
    public const string FileName = "releases.lock";

    public static IReadOnlyDictionary<string, (string Hash, int Line)> Read(string contentRoot, List<ContentProblem> problems)
    {
        var path = Path.Combine(contentRoot, FileName);
        var result = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            problems.Add(new(new(FileName, 0), "file not found: no release is published"));
            return result;
        }
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !parts[1].StartsWith("sha256:", StringComparison.Ordinal) || parts[1].Length != 7 + 64)
            {
                problems.Add(new(new(FileName, i + 1), "expected '<release id> sha256:<64 hex digits>'"));
                continue;
            }
            if (!result.TryAdd(parts[0], (parts[1][7..], i + 1)))
            {
                problems.Add(new(new(FileName, i + 1), $"release '{parts[0]}' is listed twice"));
            }
        }
        return result;
    }

    /// <summary>The SHA-256 of a release folder: every file's relative path and content, in ordinal path order.</summary>
    public static string ComputeHash(string releaseDirectory)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = Directory.EnumerateFiles(releaseDirectory, "*", SearchOption.AllDirectories)
            .Select(f => (Relative: Path.GetRelativePath(releaseDirectory, f).Replace('\\', '/'), Full: f))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
        foreach (var (relative, full) in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(relative));
            sha.AppendData([0]);
            var text = File.ReadAllText(full).Replace("\r\n", "\n", StringComparison.Ordinal);
            sha.AppendData(Encoding.UTF8.GetBytes(text));
            sha.AppendData([0]);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Publishes a release: appends its hash to the lock file. Refuses to re-publish an id.</summary>
    public static string Publish(string contentRoot, string releaseId)
    {
        var problems = new List<ContentProblem>();
        var existing = Read(contentRoot, problems);
        if (existing.ContainsKey(releaseId))
        {
            throw new InvalidOperationException($"Release '{releaseId}' is already published; publish changes as a new release.");
        }
        var hash = ComputeHash(Path.Combine(contentRoot, ContentStore.ReleasesFolder, releaseId));
        var path = Path.Combine(contentRoot, FileName);
        if (!File.Exists(path))
        {
            File.WriteAllText(path, "# Published content releases. A published release is never edited: publish a new one.\n");
        }
        File.AppendAllText(path, $"{releaseId} sha256:{hash}\n");
        return hash;
    }
}
