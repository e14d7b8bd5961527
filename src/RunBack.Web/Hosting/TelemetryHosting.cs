using Microsoft.AspNetCore.Components.Server.Circuits;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using RunBack.Web.Common;

namespace RunBack.Web.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics: ASP.NET Core, HttpClient, the .NET runtime and RunBack's own meter. An OTLP exporter
/// when an endpoint is configured (the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or <c>Telemetry:OtlpEndpoint</c>);
/// a Prometheus scrape endpoint <c>/metrics</c> only when <c>Telemetry:MetricsPort</c> is set, and then only on that
/// loopback port: the public port answers 404 for it, and the metrics port answers nothing else.
/// </summary>
public static class TelemetryHosting
{
    public const string MetricsPath = "/metrics";

    private static int? MetricsPort(IConfiguration configuration) => configuration["Telemetry:MetricsPort"] switch
    {
        null or "" => null,
        var text when int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536 => port,
        var text => throw new StartupRefusedException($"Telemetry:MetricsPort must be a port number (1-65535); it is '{text}'."),
    };

    /// <summary>Whether to export over OTLP; the explicit setting as a URI (the standard variables are read by the exporter itself).</summary>
    private static (bool Export, Uri? Endpoint) Otlp(ConfigurationManager configuration)
    {
        if (configuration["Telemetry:OtlpEndpoint"] is { Length: > 0 } setting)
        {
            return Uri.TryCreate(setting, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? (true, uri)
                : throw new StartupRefusedException($"Telemetry:OtlpEndpoint must be an http:// or https:// address; it is '{setting}'.");
        }
        return (configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 }, null);
    }

    public static WebApplicationBuilder AddRunBackTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RunBackMetrics>();
        builder.Services.AddSingleton<RunBackMetrics.CircuitCounter>();
        builder.Services.AddSingleton<CircuitHandler>(services => services.GetRequiredService<RunBackMetrics.CircuitCounter>());

        var metricsPort = MetricsPort(builder.Configuration);
        var (otlp, otlpEndpoint) = Otlp(builder.Configuration);
        if (metricsPort is { } port)
        {
            // A second, loopback-only listener beside the public address(es); the scrape endpoint answers only there.
            var urls = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey) is { Length: > 0 } current ? current : "http://localhost:5000";
            builder.WebHost.UseUrls($"{urls};http://127.0.0.1:{port}");
        }
        if (metricsPort is null && !otlp)
        {
            return builder; // nothing would read them: no providers, no listeners
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("RunBack"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation().AddMeter(RunBackMetrics.MeterName);
                if (metricsPort is not null)
                {
                    metrics.AddPrometheusExporter();
                }
                if (otlp)
                {
                    metrics.AddOtlpExporter(options => SetEndpoint(options, otlpEndpoint));
                }
            });
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/healthz"))
                .AddHttpClientInstrumentation()
                .AddOtlpExporter(options => SetEndpoint(options, otlpEndpoint)));
        }
        return builder;
    }

    // Left alone without the setting: the exporter reads OTEL_EXPORTER_OTLP_ENDPOINT (and adds /v1/… for http/protobuf) itself.
    private static void SetEndpoint(OpenTelemetry.Exporter.OtlpExporterOptions options, Uri? endpoint)
    {
        if (endpoint is not null)
        {
            options.Endpoint = endpoint;
        }
    }

    /// <summary>First in the pipeline: the metrics port serves <c>/metrics</c> and nothing else (404).</summary>
    public static WebApplication UseRunBackMetricsEndpoint(this WebApplication app)
    {
        if (MetricsPort(app.Configuration) is not { } port)
        {
            return app;
        }
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Connection.LocalPort == port && context.Request.Path == MetricsPath);
        app.Use((context, next) =>
        {
            if (context.Connection.LocalPort == port)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            return next(context);
        });
        return app;
    }
}
