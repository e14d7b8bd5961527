using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace RunBack.Web.Hosting;

public static class LoggingHosting
{
    /// <summary>Serilog from configuration ("Serilog" section), console by default.</summary>
    public static WebApplicationBuilder AddRunBackLogging(this WebApplicationBuilder builder)
    {
        // preserveStaticLogger: each app (and each test host) writes through its own logger, never the global one.
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Enrich.With<DropRawPaths>(), preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// ASP.NET Core's logging scope adds the raw request path to every event; paths can hold check-in ids, so it is
    /// dropped (the route pattern is logged instead).
    /// </summary>
    private sealed class DropRawPaths : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
        {
            logEvent.RemovePropertyIfPresent("RequestPath");
            logEvent.RemovePropertyIfPresent("Path");
        }
    }

    /// <summary>
    /// One line per request with the route pattern, never the raw path or query: paths can hold check-in ids,
    /// and nothing that could point to a runner is logged.
    /// </summary>
    public static WebApplication UseRunBackRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RoutePattern} responded {StatusCode} in {Elapsed:0.0} ms";
            // Health probes (every second or two from each gateway) at Debug; a designed 503 ("try again": storage down,
            // the PDF queue full, draining) at Warning, its cause being logged once per period where it is known; other
            // 5xx and exceptions at Error.
            options.GetLevel = (context, _, ex) => ex is not null ? LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/healthz") ? LogEventLevel.Debug
                : context.Response.StatusCode == StatusCodes.Status503ServiceUnavailable ? LogEventLevel.Warning
                : context.Response.StatusCode > 499 ? LogEventLevel.Error
                : LogEventLevel.Information;
            options.GetMessageTemplateProperties = (context, _, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
                new LogEventProperty("RoutePattern", new ScalarValue(RoutePattern(context))),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
        });
        // A caller that gives up mid-request (a probe's timeout, a closed tab) cancels the request: nothing failed on our
        // side, so it is answered 499 (client closed request), logged at the level of its path, never an error or a 500.
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                if (!context.Response.HasStarted)
                {
                    context.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
                }
                if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusPages)
                {
                    statusPages.Enabled = false; // nobody is there to read a page
                }
            }
        });
        return app;
    }

    private static string RoutePattern(HttpContext context) =>
        context.GetEndpoint() switch
        {
            RouteEndpoint route => "/" + route.RoutePattern.RawText?.TrimStart('/'),
            { DisplayName: { } name } => name,
            _ => "(no endpoint)",
        };
}
