using System.Diagnostics;
using System.Net;
using RunBack.Web.Common;

namespace RunBack.Web.Hosting;

/// <summary>
/// For the load and memory harness only (tests/RunBack.LoadHarness): with <c>Diagnostics:MemoryEndpoint=true</c>,
/// <c>GET /_diagnostics/memory</c> answers the managed heap after a full blocking collection, what the GC keeps committed
/// after it, the resident memory and
/// the number of open interactive circuits (the count the circuits metric reads), and the write gate's commits and the saves
/// they carried (group commit), to loopback callers only. Off by default: nothing is mapped.
/// </summary>
public static class DiagnosticsHosting
{
    public const string Path = "/_diagnostics/memory";

    private static bool Enabled(IConfiguration configuration) => configuration.GetValue("Diagnostics:MemoryEndpoint", false);

    public static WebApplicationBuilder AddRunBackDiagnostics(this WebApplicationBuilder builder)
    {
        // Nothing to add: the open circuits are the one count telemetry keeps (RunBackMetrics.CircuitCounter).
        return builder;
    }

    public static WebApplication MapRunBackDiagnostics(this WebApplication app)
    {
        if (!Enabled(app.Configuration))
        {
            return app;
        }
        app.MapGet(Path, (HttpContext context, RunBackMetrics.CircuitCounter circuits, RunBack.Web.Data.WriteGate gate) =>
        {
            if (context.Connection.RemoteIpAddress is not { } address || !IPAddress.IsLoopback(address))
            {
                return Results.NotFound();
            }
            var managed = GC.GetTotalMemory(forceFullCollection: true);
            var committed = GC.GetGCMemoryInfo(GCKind.Any).TotalCommittedBytes;
            using var process = Process.GetCurrentProcess();
            return Results.Json(new MemoryReport(managed, process.WorkingSet64, circuits.Count, GC.CollectionCount(2), gate.Commits, gate.Saves, committed));
        }).DisableHttpMetrics();
        return app;
    }

    /// <summary>The report; <c>GcCommittedBytes</c> is what the GC holds from the system after that collection (live objects, the free space it keeps, its bookkeeping).</summary>
    public sealed record MemoryReport(long ManagedBytes, long WorkingSetBytes, int OpenCircuits, int Gen2Collections, long WriteCommits, long WriteSaves, long GcCommittedBytes);
}
