namespace RunBack.Web.Hosting;

/// <summary>
/// Every log message the app writes, in one place. None carries answers, pain scores, codes, secrets or ids that
/// could point to a runner: only counts, kinds of failure and release ids.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Serving content release {ReleaseId} ({ReleaseCount} release(s) loaded)")]
    public static partial void ContentLoaded(ILogger logger, string releaseId, int releaseCount);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Database ready (SQLite, WAL)")]
    public static partial void DatabaseReady(ILogger logger);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Stored self-check could not be restored ({Reason}); starting afresh")]
    public static partial void SelfCheckNotRestored(ILogger logger, string reason);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Self-check state not stored ({Reason})")]
    public static partial void SelfCheckNotStored(ILogger logger, string reason);

    [LoggerMessage(EventId = 20, Level = LogLevel.Error, Message = "Saving a check-in failed: storage error {ErrorKind}")]
    public static partial void SaveFailed(ILogger logger, string errorKind);

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "PDF requested but Chromium was not found at the configured path")]
    public static partial void ChromiumMissing(ILogger logger);

    [LoggerMessage(EventId = 31, Level = LogLevel.Error, Message = "PDF rendering failed ({Reason})")]
    public static partial void PdfFailed(ILogger logger, string reason);
}
