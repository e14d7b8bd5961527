using System.Collections.Concurrent;
using System.Net;
using RunBack.SystemTests;
using RunBack.Web.Tests.Infrastructure;
using RunBack.Web.Tests.Integration;
using Xunit.Abstractions;

namespace RunBack.Web.Tests.RealFaults;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealFaultGroup
{
    public const string Name = "real faults";
}

/// <summary>
/// Real faults against the real app in its own process: kill -9 under load, a full disk (tmpfs), and database files
/// made immutable (chattr +i). Needs Linux and root; without them every test here fails saying so.
/// Run alone with: dotnet test tests/RunBack.Web.Tests --filter FullyQualifiedName~RealFaultTests
/// </summary>
[Collection(RealFaultGroup.Name)]
public sealed class RealFaultTests(ITestOutputHelper output)
{
    private const int CrashRounds = 10;
    private const int Runners = 4;

    [RootFact]
    public async Task KilledUnderLoad_TenRounds_DatabaseIntactAndEveryAcknowledgedSavePresent()
    {
        FaultMachine.RequireRootOnLinux();
        var folder = FaultMachine.NewTempFolder("crash");
        var database = Path.Combine(folder, "runback.db");
        var jars = Enumerable.Range(0, Runners).Select(_ => new CookieContainer()).ToArray();
        var acknowledged = Enumerable.Range(0, Runners).Select(_ => new ConcurrentBag<Guid>()).ToArray();
        var random = new Random();
        var rowsChecked = 0;
        try
        {
            for (var round = 1; round <= CrashRounds; round++)
            {
                await using var app = await AppProcess.StartAsync(database);
                // Kill after a random number of acknowledged saves, while the other runners' saves are in flight.
                var target = acknowledged.Sum(a => a.Count) + random.Next(3, 40);
                var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                using var stop = new CancellationTokenSource();
                var runners = Enumerable.Range(0, Runners).Select(i => Task.Run(async () =>
                {
                    using var client = app.CreateClient(jars[i]);
                    while (!stop.IsCancellationRequested)
                    {
                        try
                        {
                            var response = await SaveAsync(client, Answers.NoRisk(AppClock.Today).With("back_pain", random.Next(0, 11)));
                            if (response.StatusCode == HttpStatusCode.Redirect)
                            {
                                acknowledged[i].Add(Guid.Parse(response.Headers.Location!.ToString()["/history?saved=".Length..]));
                            }
                            else
                            {
                                Assert.Fail($"A save answered {(int)response.StatusCode} before the crash: {await response.Content.ReadAsStringAsync()}");
                            }
                            if (acknowledged.Sum(a => a.Count) >= target)
                            {
                                reached.TrySetResult();
                            }
                        }
                        catch (Exception ex) when (stop.IsCancellationRequested && ex is HttpRequestException or IOException)
                        {
                            // The app was killed mid-request: this save was never acknowledged.
                        }
                    }
                })).ToArray();

                await reached.Task.WaitAsync(TimeSpan.FromSeconds(120));
                await stop.CancelAsync();
                await app.KillAsync();
                await Task.WhenAll(runners).WaitAsync(TimeSpan.FromSeconds(60));

                var check = await FaultMachine.CheckDatabaseAsync(database);
                Assert.Equal("ok", check.Integrity);
                Assert.Equal(0, check.ForeignKeyProblems);
                var expected = acknowledged.SelectMany(a => a).ToList();
                Assert.All(expected, id => Assert.Contains(id, check.CheckInIds));
                rowsChecked += expected.Count;
                output.WriteLine($"round {round}: killed pid {app.Id} after {expected.Count} acknowledged saves; {check.CheckInIds.Count} rows on disk; integrity ok");
            }

            // After the last crash the app starts again, and every runner's own history (by its cookie) lists each of its saves.
            await using var restarted = await AppProcess.StartAsync(database);
            for (var i = 0; i < Runners; i++)
            {
                using var client = restarted.CreateClient(jars[i]);
                var csv = await client.GetStringAsync("/history/export.csv");
                Assert.All(acknowledged[i], id => Assert.Contains(id.ToString(), csv, StringComparison.Ordinal));
            }
            output.WriteLine($"{CrashRounds} rounds of kill -9, {acknowledged.Sum(a => a.Count)} acknowledged saves, {rowsChecked} row checks; all present after restart");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [RootFact]
    public async Task DiskFull_SavesSayServiceUnavailableKeepAnswers_AndWorkAgainWhenSpaceReturns_WithoutRestart()
    {
        FaultMachine.RequireRootOnLinux("mount", "umount");
        using var disk = new SmallDisk(sizeMegabytes: "24");
        var database = Path.Combine(disk.Folder, "runback.db");
        await using var app = await AppProcess.StartAsync(database);
        using var log = new AppLogOnFailure(app, output);
        using var runner = app.CreateClient();
        using var other = app.CreateClient();
        var saved = new List<Guid> { await SaveOkAsync(runner, Answers.NoRisk(AppClock.Today)), await SaveOkAsync(other, Answers.HipPattern(AppClock.Today)) };
        var otherCode = await RecoveryCodeAsync(other);

        var filled = disk.Fill();
        // Saves may still fit in pages SQLite already holds; keep saving until the disk really refuses one.
        HttpResponseMessage? refused = null;
        var answers = Answers.HipPattern(AppClock.Today).With("back_pain", 7);
        for (var attempt = 0; attempt < 500 && refused is null; attempt++)
        {
            var response = await SaveAsync(runner, answers);
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                saved.Add(Guid.Parse(response.Headers.Location!.ToString()["/history?saved=".Length..]));
            }
            else
            {
                refused = response;
            }
        }
        Assert.NotNull(refused);
        output.WriteLine($"disk full after {filled / 1024} KB of filler; {saved.Count} saves acknowledged before the first refusal");
        await AssertStorageRefusalAsync(refused, answers.ToJsonString());
        // A full disk can still take a write that fits in pages SQLite already holds (it reuses its WAL file), so the
        // smaller writes may go through; what they must never do is fail with anything but the clear 503.
        var otherForgotten = await AssertWritesRefusedAsync(app, runner, other, otherCode, smallWritesMayFit: true);
        if (otherForgotten)
        {
            // Forget-me fitted and went through: the other runner's check-in must be gone, not half there.
            var forgotten = saved[1];
            saved.RemoveAt(1);
            Assert.DoesNotContain(forgotten, (await FaultMachine.CheckDatabaseAsync(database)).CheckInIds);
        }

        disk.Free();

        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(runner, answers)).StatusCode);
        await AssertWritesWorkAsync(app, runner);
        await AssertAllPresentAsync(app, database, saved, otherForgotten ? [runner] : [runner, other]);
        log.Passed();
    }

    [RootFact]
    public async Task DatabaseFilesImmutable_SavesSayServiceUnavailable_AndWorkAgainWhenWritable_WithoutRestart()
    {
        FaultMachine.RequireRootOnLinux("chattr");
        var folder = FaultMachine.NewTempFolder("readonly");
        ImmutableFiles.RequireSupport(folder);
        var database = Path.Combine(folder, "runback.db");
        try
        {
            await using var app = await AppProcess.StartAsync(database);
            using var log = new AppLogOnFailure(app, output);
            using var runner = app.CreateClient();
            using var other = app.CreateClient();
            var saved = new List<Guid> { await SaveOkAsync(runner, Answers.NoRisk(AppClock.Today)), await SaveOkAsync(other, Answers.HipPattern(AppClock.Today)) };
            var otherCode = await RecoveryCodeAsync(other);
            using (var immutable = new ImmutableFiles())
            {
                // The database and its write-ahead log. Not the -shm file: it is a shared memory map, and writing to the
                // mapping of an immutable file kills the process with SIGBUS (that is the crash case, tested above).
                immutable.Protect(database, database + "-wal");
                var answers = Answers.HipPattern(AppClock.Today).With("back_pain", 6);

                await AssertStorageRefusalAsync(await SaveAsync(runner, answers), answers.ToJsonString());
                await AssertWritesRefusedAsync(app, runner, other, otherCode);
                // Pages that only read keep working on a read-only disk.
                Assert.Equal(HttpStatusCode.OK, (await runner.GetAsync("/history")).StatusCode);

                immutable.Release();
            }

            Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(runner, Answers.NoRisk(AppClock.Today).With("back_pain", 2))).StatusCode);
            await AssertWritesWorkAsync(app, runner);
            await AssertAllPresentAsync(app, database, saved, runner, other);
            log.Passed();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// A save to the app in its own process, which runs on the machine's real clock: dated from <see cref="AppClock"/>,
    /// never from the in-process tests' fake day.
    /// </summary>
    private static Task<HttpResponseMessage> SaveAsync(HttpClient client, System.Text.Json.Nodes.JsonObject answers) =>
        CheckInClient.SaveAsync(client, answers, date: AppClock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    private static Task<Guid> SaveOkAsync(HttpClient client, System.Text.Json.Nodes.JsonObject answers) =>
        CheckInClient.SaveOkAsync(client, answers, date: AppClock.Today);

    private static async Task AssertStorageRefusalAsync(HttpResponseMessage response, string answersJson)
    {
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("We could not save your check-in just now", html, StringComparison.Ordinal);
        Assert.Contains(answersJson, html, StringComparison.Ordinal);
    }

    /// <summary>While storage refuses writes: /healthz says so, and every other write gives the same clear 503.</summary>
    private static async Task<string> RecoveryCodeAsync(HttpClient client)
    {
        var match = System.Text.RegularExpressions.Regex.Match(await client.GetStringAsync("/history"), "<code>([0-9A-Z]{4}(?:-[0-9A-Z]{4}){6})</code>");
        Assert.True(match.Success, "No recovery code shown after the first save");
        return match.Groups[1].Value;
    }

    /// <summary>While storage refuses writes: /healthz says so, and every other write gives the same clear 503 (or, where
    /// small writes may fit, goes through). Returns whether the other runner's forget-me went through.</summary>
    private static async Task<bool> AssertWritesRefusedAsync(AppProcess app, HttpClient runner, HttpClient other, string otherCode, bool smallWritesMayFit = false)
    {
        var forgotten = false;
        using var probe = app.CreateClient();
        var health = await probe.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync());
        foreach (var (client, path, fields) in new[]
        {
            (runner, "/recovery-code", new Dictionary<string, string>()),
            (other, "/forget", new Dictionary<string, string> { ["confirm"] = "yes" }),
            (probe, "/recover", new Dictionary<string, string> { ["code"] = otherCode }),
        })
        {
            var response = await CheckInClient.PostFormAsync(client, path, fields);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            if (smallWritesMayFit && response.StatusCode == HttpStatusCode.Redirect)
            {
                forgotten |= path == "/forget";
                continue;
            }
            if (forgotten && path == "/recover" && response.StatusCode == HttpStatusCode.BadRequest
                && html.Contains("No history matches that recovery code", StringComparison.Ordinal))
            {
                continue; // the other runner's forget-me fitted above, so its code rightly matches nothing (the form page, 400)
            }
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"POST {path} answered {(int)response.StatusCode}: {html}");
            Assert.Contains("storage on our side is not available", html, StringComparison.Ordinal);
        }
        return forgotten;
    }

    private static async Task AssertWritesWorkAsync(AppProcess app, HttpClient runner)
    {
        using var probe = app.CreateClient();
        Assert.Equal("Healthy", await probe.GetStringAsync("/healthz"));
        Assert.Equal(HttpStatusCode.Redirect, (await CheckInClient.PostFormAsync(runner, "/recovery-code")).StatusCode);
    }

    /// <summary>Every acknowledged save is still there (through the app, by each runner's cookie, and on disk), and the file is intact.</summary>
    private static async Task AssertAllPresentAsync(AppProcess app, string database, List<Guid> saved, params HttpClient[] runners)
    {
        var csv = string.Concat(await Task.WhenAll(runners.Select(r => r.GetStringAsync("/history/export.csv"))));
        Assert.All(saved, id => Assert.Contains(id.ToString(), csv, StringComparison.Ordinal));
        await app.KillAsync();
        var check = await FaultMachine.CheckDatabaseAsync(database);
        Assert.Equal("ok", check.Integrity);
        Assert.Equal(0, check.ForeignKeyProblems);
        Assert.All(saved, id => Assert.Contains(id, check.CheckInIds));
    }

    /// <summary>Writes the app's own output to the test log when a test fails before calling <see cref="Passed"/>.</summary>
    private sealed class AppLogOnFailure(AppProcess app, ITestOutputHelper output) : IDisposable
    {
        private bool _passed;

        public void Passed() => _passed = true;

        public void Dispose()
        {
            if (!_passed)
            {
                output.WriteLine("The app's output:\n" + app.Output);
            }
        }
    }
}
