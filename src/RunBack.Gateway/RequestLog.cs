using System.Diagnostics;
using System.Text.RegularExpressions;
using Yarp.ReverseProxy.Model;

namespace RunBack.Gateway;

/// <summary>
/// One log line per request through the gateway: method, path (ids replaced by <c>{id}</c>, no query string), the
/// instance it went to, the status and the time taken. At Information; health probes (<c>/healthz…</c>,
/// <c>/gateway/healthz</c>) at Debug.
/// </summary>
internal static partial class RequestLog
{
    public static WebApplication UseRequestLog(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("RunBack.Gateway.Requests");
        app.Use(async (context, next) =>
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                var path = context.Request.Path;
                var probe = path.StartsWithSegments("/healthz") || path.StartsWithSegments("/gateway/healthz");
                var level = probe ? LogLevel.Debug : LogLevel.Information;
                if (logger.IsEnabled(level))
                {
                    var destination = context.Features.Get<IReverseProxyFeature>()?.ProxiedDestination?.DestinationId ?? "-";
                    var status = context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted ? 499 : context.Response.StatusCode;
                    var shown = Id().Replace(path.Value ?? "/", "{id}");
                    var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    Request(logger, level, context.Request.Method, shown, destination, status, elapsed);
                }
            }
        });
        return app;
    }

    [LoggerMessage("{Method} {Path} -> {Destination} {StatusCode} in {Elapsed:0.0} ms")]
    private static partial void Request(ILogger logger, LogLevel level, string method, string path, string destination, int statusCode, double elapsed);

    [GeneratedRegex("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")]
    private static partial Regex Id();
}
