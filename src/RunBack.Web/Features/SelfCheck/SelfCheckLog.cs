namespace RunBack.Web.Features.SelfCheck;

/// <summary>The self-check's log messages: reasons only, never answers.</summary>
internal static partial class SelfCheckLog
{
    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Stored self-check could not be restored ({Reason}); starting afresh")]
    public static partial void NotRestored(ILogger logger, string reason);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Self-check state not stored ({Reason})")]
    public static partial void NotStored(ILogger logger, string reason);
}
