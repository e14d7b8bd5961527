using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.Extensions.Options;
using RunBack.Web.Common;
using RunBack.Web.Components.Layout;
using RunBack.Web.Features.SelfCheck;

namespace RunBack.Web.Hosting;

/// <summary>
/// Bounds the interactive self-check connections: one client address holds at most
/// <c>Security:MaxCircuitsPerClient</c> (20 by default) open at once, and the whole instance at most
/// <c>Security:MaxCircuits</c> (1000), so neither one address nor one address range can tie up the server's memory.
/// <para>
/// A live circuit runs over a long-lived connection to <c>/_blazor</c>. Only the two transports that hold one request
/// open for the connection's life are offered (WebSockets, and server-sent events for proxies that block WebSockets):
/// long polling spreads a connection over many short requests, so it cannot be counted per open connection, and every
/// browser RunBack supports has WebSockets. Each connection is counted from the request that opens it to its end, and
/// the count is checked there, whenever that request comes (not only at negotiation, which a client can do in bulk
/// first). Negotiation and the self-check page itself are refused early while the address or the instance is full:
/// the page answers with a styled "busy, try again" page (429 for the address, 503 for the instance).
/// </para>
/// </summary>
public static class CircuitLimitHosting
{
    public const string HubPath = "/_blazor";
    public const int DefaultMaxCircuitsPerClient = 20;

    /// <summary>The transports the self-check's connection may use: never long polling (see the class summary).</summary>
    public const HttpTransportType Transports = HttpTransportType.WebSockets | HttpTransportType.ServerSentEvents;

    /// <summary>
    /// Offers only <see cref="Transports"/> on the Blazor hub. .NET 10 has no option for it on
    /// <c>AddInteractiveServerRenderMode</c>, so the hub's own dispatcher options (its endpoints' metadata) are set.
    /// </summary>
    public static RazorComponentsEndpointConventionBuilder WithLongLivedTransportsOnly(this RazorComponentsEndpointConventionBuilder builder)
    {
        builder.Add(endpoint =>
        {
            foreach (var options in endpoint.Metadata.OfType<HttpConnectionDispatcherOptions>())
            {
                options.Transports = Transports;
            }
        });
        return builder;
    }

    public static WebApplication UseRunBackCircuitLimit(this WebApplication app)
    {
        var security = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        var open = new OpenConnections(security.MaxCircuitsPerClient, security.MaxCircuits);
        app.Use(async (context, next) =>
        {
            var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (!context.Request.Path.StartsWithSegments(HubPath))
            {
                if (OpensCircuit(context) && open.Check(address) is { } full)
                {
                    await BusyPageAsync(context, full);
                    return;
                }
                await next(context);
                return;
            }
            if (context.Request.Path.StartsWithSegments(HubPath + "/negotiate") && open.Check(address) is { } refused)
            {
                await RefuseAsync(context, refused);
                return;
            }
            if (!IsLongLived(context.Request))
            {
                await next(context);
                return;
            }
            if (open.TryAdd(address) is { } overLimit)
            {
                await RefuseAsync(context, overLimit);
                return;
            }
            try
            {
                await next(context);
            }
            finally
            {
                open.Remove(address);
            }
        });
        return app;
    }

    /// <summary>A page read that starts an interactive circuit (a component with the InteractiveServer render mode).</summary>
    private static bool OpensCircuit(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is { } component
        && component.Type.GetCustomAttributes(typeof(RenderModeAttribute), inherit: true)
            .OfType<RenderModeAttribute>().Any(a => a.Mode is InteractiveServerRenderMode);

    private static Task BusyPageAsync(HttpContext context, Full full)
    {
        var status = full == Full.Client ? StatusCodes.Status429TooManyRequests : StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "30";
        context.Response.Headers.CacheControl = "no-store";
        return StandalonePage.Result<SelfCheckBusy>(status, new Dictionary<string, object?> { [nameof(SelfCheckBusy.TooManyTabs)] = full == Full.Client })
            .ExecuteAsync(context);
    }

    private static async Task RefuseAsync(HttpContext context, Full full)
    {
        context.Response.StatusCode = full == Full.Client ? StatusCodes.Status429TooManyRequests : StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "30";
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(full == Full.Client
            ? "Too many self-check pages are open from this address. Close some and try again."
            : "The self-check is busy just now. Please try again in a minute.");
    }

    /// <summary>A connection that stays open for the circuit's life: a WebSocket upgrade or a server-sent-events stream.</summary>
    private static bool IsLongLived(HttpRequest request) =>
        request.HttpContext.WebSockets.IsWebSocketRequest
        || string.Equals(request.Headers.Upgrade, "websocket", StringComparison.OrdinalIgnoreCase)
        || (HttpMethods.IsConnect(request.Method) && request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpExtendedConnectFeature>()?.Protocol == "websocket")
        || request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.OrdinalIgnoreCase);

    private enum Full
    {
        Client,
        Instance,
    }

    /// <summary>Open connections per address and in all; a new one is admitted under both limits at once.</summary>
    private sealed class OpenConnections(int maxPerClient, int maxInTotal)
    {
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
        private readonly Lock _lock = new();
        private int _total;

        /// <summary>Which limit a new connection from this address would break now, or null.</summary>
        public Full? Check(string address)
        {
            lock (_lock)
            {
                return _counts.GetValueOrDefault(address) >= maxPerClient ? Full.Client
                    : _total >= maxInTotal ? Full.Instance
                    : null;
            }
        }

        /// <summary>Counts a new connection, or says which limit refuses it (nothing counted).</summary>
        public Full? TryAdd(string address)
        {
            lock (_lock)
            {
                var count = _counts.GetValueOrDefault(address);
                if (count >= maxPerClient)
                {
                    return Full.Client;
                }
                if (_total >= maxInTotal)
                {
                    return Full.Instance;
                }
                _counts[address] = count + 1;
                _total++;
                return null;
            }
        }

        public void Remove(string address)
        {
            lock (_lock)
            {
                _total--;
                // Drop the address once its last connection closes, so the table holds only live clients.
                if (_counts.GetValueOrDefault(address) <= 1)
                {
                    _counts.Remove(address);
                }
                else
                {
                    _counts[address]--;
                }
            }
        }
    }
}
