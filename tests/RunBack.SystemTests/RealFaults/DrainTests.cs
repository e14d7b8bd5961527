using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using RunBack.SystemTests;
using Xunit.Abstractions;

namespace RunBack.Web.Tests.RealFaults;

/// <summary>
/// The app as a real process stopped with SIGTERM: readiness fails at once while liveness and pages stay up for
/// Hosting:DrainSeconds, new self-check connections are refused with 503, an open one is closed at the end of the drain,
/// and the process exits soon after (not held until the host's timeout by the open WebSocket).
/// </summary>
[Collection(RealFaultGroup.Name)]
public sealed class DrainTests(ITestOutputHelper output)
{
    private const int DrainSeconds = 4;

    [Fact]
    public async Task Sigterm_ReadinessFailsFirst_LiveAndPagesServedThroughTheDrain_OpenCircuitClosed_ExitsAfterTheDrain()
    {
        var folder = FaultMachine.NewTempFolder("drain");
        try
        {
            await using var app = await AppProcess.StartAsync(Path.Combine(folder, "runback.db"), new Dictionary<string, string> { ["Hosting__DrainSeconds"] = $"{DrainSeconds}" });
            using var client = app.CreateClient();
            Assert.Equal("Healthy", await client.GetStringAsync("/healthz/ready"));
            Assert.Equal("Healthy", await client.GetStringAsync("/healthz/live"));
            Assert.Equal("Healthy", await client.GetStringAsync("/healthz"));

            // A self-check connection open before the stop (the WebSocket a Blazor circuit runs over).
            using var socket = await OpenCircuitSocketAsync(app.BaseAddress);

            var watch = Stopwatch.StartNew();
            app.Terminate();
            await PollAsync(async () => (await client.GetAsync("/healthz/ready")).StatusCode == HttpStatusCode.ServiceUnavailable, "readiness 503");
            var readyFailedAfter = watch.Elapsed;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);

            // Through the drain: the process still lives and serves; only new circuits are turned away.
            var liveChecks = 0;
            while (watch.Elapsed < TimeSpan.FromSeconds(DrainSeconds - 1))
            {
                var live = await client.GetAsync("/healthz/live");
                Assert.Equal(HttpStatusCode.OK, live.StatusCode);
                liveChecks++;
                await Task.Delay(200);
            }
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/about")).StatusCode);
            var negotiate = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, negotiate.StatusCode);
            Assert.Contains("restarting", await negotiate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(WebSocketState.Open, socket.State);

            var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));
            var exitedAfter = watch.Elapsed;
            Assert.Equal(0, exitCode);
            // Not before the drain ended, and soon after it: the open WebSocket did not hold the host to its timeout.
            Assert.True(exitedAfter >= TimeSpan.FromSeconds(DrainSeconds), $"exited after {exitedAfter.TotalSeconds:0.0} s, before the {DrainSeconds} s drain");
            Assert.True(exitedAfter < TimeSpan.FromSeconds(DrainSeconds + 5), $"exited after {exitedAfter.TotalSeconds:0.0} s; the drain is {DrainSeconds} s");
            Assert.NotEqual(WebSocketState.Open, await ClosedStateAsync(socket));
            Assert.Contains("Draining: readiness fails now", app.Output, StringComparison.Ordinal);
            output.WriteLine($"SIGTERM: readiness 503 after {readyFailedAfter.TotalMilliseconds:0} ms, {liveChecks} live checks 200 during the drain, exit 0 after {exitedAfter.TotalSeconds:0.00} s (drain {DrainSeconds} s) with a WebSocket open");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [RootFact]
    public async Task HealthLive_NeverAsksTheDatabase_StaysUpWhenReadinessFails()
    {
        FaultMachine.RequireRootOnLinux("chattr");
        var folder = FaultMachine.NewTempFolder("live");
        ImmutableFiles.RequireSupport(folder);
        var database = Path.Combine(folder, "runback.db");
        try
        {
            await using var app = await AppProcess.StartAsync(database);
            using var client = app.CreateClient();
            using (var immutable = new ImmutableFiles())
            {
                immutable.Protect(database, database + "-wal");
                Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz/ready")).StatusCode);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
                Assert.Equal("Healthy", await client.GetStringAsync("/healthz/live"));
                immutable.Release();
            }
            Assert.Equal("Healthy", await client.GetStringAsync("/healthz/ready"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Negotiates a Blazor hub connection and opens its WebSocket, as blazor.web.js does.</summary>
    private static async Task<ClientWebSocket> OpenCircuitSocketAsync(Uri baseAddress)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        var negotiate = await http.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        var token = JsonNode.Parse(await negotiate.Content.ReadAsStringAsync())!["connectionToken"]!.GetValue<string>();
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{baseAddress.Authority}/_blazor?id={Uri.EscapeDataString(token)}"), CancellationToken.None);
        return socket;
    }

    /// <summary>Reads until the server closes the socket (or aborts it) and returns the state it ends in.</summary>
    private static async Task<WebSocketState> ClosedStateAsync(ClientWebSocket socket)
    {
        var buffer = new byte[1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Aborted by the server as it stopped: the connection is gone, which is what the browser reacts to.
        }
        return socket.State;
    }

    private static async Task PollAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Not reached within 20 s: {what}");
            await Task.Delay(50);
        }
    }
}
