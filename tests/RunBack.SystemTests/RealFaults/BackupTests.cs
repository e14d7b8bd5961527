using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using RunBack.SystemTests;
using RunBack.Web.Tests.Infrastructure;
using RunBack.Web.Tests.Integration;
using Xunit.Abstractions;

namespace RunBack.Web.Tests.RealFaults;

/// <summary>
/// The backup drill with real processes: the app serves four saving runners while <c>RunBack.Web backup PATH</c> runs
/// beside it; the backup is restored into a fresh app, which finds every save acknowledged before the backup began.
/// And the command's refusals: each one line on stderr, exit 1, nothing overwritten.
/// </summary>
[Collection(RealFaultGroup.Name)]
public sealed class BackupTests(ITestOutputHelper output)
{
    private const int Runners = 4;

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Backup_WhileFourRunnersSave_RestoredAppHasEverySaveAcknowledgedBefore_AndIntegrityOk()
    {
        var folder = FaultMachine.NewTempFolder("backup");
        var live = Path.Combine(folder, "live", "runback.db");
        var backup = Path.Combine(folder, "backups", "runback.db");
        var restored = Path.Combine(folder, "restored", "runback.db");
        Directory.CreateDirectory(Path.GetDirectoryName(backup)!);
        // A real restore brings back the keys folder too (antiforgery and saved self-checks); the profile cookie needs none.
        var keys = new Dictionary<string, string> { ["DataProtection__KeysPath"] = Path.Combine(folder, "keys") };
        var jars = Enumerable.Range(0, Runners).Select(_ => new CookieContainer()).ToArray();
        var acknowledged = Enumerable.Range(0, Runners).Select(_ => new ConcurrentQueue<Guid>()).ToArray();
        try
        {
            HashSet<Guid> before;
            int duringBackup;
            (int ExitCode, string Output, string Error) result;
            var watch = new Stopwatch();
            await using (var app = await AppProcess.StartAsync(live, keys))
            {
                using var stop = new CancellationTokenSource();
                var runners = Enumerable.Range(0, Runners).Select(i => Task.Run(async () =>
                {
                    using var client = app.CreateClient(jars[i]);
                    var release = await CheckInClient.CurrentReleaseAsync(client);
                    while (!stop.IsCancellationRequested)
                    {
                        var response = await CheckInClient.SaveAsync(client, Answers.NoRisk(AppClock.Today).With("back_pain", i + 2),
                            date: AppClock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), release: release);
                        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"A save answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                        acknowledged[i].Enqueue(Guid.Parse(response.Headers.Location!.ToString()["/history?saved=".Length..]));
                    }
                })).ToArray();

                await PollAsync(() => acknowledged.Sum(a => a.Count) >= 40 || runners.Any(r => r.IsCompleted), "40 saves acknowledged");
                Assert.DoesNotContain(runners, r => r.IsFaulted);
                before = acknowledged.SelectMany(a => a).ToHashSet();
                watch.Start();
                result = await AppProcess.RunCommandAsync(live, ["backup", backup], keys);
                watch.Stop();
                duringBackup = acknowledged.Sum(a => a.Count) - before.Count;
                await stop.CancelAsync();
                await Task.WhenAll(runners).WaitAsync(TimeSpan.FromSeconds(60));
            }

            Assert.True(result.ExitCode == 0, $"backup exited {result.ExitCode}: {result.Output} {result.Error}");
            Assert.Equal("", result.Error);
            Assert.Contains("integrity ok", result.Output, StringComparison.Ordinal);
            // The runners kept saving while the backup ran: it was taken online, not from a stopped app.
            Assert.True(duringBackup > 0, "No save was acknowledged while the backup ran.");
            Assert.Equal([Path.GetFileName(backup)], Directory.GetFiles(Path.GetDirectoryName(backup)!).Select(Path.GetFileName));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backup));

            Directory.CreateDirectory(Path.GetDirectoryName(restored)!);
            File.Copy(backup, restored);
            var check = await FaultMachine.CheckDatabaseAsync(restored);
            Assert.Equal("ok", check.Integrity);
            Assert.Equal(0, check.ForeignKeyProblems);
            Assert.All(before, id => Assert.Contains(id, check.CheckInIds));

            await using (var fresh = await AppProcess.StartAsync(restored, keys))
            {
                for (var i = 0; i < Runners; i++)
                {
                    using var client = fresh.CreateClient(jars[i]);
                    var csv = await client.GetStringAsync("/history/export.csv");
                    Assert.All(acknowledged[i].Where(before.Contains), id => Assert.Contains(id.ToString(), csv, StringComparison.Ordinal));
                }
            }
            output.WriteLine($"{result.Output.Trim()} (command {watch.ElapsedMilliseconds} ms wall, process start included); " +
                $"{before.Count} saves acknowledged before it began, {duringBackup} while it ran, {check.CheckInIds.Count} in the backup; all before it restored");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Backup_RefusesInOneLine_ExistingFileMissingFolderPostgresAndNoPath()
    {
        var folder = FaultMachine.NewTempFolder("backup-refusals");
        var database = Path.Combine(folder, "runback.db");
        try
        {
            Assert.Equal(0, (await AppProcess.RunCommandAsync(database, ["migrate"])).ExitCode);
            var existing = Path.Combine(folder, "existing.db");
            await File.WriteAllTextAsync(existing, "an older backup");

            await AssertRefusedAsync(database, ["backup", existing], "already exists: choose a new name, or add --overwrite to replace it.");
            Assert.Equal("an older backup", await File.ReadAllTextAsync(existing));
            await AssertRefusedAsync(database, ["backup", Path.Combine(folder, "no-such-folder", "runback.db")], "does not exist: create it first");
            await AssertRefusedAsync(database, ["backup", Path.Combine(folder, "b.db")], "use pg_dump", new Dictionary<string, string>
            {
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__RunBack"] = "Host=127.0.0.1;Database=runback;Username=runback",
            });
            await AssertRefusedAsync(database, ["backup"], "name the backup file");
            await AssertRefusedAsync(Path.Combine(folder, "missing.db"), ["backup", Path.Combine(folder, "b.db")], "there is no database at");
            Assert.False(File.Exists(Path.Combine(folder, "b.db")));

            var replaced = await AppProcess.RunCommandAsync(database, ["backup", existing, "--overwrite"]);
            Assert.True(replaced.ExitCode == 0, replaced.Error);
            Assert.Equal("ok", (await FaultMachine.CheckDatabaseAsync(existing)).Integrity);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [RootFact]
    public async Task Backup_IntoReadOnlyFolder_RefusesInOneLine_AndLeavesNothing()
    {
        FaultMachine.RequireRootOnLinux("chattr");
        var folder = FaultMachine.NewTempFolder("backup-readonly");
        var database = Path.Combine(folder, "runback.db");
        var target = Path.Combine(folder, "backups");
        Directory.CreateDirectory(target);
        try
        {
            Assert.Equal(0, (await AppProcess.RunCommandAsync(database, ["migrate"])).ExitCode);
            // Root ignores file modes; an immutable folder refuses even root a new file.
            FaultMachine.Run("chattr", "+i", target);
            try
            {
                await AssertRefusedAsync(database, ["backup", Path.Combine(target, "runback.db")], "the folder may be read-only or full");
            }
            finally
            {
                FaultMachine.Run("chattr", "-i", target);
            }
            Assert.Empty(Directory.GetFileSystemEntries(target));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task AssertRefusedAsync(string database, string[] arguments, string expected, IReadOnlyDictionary<string, string>? settings = null)
    {
        var (code, stdout, stderr) = await AppProcess.RunCommandAsync(database, arguments, settings);
        Assert.True(code == 1, $"'{string.Join(' ', arguments)}' exited {code}: {stdout} {stderr}");
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("RunBack backup: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    private static async Task PollAsync(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(120);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Not reached within 120 s: {what}");
            await Task.Delay(50);
        }
    }
}
