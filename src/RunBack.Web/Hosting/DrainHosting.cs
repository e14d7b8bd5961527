using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using RunBack.Core.Content;
using RunBack.Web.Common;

namespace RunBack.Web.Hosting;

/// <summary>
/// Leaving the pool on SIGTERM without dropping a request. In order: readiness (<c>/healthz/ready</c>, and
/// <c>/healthz</c>) fails at once while liveness stays up; new self-check connections (<c>/_blazor/negotiate</c>) get
/// 503 with Retry-After, and responses carry <c>Connection: close</c> so the gateway's pooled connections move on; for
/// <c>Hosting:DrainSeconds</c> everything else is still served, so the gateway notices at its next probes; then the
/// open self-check connections are closed (the browser reconnects, through the gateway, to another instance) and the
/// host stops, finishing the requests in flight. The host's shutdown timeout is the drain plus 15 s.
/// </summary>
public static class DrainHosting
{
    /// <summary>Time after the drain for requests in flight to finish before the host gives up on them.</summary>
    public static readonly TimeSpan FinishTimeout = TimeSpan.FromSeconds(15);

    /// <summary>The health checks <c>/healthz/ready</c> (and <c>/healthz</c>) run; <c>/healthz/live</c> runs none.</summary>
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddRunBackDrain(this WebApplicationBuilder builder)
    {
        var drain = builder.Configuration.GetSection(HostingOptions.Section).Get<HostingOptions>() ?? new HostingOptions(); // checked at start-up
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(drain.DrainSeconds) + FinishTimeout);
        builder.Services.AddSingleton<DrainState>();
        builder.Services.AddSingleton<ReadinessLog>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DrainState>());
        builder.Services.AddHealthChecks()
            .AddCheck<NotDraining>("draining", tags: [ReadyTag])
            .AddCheck<ContentLoaded>("content", tags: [ReadyTag]);
        return builder;
    }

    /// <summary>Before the circuit limit: refuses new self-check connections while draining and tracks the open ones.</summary>
    public static WebApplication UseRunBackDrain(this WebApplication app)
    {
        var drain = app.Services.GetRequiredService<DrainState>();
        app.Use(async (context, next) =>
        {
            if (!drain.Draining)
            {
                if (context.Request.Path.StartsWithSegments(CircuitLimitHosting.HubPath) && context.WebSockets.IsWebSocketRequest)
                {
                    using (drain.Track(context))
                    {
                        await next(context);
                    }
                    return;
                }
                await next(context);
                return;
            }
            context.Response.Headers.Connection = "close";
            if (context.Request.Path.StartsWithSegments(CircuitLimitHosting.HubPath + "/negotiate"))
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "1";
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("This server is restarting. Reload the page to carry on with another.");
                return;
            }
            await next(context);
        });
        return app;
    }
}

internal sealed class NotDraining(DrainState drain) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(drain.Draining ? HealthCheckResult.Unhealthy("Draining: this instance is stopping.") : HealthCheckResult.Healthy());
}

internal sealed class ContentLoaded(ContentStore content) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(content.Releases.Count > 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("No content release is loaded."));
}

/// <summary>Whether this instance is leaving the pool, and its open self-check connections to close at the end of the drain.</summary>
public sealed partial class DrainState(IHostApplicationLifetime lifetime, IOptions<HostingOptions> options, ILogger<DrainState> logger)
    : IHostedLifecycleService
{
    private readonly ConcurrentDictionary<HttpContext, byte> _open = new();
    private volatile bool _draining;

    public bool Draining => _draining;

    public IDisposable Track(HttpContext context)
    {
        _open[context] = 0;
        return new Untrack(this, context);
    }

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        // The first sign of SIGTERM (or Ctrl+C): readiness fails from here on.
        lifetime.ApplicationStopping.Register(() => _draining = true);
        return Task.CompletedTask;
    }

    /// <summary>Runs before any service stops (Kestrel included): the drain period, then the open self-check connections are closed.</summary>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _draining = true;
        var seconds = options.Value.DrainSeconds;
        LogDraining(logger, seconds, _open.Count);
        if (seconds > 0)
        {
            // Real seconds, whatever clock the app runs on: the gateway probes on its own clock.
            await Task.Delay(TimeSpan.FromSeconds(seconds), TimeProvider.System, CancellationToken.None);
        }
        var closed = 0;
        foreach (var context in _open.Keys)
        {
            context.Abort();
            closed++;
        }
        LogDrained(logger, closed);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 70, Level = LogLevel.Information, Message = "Draining: readiness fails now; stopping in {Seconds} s ({Open} self-check connection(s) open)")]
    private static partial void LogDraining(ILogger logger, int seconds, int open);

    [LoggerMessage(EventId = 71, Level = LogLevel.Information, Message = "Drained: {Closed} self-check connection(s) closed for their browsers to reconnect elsewhere; stopping")]
    private static partial void LogDrained(ILogger logger, int closed);

    private sealed class Untrack(DrainState state, HttpContext context) : IDisposable
    {
        public void Dispose() => state._open.TryRemove(context, out _);
    }
}
