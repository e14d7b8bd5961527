using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;

namespace RunBack.Web.Hosting;

/// <summary>
/// The console's default line: the full local timestamp with its offset, the level, the message, and the request's
/// trace id (the reference an error page shows) when the line belongs to a request. Named as the Console sink's
/// <c>formatter</c> in appsettings.json, so one setting replaces it (compact JSON: see the README's "Logs").
/// </summary>
public sealed class TextLogFormat : ITextFormatter
{
    private static readonly MessageTemplateTextFormatter Line = new("[{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} {Level:u3}] {Message:lj}");

    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(output);
        Line.Format(logEvent, output);
        if (logEvent.TraceId is { } trace)
        {
            output.Write(" trace=");
            output.Write(trace.ToHexString());
        }
        output.WriteLine();
        if (logEvent.Exception is { } exception)
        {
            output.WriteLine(exception);
        }
    }
}
