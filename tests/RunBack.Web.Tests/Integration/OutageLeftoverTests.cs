using System.Data.Common;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RunBack.Data;
using RunBack.Web.Common;
using RunBack.Web.Tests.Infrastructure;
using Serilog.Events;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// Issue 25's leftovers, in-process: a page whose own read fails after the profile lookup worked answers the styled 503
/// (not a 500); the refused-save 503 shows the reference like the other error pages; a caller that gives up on /healthz
/// is no error and no 500; one circuit handler feeds both circuit counts.
/// </summary>
public sealed partial class OutageLeftoverTests
{
    /// <summary>Fails, while <see cref="Failing"/> is set, every command on the check-ins table and every save, as SQLite reports an I/O error.</summary>
    private sealed class StorageFault : DbCommandInterceptor, ISaveChangesInterceptor
    {
        public volatile bool Failing;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            Failing && command.CommandText.Contains("check_ins", StringComparison.Ordinal)
                ? throw new SqliteException("disk I/O error", 10)
                : ValueTask.FromResult(result);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            Failing && command.CommandText.Contains("check_ins", StringComparison.Ordinal)
                ? throw new SqliteException("disk I/O error", 10)
                : ValueTask.FromResult(result);

        public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default) =>
            Failing ? throw new DbUpdateException("write failed", new SqliteException("disk I/O error", 10)) : ValueTask.FromResult(result);
    }

    private sealed class FaultFactory : RunBackFactory
    {
        public StorageFault Fault { get; } = new();

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddDbContextFactory<RunBackDbContext>((_, options) => options.AddInterceptors(Fault)));
        }
    }

    [Fact]
    public async Task HistoryReadFailsAfterTheProfileLookup_Styled503_NotA500()
    {
        await using var factory = new FaultFactory();
        var runner = factory.CreateBrowserLikeClient();
        await CheckInClient.SaveOkAsync(runner, Answers.NoRisk());
        factory.Fault.Failing = true; // the profile lookup (profiles, devices) still works; the history's own read does not

        var response = await runner.GetAsync("/history");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"GET /history answered {(int)response.StatusCode}: {Excerpt(html)}");
        Assert.Contains("storage on our side is not available", html, StringComparison.Ordinal);
        Assert.Contains("<main", html, StringComparison.Ordinal);
        factory.Fault.Failing = false;
        Assert.Equal(HttpStatusCode.OK, (await runner.GetAsync("/history")).StatusCode);
    }

    [Fact]
    public async Task RefusedSave503_ShowsTheReference_TheTraceIdOfItsLogLine()
    {
        await using var factory = new FaultFactory();
        var runner = factory.CreateBrowserLikeClient();
        await CheckInClient.SaveOkAsync(runner, Answers.NoRisk());
        factory.Fault.Failing = true;
        factory.Clock.Advance(TimeSpan.FromSeconds(1));

        var response = await CheckInClient.SaveAsync(runner, Answers.HipPattern());
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("We could not save your check-in just now", html, StringComparison.Ordinal);
        var reference = ReferencePattern().Match(html);
        Assert.True(reference.Success, "The refused save's page shows no reference: " + Excerpt(html));
        Assert.Single(ReferencePattern().Matches(html));
        var line = factory.Logs.Events.Where(e => e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal)
            && e.Properties.TryGetValue("StatusCode", out var status) && status.ToString() == "503").ToList();
        Assert.Contains(line, e => e.TraceId?.ToHexString() == reference.Groups[1].Value);
    }

    /// <summary>A readiness check that waits until the caller gives up.</summary>
    private sealed class WaitsForever(TaskCompletionSource started) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return HealthCheckResult.Healthy();
        }
    }

    [Fact]
    public async Task HealthzCallerGivesUpMidRequest_NoErrorLogged_NotCountedAsA500()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var factory = new RunBackFactory();
        using var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddHealthChecks().AddCheck("waits", new WaitsForever(started), tags: [RunBack.Web.Hosting.DrainHosting.ReadyTag])));
        using var client = app.CreateClient();
        using var giveUp = new CancellationTokenSource();

        var call = client.GetAsync("/healthz", giveUp.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        // The request's own log line, written when the app has finished with it.
        var until = DateTime.UtcNow.AddSeconds(60);
        List<LogEvent> lines;
        while ((lines = RequestLines(factory, "/healthz")).Count == 0)
        {
            Assert.True(DateTime.UtcNow < until, "No request log line for the abandoned /healthz call within 60 s.");
            await Task.Delay(20);
        }
        var logged = Assert.Single(lines);
        Assert.Equal("499", logged.Properties["StatusCode"].ToString());
        Assert.True(logged.Level < LogEventLevel.Warning, $"The abandoned call was logged at {logged.Level}.");
        Assert.Equal([], factory.Logs.Events.Where(e => e.Level >= LogEventLevel.Error).Select(e => e.RenderMessage() + " " + e.Exception?.GetType().Name));
    }

    [Fact]
    public async Task OneCircuitHandler_FeedsTheMetricAndTheDiagnosticsCount()
    {
        await using var factory = new RunBackFactory();
        factory.Settings["Diagnostics:MemoryEndpoint"] = "true";
        using var client = factory.CreateClient();

        var handlers = factory.Services.GetServices<CircuitHandler>().ToList();
        var counter = factory.Services.GetService<RunBackMetrics.CircuitCounter>();

        Assert.NotNull(counter);
        Assert.Same(counter, Assert.Single(handlers));
        // The diagnostics endpoint reads the same count (loopback only: the test server's caller has no address, so it is a 404 here).
        Assert.NotEqual(HttpStatusCode.InternalServerError, (await client.GetAsync("/_diagnostics/memory")).StatusCode);
    }

    private static List<LogEvent> RequestLines(RunBackFactory factory, string route) =>
        [.. factory.Logs.Events.Where(e => e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal)
            && e.Properties.TryGetValue("RoutePattern", out var pattern) && pattern.ToString() == $"\"{route}\"")];

    private static string Excerpt(string html) => html[Math.Max(0, html.IndexOf("<main", StringComparison.Ordinal))..][..Math.Min(600, html.Length - Math.Max(0, html.IndexOf("<main", StringComparison.Ordinal)))];

    [GeneratedRegex("quote this reference: <code>([0-9a-f]{32})</code>")]
    private static partial Regex ReferencePattern();
}
