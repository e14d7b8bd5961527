// The gateway: one YARP route to the RunBack.Web instances listed under ReverseProxy:Clusters:app:Destinations.
// A Blazor Server circuit lives in one process, so affinity is by cookie (rb_affinity): a browser keeps talking to
// the instance that holds its circuit, WebSockets included, and moves to another only when that one is down.
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));

var app = builder.Build();
app.MapGet("/gateway/healthz", () => "Healthy");
app.MapReverseProxy();
await app.RunAsync();
