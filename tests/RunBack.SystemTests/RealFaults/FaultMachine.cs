using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace RunBack.Web.Tests.RealFaults;

/// <summary>
/// What the real-fault tests need from the machine: Linux, root (to mount a filesystem and set the immutable flag) and
/// the tools. When something is missing the test FAILS saying what, never skips.
/// </summary>
internal static class FaultMachine
{
    /// <summary>The effective user id, from /proc (0 is root).</summary>
    private static string EffectiveUserId() =>
        File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal))
            .Split('\t', StringSplitOptions.RemoveEmptyEntries)[2];

    public static void RequireRootOnLinux(params string[] tools)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new InvalidOperationException(
                "The real-fault tests need Linux (tmpfs, chattr, kill -9). Run them on Linux as root: they are not skipped elsewhere, they fail.");
        }
        if (EffectiveUserId() != "0")
        {
            throw new InvalidOperationException(
                "The real-fault tests need root (mount a tmpfs, set the immutable flag with chattr). Run 'sudo dotnet test --filter RealFaultTests' or run CI as root.");
        }
        foreach (var tool in tools)
        {
            if (!new[] { "/usr/bin", "/bin", "/usr/sbin", "/sbin" }.Any(folder => File.Exists(Path.Combine(folder, tool))))
            {
                throw new InvalidOperationException($"The real-fault tests need '{tool}': install it (bash .ci/test.sh does: apt-get install -y e2fsprogs util-linux).");
            }
        }
    }

    /// <summary>Runs a command and fails with its output when it does not succeed.</summary>
    public static void Run(string file, params string[] arguments)
    {
        var (code, output) = TryRun(file, arguments);
        if (code != 0)
        {
            throw new InvalidOperationException($"'{file} {string.Join(' ', arguments)}' failed with exit code {code}: {output}");
        }
    }

    public static (int ExitCode, string Output) TryRun(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Trim());
    }

    public static string NewTempFolder(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"runback-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Checks the database file the way an operator would after a crash: integrity, foreign keys, and its rows.</summary>
    public static async Task<DatabaseCheck> CheckDatabaseAsync(string databasePath)
    {
        await using var db = new SqliteConnection($"Data Source={databasePath};Mode=ReadWrite;Pooling=False");
        await db.OpenAsync();
        var integrity = await ReadAllAsync(db, "PRAGMA integrity_check;");
        var foreignKeys = await ReadAllAsync(db, "PRAGMA foreign_key_check;");
        var ids = await ReadAllAsync(db, "SELECT Id FROM check_ins;");
        return new DatabaseCheck(string.Join('\n', integrity), foreignKeys.Count,
            new HashSet<Guid>(ids.Select(Guid.Parse)));
    }

    private static async Task<List<string>> ReadAllAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetValue(0).ToString()!);
        }
        return rows;
    }
}

internal sealed record DatabaseCheck(string Integrity, int ForeignKeyProblems, HashSet<Guid> CheckInIds);

/// <summary>A small tmpfs mounted on a temp folder: a real disk that fills up. Unmounted on dispose.</summary>
internal sealed class SmallDisk : IDisposable
{
    public SmallDisk(string sizeMegabytes)
    {
        Folder = FaultMachine.NewTempFolder("tmpfs");
        FaultMachine.Run("mount", "-t", "tmpfs", "-o", $"size={sizeMegabytes}m,mode=0700", "tmpfs", Folder);
    }

    public string Folder { get; }

    private string Filler => Path.Combine(Folder, "filler.bin");

    /// <summary>Writes a file until the filesystem refuses more (ENOSPC). Returns the bytes written.</summary>
    public long Fill()
    {
        var block = new byte[64 * 1024];
        Random.Shared.NextBytes(block);
        long written = 0;
        using var file = new FileStream(Filler, FileMode.Append, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        foreach (var size in new[] { block.Length, 4096, 512 })
        {
            try
            {
                while (true)
                {
                    file.Write(block, 0, size);
                    written += size;
                }
            }
            catch (IOException)
            {
                // ENOSPC for this block size: try a smaller one, to leave no room at all.
            }
        }
        return written;
    }

    public void Free() => File.Delete(Filler);

    public void Dispose()
    {
        var (code, output) = FaultMachine.TryRun("umount", "-l", Folder);
        if (code == 0)
        {
            Directory.Delete(Folder);
        }
        else
        {
            Console.Error.WriteLine($"Could not unmount {Folder}: {output}");
        }
    }
}

/// <summary>
/// Makes files read-only for real: <c>chattr +i</c> (even root cannot write, and already open descriptors are refused
/// too). Checks first that the filesystem supports the flag; tmpfs does not, so the folder must be on ext4 or similar.
/// </summary>
internal sealed class ImmutableFiles : IDisposable
{
    private readonly List<string> _files = [];

    public static void RequireSupport(string folder)
    {
        var probe = Path.Combine(folder, "chattr-probe");
        File.WriteAllText(probe, "probe");
        try
        {
            var (code, output) = FaultMachine.TryRun("chattr", "+i", probe);
            if (code != 0)
            {
                throw new InvalidOperationException(
                    $"chattr +i does not work on the filesystem holding {folder} ({output}). Point TMPDIR at an ext4/xfs/btrfs folder to run the read-only test.");
            }
            Assert.ThrowsAny<UnauthorizedAccessException>(() => File.AppendAllText(probe, "more"));
        }
        finally
        {
            FaultMachine.TryRun("chattr", "-i", probe);
            File.Delete(probe);
        }
    }

    public void Protect(params string[] files)
    {
        foreach (var file in files.Where(File.Exists))
        {
            FaultMachine.Run("chattr", "+i", file);
            _files.Add(file);
        }
    }

    public void Release()
    {
        foreach (var file in _files)
        {
            FaultMachine.Run("chattr", "-i", file);
        }
        _files.Clear();
    }

    public void Dispose()
    {
        foreach (var file in _files)
        {
            FaultMachine.TryRun("chattr", "-i", file);
        }
    }
}
