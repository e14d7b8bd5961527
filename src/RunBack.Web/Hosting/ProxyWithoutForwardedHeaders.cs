using System.Net;
using System.Net.Sockets;

namespace RunBack.Web.Hosting;

/// <summary>
/// Without <c>ForwardedHeaders:KnownProxies</c>/<c>KnownNetworks</c> the app believes no proxy. When requests show one
/// anyway, an operator is told once per process, in one line each: X-Forwarded-For from a loopback or private address
/// (every runner then has the proxy's address: per-address limits on recovery tries, API calls and circuits are shared by
/// everyone), and X-Forwarded-Proto: https on a plain-http request while cookies are Secure (a TLS-terminating proxy:
/// the app cannot set its Secure antiforgery cookie, so pages with a form cannot be served; those requests get the styled
/// error page saying so instead of an empty 500).
/// </summary>
internal sealed partial class ProxyWithoutForwardedHeaders(ILogger logger, bool secureCookies)
{
    private int _proxyWarned;
    private int _tlsWarned;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var headers = context.Request.Headers;
        var address = context.Connection.RemoteIpAddress;
        if (headers.ContainsKey("X-Forwarded-For") && address is not null && IsLoopbackOrPrivate(address) && Interlocked.Exchange(ref _proxyWarned, 1) == 0)
        {
            ProxyUnknown(logger, address.ToString());
        }
        var tlsProxy = secureCookies && !context.Request.IsHttps
            && string.Equals(headers["X-Forwarded-Proto"].ToString(), "https", StringComparison.OrdinalIgnoreCase);
        if (!tlsProxy)
        {
            await next(context);
            return;
        }
        if (Interlocked.Exchange(ref _tlsWarned, 1) == 0)
        {
            TlsProxyUnknown(logger);
        }
        try
        {
            await next(context);
        }
        catch (InvalidOperationException) when (!context.Response.HasStarted)
        {
            // The antiforgery cookie is Secure-only and this request is plain http: the styled page, not an empty 500.
            await ErrorHosting.WriteStatusAsync(context, StatusCodes.Status500InternalServerError);
        }
    }

    public static bool IsLoopbackOrPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address))
        {
            return true;
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6UniqueLocal || address.IsIPv6LinkLocal;
        }
        var b = address.GetAddressBytes();
        return b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168);
    }

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Requests come through a proxy at {ProxyAddress} (they carry X-Forwarded-For) but ForwardedHeaders:KnownProxies/KnownNetworks is not set: every runner has the proxy's address, so per-address limits (recovery tries, API calls, open self-checks) are shared by everyone. Set ForwardedHeaders__KnownProxies__0 to the proxy's address")]
    private static partial void ProxyUnknown(ILogger logger, string proxyAddress);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "A TLS-terminating proxy sends X-Forwarded-Proto: https but ForwardedHeaders:KnownProxies/KnownNetworks is not set: the app sees plain http and cannot set its Secure cookies, so pages with a form fail. Set ForwardedHeaders__KnownProxies__0 to the proxy's address")]
    private static partial void TlsProxyUnknown(ILogger logger);
}
