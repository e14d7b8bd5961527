using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RunBack.Web.Hosting;

/// <summary>
/// Readiness as an operator reads it in the log: one Warning line when the instance stops being ready (the checks that
/// failed, and why), one Information line when it is ready again, however often it is probed in between. ASP.NET Core's
/// health-check service would write an ERR line for every failing probe (about one a second while the gateway probes a
/// draining instance or a database outage lasts), so its category is quiet in appsettings.json.
/// </summary>
internal sealed partial class ReadinessLog(ILogger<ReadinessLog> logger)
{
    private int _ready = 1;

    public void Observe(HealthReport report)
    {
        var ready = report.Status == HealthStatus.Healthy ? 1 : 0;
        if (Interlocked.Exchange(ref _ready, ready) == ready)
        {
            return;
        }
        if (ready == 1)
        {
            ReadyAgain(logger);
            return;
        }
        NotReady(logger, string.Join("; ", report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy)
            .Select(e => $"{e.Key}: {e.Value.Description ?? e.Value.Status.ToString()}")));
    }

    [LoggerMessage(EventId = 80, Level = LogLevel.Warning, Message = "Not ready ({Reasons}): the gateway sends this instance no new requests until it is ready again")]
    private static partial void NotReady(ILogger logger, string reasons);

    [LoggerMessage(EventId = 81, Level = LogLevel.Information, Message = "Ready again")]
    private static partial void ReadyAgain(ILogger logger);
}
