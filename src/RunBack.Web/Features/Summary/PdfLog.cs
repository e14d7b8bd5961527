namespace RunBack.Web.Features.Summary;

internal static partial class PdfLog
{
    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "PDF requested but Chromium was not found at the configured path")]
    public static partial void ChromiumMissing(ILogger logger);

    [LoggerMessage(EventId = 31, Level = LogLevel.Error, Message = "PDF rendering failed ({Reason})")]
    public static partial void Failed(ILogger logger, string reason);
}
