using System.Collections.Concurrent;
using System.Net;
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

    [Fact]
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
                            var response = await CheckInClient.SaveAsync(client, Answers.NoRisk().With("back_pain", random.Next(0, 11)));
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
}
