namespace RunBack.Web.Features.CheckIns;

/// <summary>The check-ins' log messages: kinds of failure only, never answers or ids.</summary>
internal static partial class CheckInLog
{
    [LoggerMessage(EventId = 20, Level = LogLevel.Error, Message = "Saving a check-in failed: storage error {ErrorKind}")]
    public static partial void SaveFailed(ILogger logger, string errorKind);
}
