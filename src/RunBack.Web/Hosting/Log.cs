namespace RunBack.Web.Hosting;

/// <summary>
/// The log messages of start-up. Each feature keeps its own messages beside it; none carries answers, pain scores,
/// codes, secrets or ids that could point to a runner: only counts, kinds of failure and release ids.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Serving content release {ReleaseId} ({ReleaseCount} release(s) loaded)")]
    public static partial void ContentLoaded(ILogger logger, string releaseId, int releaseCount);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Database ready (SQLite, WAL)")]
    public static partial void DatabaseReady(ILogger logger);
}
