using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace RunBack.Web.Hosting;

/// <summary>
/// For the load and memory harness only (tests/RunBack.LoadHarness): with <c>Diagnostics:MemoryEndpoint=true</c>,
/// <c>GET /_diagnostics/memory</c> answers the managed heap after a full blocking collection, the resident memory and
/// the number of open interactive circuits, to loopback callers only. Off by default: nothing is mapped or counted.
/// </summary>
public static class DiagnosticsHosting
{
    public const string Path = "/_diagnostics/memory";

    private static bool Enabled(IConfiguration configuration) => configuration.GetValue("Diagnostics:MemoryEndpoint", false);

    public static WebApplicationBuilder AddRunBackDiagnostics(this WebApplicationBuilder builder)
    {
        if (Enabled(builder.Configuration))
        {
            builder.Services.AddSingleton<OpenCircuits>();
            builder.Services.AddSingleton<CircuitHandler>(services => services.GetRequiredService<OpenCircuits>());
        }
        return builder;
    }

    public static WebApplication MapRunBackDiagnostics(this WebApplication app)
    {
        if (!Enabled(app.Configuration))
        {
            return app;
        }
        app.MapGet(Path, (HttpContext context, OpenCircuits circuits) =>
        {
            if (context.Connection.RemoteIpAddress is not { } address || !IPAddress.IsLoopback(address))
            {
                return Results.NotFound();
            }
            var managed = GC.GetTotalMemory(forceFullCollection: true);
            using var process = Process.GetCurrentProcess();
            return Results.Json(new MemoryReport(managed, process.WorkingSet64, circuits.Count, GC.CollectionCount(2)));
        }).DisableHttpMetrics();
        return app;
    }

    public sealed record MemoryReport(long ManagedBytes, long WorkingSetBytes, int OpenCircuits, int Gen2Collections);

    /// <summary>Counts circuits from their opening to their removal (a disconnected circuit counts while it is retained).</summary>
    public sealed class OpenCircuits : CircuitHandler
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Decrement(ref _count);
            return Task.CompletedTask;
        }
    }
}
