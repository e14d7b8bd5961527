using System.Diagnostics;

namespace RunBack.Web.Hosting;

/// <summary>
/// How long each stage of start-up takes, at Debug (category <c>RunBack.Web.Hosting.StartupTimings</c>), so an operator
/// or the load harness can see where the time to ready goes: turn it on with
/// <c>Serilog__MinimumLevel__Override__RunBack.Web.Hosting.StartupTimings=Debug</c>.
/// </summary>
internal static partial class StartupTimings
{
    /// <summary>Milliseconds since the process started (the runtime's own start included).</summary>
    public static long SinceProcessStart()
    {
        using var process = Process.GetCurrentProcess();
        return (long)(DateTime.Now - process.StartTime).TotalMilliseconds;
    }

    /// <summary>Runs one stage and logs how long it took.</summary>
    public static async Task<T> TimeAsync<T>(ILogger logger, string stage, Func<Task<T>> work)
    {
        var clock = Stopwatch.StartNew();
        var result = await work();
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var elapsed = clock.ElapsedMilliseconds;
            var since = SinceProcessStart();
            Stage(logger, stage, elapsed, since);
        }
        return result;
    }

    public static void Mark(ILogger logger, string stage)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var since = SinceProcessStart();
            Stage(logger, stage, 0, since);
        }
    }

    [LoggerMessage(EventId = 90, Level = LogLevel.Debug, Message = "Start-up: {Stage} took {Milliseconds} ms ({SinceStart} ms since the process started)")]
    private static partial void Stage(ILogger logger, string stage, long milliseconds, long sinceStart);
}
