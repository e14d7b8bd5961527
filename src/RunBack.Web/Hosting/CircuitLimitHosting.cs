using System.Collections.Concurrent;

namespace RunBack.Web.Hosting;

/// <summary>
/// Bounds the interactive self-check connections one client address can hold open at once
/// (<c>Security:MaxCircuitsPerClient</c>, 20 by default), so one client cannot tie up the server's memory with
/// circuits. A live circuit is a long-lived connection to <c>/_blazor</c> (a WebSocket, or server-sent events): it is
/// counted while it is open, and a new one is refused at its negotiation with 429 while the address holds the maximum.
/// </summary>
public static class CircuitLimitHosting
{
    public const string HubPath = "/_blazor";
    public const int DefaultMaxCircuitsPerClient = 20;

    public static WebApplication UseRunBackCircuitLimit(this WebApplication app)
    {
        var max = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RunBack.Web.Common.SecurityOptions>>().Value.MaxCircuitsPerClient;
        var open = new OpenConnections();
        app.UseWhen(context => context.Request.Path.StartsWithSegments(HubPath), hub => hub.Use(async (context, next) =>
        {
            var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (context.Request.Path.StartsWithSegments(HubPath + "/negotiate") && open.Count(address) >= max)
            {
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "30";
                await context.Response.WriteAsync("Too many self-check pages are open from this address. Close some and try again.");
                return;
            }
            if (!IsLongLived(context.Request))
            {
                await next(context);
                return;
            }
            open.Add(address);
            try
            {
                await next(context);
            }
            finally
            {
                open.Remove(address);
            }
        }));
        return app;
    }

    /// <summary>A connection that stays open for the circuit's life: a WebSocket upgrade or a server-sent-events stream.</summary>
    private static bool IsLongLived(HttpRequest request) =>
        request.HttpContext.WebSockets.IsWebSocketRequest
        || string.Equals(request.Headers.Upgrade, "websocket", StringComparison.OrdinalIgnoreCase)
        || (HttpMethods.IsConnect(request.Method) && request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpExtendedConnectFeature>()?.Protocol == "websocket")
        || request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.OrdinalIgnoreCase);

    private sealed class OpenConnections
    {
        private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

        public int Count(string address) => _counts.GetValueOrDefault(address);

        public void Add(string address) => _counts.AddOrUpdate(address, 1, (_, n) => n + 1);

        public void Remove(string address)
        {
            // Drop the address once its last connection closes, so the table holds only live clients.
            if (_counts.AddOrUpdate(address, 0, (_, n) => n - 1) <= 0)
            {
                _counts.TryRemove(new KeyValuePair<string, int>(address, 0));
            }
        }
    }
}
