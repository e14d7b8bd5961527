using RunBack.Gateway;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;

// The gateway: one YARP route to the RunBack.Web instances listed under ReverseProxy:Clusters:app:Destinations.
// A Blazor Server circuit lives in one process, so affinity is by cookie (rb_affinity): a browser keeps talking to
// the instance that holds its circuit, WebSockets included, and moves to another only when that one is down.
// Only a request without the cookie (a newcomer) is load balanced: RoundRobin (appsettings.json), because newcomers
// arrive one after another and each request ends before the next, so LeastRequests saw 0 and 0 every time and sent
// all 40 of them to the first instance (issue 25 item 8).
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
// One line per log entry, with its time (the default console format spreads an entry over two lines, without a time).
builder.Logging.AddSimpleConsole(console =>
{
    console.SingleLine = true;
    console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
    console.UseUtcTimestamp = true;
});
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
builder.Services.AddSingleton<IActiveHealthCheckPolicy, LoggedHealthPolicy>();

var app = builder.Build();
app.UseRequestLog();
app.MapGet("/gateway/healthz", () => "Healthy");
app.MapReverseProxy(proxy =>
{
    proxy.Use(RetryOnAnotherInstance);
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});
await app.RunAsync();

// An instance that stopped between two health probes refuses the connection: a GET, HEAD or OPTIONS (no body, nothing
// changed) that could not be sent is sent once more to another instance instead of answering 502. A POST is never
// repeated: it may have arrived.
static async Task RetryOnAnotherInstance(HttpContext context, Func<Task> next)
{
    var method = context.Request.Method;
    if (!(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)) || context.WebSockets.IsWebSocketRequest)
    {
        await next();
        return;
    }
    var proxy = context.GetReverseProxyFeature();
    var candidates = proxy.AvailableDestinations;
    await next();
    if (context.Features.Get<IForwarderErrorFeature>() is not { Error: ForwarderError.Request } || context.Response.HasStarted
        || proxy.ProxiedDestination is not { } failed)
    {
        return;
    }
    var others = candidates.Where(d => d != failed).ToList();
    if (others.Count == 0)
    {
        return;
    }
    context.Features.Set<IForwarderErrorFeature>(null);
    context.Response.Clear();
    context.Response.StatusCode = StatusCodes.Status200OK;
    proxy.AvailableDestinations = others;
    await next();
}
