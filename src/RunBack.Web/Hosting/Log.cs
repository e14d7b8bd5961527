namespace RunBack.Web.Hosting;

/// <summary>
/// The log messages of start-up. Each feature keeps its own messages beside it; none carries answers, pain scores,
/// codes, secrets or ids that could point to a runner: only counts, kinds of failure and release ids.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Serving content release {ReleaseId} ({ReleaseCount} release(s) loaded)")]
    public static partial void ContentLoaded(ILogger logger, string releaseId, int releaseCount);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Database ready ({Provider}, {Migrations})")]
    public static partial void DatabaseReady(ILogger logger, string provider, string migrations);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "A form post to {Route} could not be read ({Reason}); answered {StatusCode}")]
    public static partial void UnreadableForm(ILogger logger, string route, string reason, int statusCode);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "The error page could not be rendered ({Reason}); the static page was written instead")]
    public static partial void ErrorPageFailed(ILogger logger, string reason);
}
