using System.Diagnostics;
using RunBack.Web.Tests.RealFaults;
using Xunit.Abstractions;

namespace RunBack.Web.Tests.ScaleOut;

/// <summary>
/// Issue 25's "done when", with the real parts: PostgreSQL of the test's own, two RunBack.Web processes, the gateway.
/// Load runs through the gateway while PostgreSQL is stopped for 10 s, or while both instances are restarted in turn.
/// Each test writes its row of the fault table (fault, acknowledged, found, lost, 5xx seen, recovery time).
/// </summary>
[Collection(RealFaultGroup.Name)]
public sealed class ScaleOutFaultTests(ITestOutputHelper output)
{
    private const int Savers = 4;
    private const int Runners = 4;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);

    [Trait("Category", "ScaleOut")]
    [Fact]
    public async Task PostgresStoppedTenSecondsUnderLoad_OnlyTheStyled503_ContentPagesWork_NoAcknowledgedSaveLost()
    {
        await using var rig = await ScaleOutRig.StartAsync();
        var load = await ScaleOutLoad.StartAsync(rig.Gateway, Savers, Runners);
        await using var stopLoad = load;
        await PollAsync(() => load.Acknowledged.Count >= 20, "20 saves acknowledged before the fault");

        rig.Cluster.StopServer("fast");
        var stopped = Stopwatch.StartNew();
        // The outage is seen through the gateway: saves are refused with the styled 503.
        await PollAsync(() => load.RefusedSaves > 0, "a save refused while PostgreSQL is down");
        var remaining = Outage - stopped.Elapsed;
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining); // The fault's length, not a wait for a condition.
        }
        var acknowledgedBeforeStart = load.Acknowledged.Count;
        rig.Cluster.StartServer();
        var started = Stopwatch.StartNew();
        await PollAsync(() => load.Acknowledged.Count > acknowledgedBeforeStart + Savers, "saves acknowledged again after PostgreSQL came back");
        var recovery = started.Elapsed;
        await load.StopAsync();

        var stored = rig.StoredCheckIns();
        var lost = load.Acknowledged.Values.Where(id => !stored.Contains(id)).ToList();
        var found = load.Acknowledged.Count - lost.Count;
        Report("PostgreSQL stopped (pg_ctl -m fast) for 10 s", load, found, lost.Count, recovery);
        Assert.True(load.Problems.Count == 0, $"{load.Problems.Count} bad answers:\n{string.Join('\n', load.Problems.Take(20))}");
        Assert.Empty(lost);
        Assert.DoesNotContain(load.Statuses.Keys, status => status is >= 500 and not 503);
    }

    [Trait("Category", "ScaleOut")]
    [Fact]
    public async Task RollingRestartOfBothInstancesUnderLoad_NoServerErrorThroughTheGateway_NoAcknowledgedSaveLost()
    {
        await using var rig = await ScaleOutRig.StartAsync();
        var load = await ScaleOutLoad.StartAsync(rig.Gateway, Savers, Runners);
        await using var stopLoad = load;
        await PollAsync(() => load.Acknowledged.Count >= 20, "20 saves acknowledged before the restart");

        var watch = Stopwatch.StartNew();
        var longestBack = TimeSpan.Zero;
        foreach (var index in new[] { 0, 1 })
        {
            // SIGTERM, as systemd or an orchestrator stops it; then started again and ready before the other one goes.
            var exitCode = await rig.StopInstanceAsync(index);
            Assert.Equal(0, exitCode);
            var back = Stopwatch.StartNew();
            await rig.StartInstanceAsync(index);
            longestBack = back.Elapsed > longestBack ? back.Elapsed : longestBack;
            var acknowledged = load.Acknowledged.Count;
            await PollAsync(() => load.Acknowledged.Count > acknowledged + Savers, $"saves acknowledged after instance {index + 1} came back");
        }
        var restart = watch.Elapsed;
        await load.StopAsync();

        var stored = rig.StoredCheckIns();
        var lost = load.Acknowledged.Values.Where(id => !stored.Contains(id)).ToList();
        Report("rolling restart (SIGTERM one, ready again, then the other)", load, load.Acknowledged.Count - lost.Count, lost.Count, longestBack);
        output.WriteLine($"Both instances restarted in {restart.TotalSeconds:0.0} s");
        Assert.True(load.Problems.Count == 0, $"{load.Problems.Count} bad answers:\n{string.Join('\n', load.Problems.Take(20))}");
        Assert.Equal(0, load.ServerErrors);
        Assert.Empty(lost);
    }

    private void Report(string fault, ScaleOutLoad load, int found, int lost, TimeSpan recovery)
    {
        var statuses = string.Join(", ", load.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));
        output.WriteLine("| fault | acknowledged | found | lost | 5xx seen | recovery |");
        output.WriteLine($"| {fault} | {load.Acknowledged.Count} | {found} | {lost} | {load.ServerErrors} (503 styled: {load.Statuses.GetValueOrDefault(503)}; refused saves {load.RefusedSaves}) | {recovery.TotalSeconds:0.0} s |");
        output.WriteLine("Statuses: " + statuses);
    }

    private static async Task PollAsync(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow + ScaleOutRig.Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Not reached within {ScaleOutRig.Patience.TotalSeconds:0} s: {what}");
            await Task.Delay(50);
        }
    }
}
