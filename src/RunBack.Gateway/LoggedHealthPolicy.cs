using System.Collections.Concurrent;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace RunBack.Gateway;

/// <summary>
/// YARP's "consecutive failures" active health policy (a destination is down after <c>Threshold</c> failed probes in a
/// row, 2 unless the cluster's metadata says otherwise, and up again after one good probe), which also says so in the log
/// once per change: one warning line when a destination is marked down, with the reason in a few words (no stack trace),
/// and one line when it is back. Each probe round is logged at Debug only. YARP's own per-probe warning (with a stack
/// trace, every probe interval while an instance is down) is silenced in appsettings.json.
/// </summary>
internal sealed partial class LoggedHealthPolicy(IDestinationHealthUpdater updater, ILogger<LoggedHealthPolicy> logger) : IActiveHealthCheckPolicy
{
    public const string PolicyName = "LoggedConsecutiveFailures";

    private const string ThresholdKey = "ConsecutiveFailuresHealthPolicy.Threshold";

    private readonly ConcurrentDictionary<DestinationState, int> _failures = new();

    public string Name => PolicyName;

    public void ProbingCompleted(ClusterState cluster, IReadOnlyList<DestinationProbingResult> probingResults)
    {
        var threshold = cluster.Model.Config.Metadata?.TryGetValue(ThresholdKey, out var text) == true && int.TryParse(text, out var parsed) && parsed > 0
            ? parsed : 2;
        var updates = new List<NewActiveDestinationHealth>(probingResults.Count);
        foreach (var result in probingResults)
        {
            var destination = result.Destination;
            var ok = result.Response is { IsSuccessStatusCode: true };
            var failures = ok ? _failures[destination] = 0 : _failures.AddOrUpdate(destination, 1, (_, n) => n + 1);
            var before = destination.Health.Active;
            var after = ok ? DestinationHealth.Healthy : failures >= threshold ? DestinationHealth.Unhealthy : before;
            var reason = Reason(result);
            Probed(logger, destination.DestinationId, reason);
            if (after == DestinationHealth.Unhealthy && before != DestinationHealth.Unhealthy)
            {
                MarkedDown(logger, destination.DestinationId, destination.Model.Config.Address, failures, reason);
            }
            else if (after == DestinationHealth.Healthy && before == DestinationHealth.Unhealthy)
            {
                BackUp(logger, destination.DestinationId, destination.Model.Config.Address);
            }
            updates.Add(new NewActiveDestinationHealth(destination, after));
        }
        updater.SetActive(cluster, updates);
    }

    /// <summary>What the probe got, in a few words: the status, or the kind of failure and its message (never a stack trace).</summary>
    private static string Reason(DestinationProbingResult result) => result switch
    {
        { Response: { } response } => $"answered {(int)response.StatusCode}",
        { Exception: { } ex } => $"{ex.GetType().Name}: {(ex.InnerException ?? ex).Message}",
        _ => "no answer",
    };

    [LoggerMessage(LogLevel.Debug, "Probe of {Destination}: {Reason}")]
    private static partial void Probed(ILogger logger, string destination, string reason);

    [LoggerMessage(LogLevel.Warning, "Destination {Destination} ({Address}) marked down after {Failures} failed probes: {Reason}")]
    private static partial void MarkedDown(ILogger logger, string destination, string address, int failures, string reason);

    [LoggerMessage(LogLevel.Information, "Destination {Destination} ({Address}) is back up")]
    private static partial void BackUp(ILogger logger, string destination, string address);
}
