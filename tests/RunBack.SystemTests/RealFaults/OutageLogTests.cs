using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using RunBack.SystemTests;
using RunBack.Web.Tests.Infrastructure;
using RunBack.Web.Tests.Integration;
using Xunit.Abstractions;

namespace RunBack.Web.Tests.RealFaults;

/// <summary>
/// What the built app's console log holds in an outage: a known storage failure is logged once per period with a count
/// of the others, with no stack trace (before: three Error entries with stack traces per failed request); health probes
/// are at Debug, so they do not appear at the default level.
/// </summary>
[Collection(RealFaultGroup.Name)]
public sealed partial class OutageLogTests(ITestOutputHelper output)
{
    private const int FailedSaves = 20;

    [RootFact]
    public async Task StorageRefusingWrites_TwentyFailedSaves_LoggedOnceWithACount_NoStackTrace()
    {
        FaultMachine.RequireRootOnLinux("chattr");
        var folder = FaultMachine.NewTempFolder("outage-log");
        ImmutableFiles.RequireSupport(folder);
        var database = Path.Combine(folder, "runback.db");
        try
        {
            await using var app = await AppProcess.StartAsync(database);
            using var runner = app.CreateClient();
            await CheckInClient.SaveOkAsync(runner, Answers.NoRisk(AppClock.Today), date: AppClock.Today);
            var release = await CheckInClient.CurrentReleaseAsync(runner);
            var before = app.Output.Length;
            var watch = Stopwatch.StartNew();
            using (var immutable = new ImmutableFiles())
            {
                immutable.Protect(database, database + "-wal");
                for (var i = 0; i < FailedSaves; i++)
                {
                    var response = await CheckInClient.SaveAsync(runner, Answers.NoRisk(AppClock.Today),
                        date: AppClock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), release: release);
                    Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                }
                immutable.Release();
            }
            var elapsed = watch.Elapsed;

            // The first failure at once; the others counted and reported when their period ends.
            await PollAsync(() => Counted(app.Output[before..]) >= FailedSaves, $"{FailedSaves} failures accounted for in the log");
            var log = app.Output[before..];
            Assert.Equal(FailedSaves, Counted(log));
            var lines = log.Split('\n');
            var errors = lines.Count(l => l.Contains(" ERR]", StringComparison.Ordinal));
            var periods = (int)Math.Ceiling(elapsed.TotalSeconds / 10) + 1;
            Assert.True(errors <= 2 * periods, $"{errors} Error lines for {FailedSaves} failed saves in {elapsed.TotalSeconds:0.0} s:\n{log}");
            Assert.DoesNotContain(lines, l => l.StartsWith("   at ", StringComparison.Ordinal));
            output.WriteLine($"{FailedSaves} failed saves in {elapsed.TotalSeconds:0.0} s: {lines.Count(l => l.Length > 0)} log lines, {errors} Error lines, no stack trace");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task HealthProbes_NotLoggedAtTheDefaultLevel_OtherRequestsAre()
    {
        var folder = FaultMachine.NewTempFolder("probe-log");
        try
        {
            await using var app = await AppProcess.StartAsync(Path.Combine(folder, "runback.db"));
            using var client = app.CreateClient();
            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
            }
            await client.GetStringAsync("/about");
            await PollAsync(() => app.Output.Contains("HTTP GET /about responded 200", StringComparison.Ordinal) ? 1 : 0, "the /about request logged", 1);
            Assert.DoesNotContain("/healthz", app.Output, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Failures the log accounts for: one per first-of-period line plus the counts of the summary lines.</summary>
    private static int Counted(string log) =>
        FirstLine().Count(log) + MoreLine().Matches(log).Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex(@"Storage failure: saving a check-in failed")]
    private static partial Regex FirstLine();

    [GeneratedRegex(@"Storage failure: (\d+) more request\(s\) failed")]
    private static partial Regex MoreLine();

    private static async Task PollAsync(Func<int> count, string what, int atLeast = 1)
    {
        var until = DateTime.UtcNow.AddSeconds(40);
        while (count() < atLeast)
        {
            Assert.True(DateTime.UtcNow < until, $"Not reached within 40 s: {what}");
            await Task.Delay(100);
        }
    }

    private static async Task PollAsync(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(40);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Not reached within 40 s: {what}");
            await Task.Delay(100);
        }
    }
}
