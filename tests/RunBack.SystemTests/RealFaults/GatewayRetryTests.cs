using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace RunBack.Web.Tests.RealFaults;

/// <summary>
/// The gateway (src/RunBack.Gateway) as a real process in front of one real instance and one address where nothing
/// listens (an instance stopped between two health probes): every GET is answered by the live instance, never 502.
/// </summary>
[Collection(RealFaultGroup.Name)]
public sealed partial class GatewayRetryTests
{
    [Fact]
    public async Task Gateway_GetThatCannotConnect_IsRetriedOnTheOtherInstance()
    {
        var folder = FaultMachine.NewTempFolder("gateway");
        try
        {
            await using var app = await AppProcess.StartAsync(Path.Combine(folder, "runback.db"));
            var dead = FreePort();
            using var gateway = StartGateway(new Dictionary<string, string>
            {
                // The dead address first: the load balancer's first pick for every new browser.
                ["ReverseProxy__Clusters__app__Destinations__app1__Address"] = $"http://127.0.0.1:{dead}/",
                ["ReverseProxy__Clusters__app__Destinations__app2__Address"] = app.BaseAddress.ToString(),
                // No health checks: the gateway has not noticed yet, the moment a retry is for.
                ["ReverseProxy__Clusters__app__HealthCheck__Active__Enabled"] = "false",
                ["ReverseProxy__Clusters__app__HealthCheck__Passive__Enabled"] = "false",
            }, out var output);
            try
            {
                var address = await ListeningAsync(gateway, output);

                var statuses = new List<HttpStatusCode>();
                for (var i = 0; i < 10; i++)
                {
                    using var browser = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address };
                    statuses.Add((await browser.GetAsync("/about")).StatusCode);
                }
                Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
            }
            finally
            {
                gateway.Kill();
                await gateway.WaitForExitAsync();
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static Process StartGateway(Dictionary<string, string> settings, out StringBuilder output)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(RepoPaths.Root, "src", "RunBack.Gateway", "bin", configuration, "net10.0", "RunBack.Gateway.dll");
        Assert.True(File.Exists(dll), $"The built gateway was not found at {dll}: build the solution first.");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        var log = new StringBuilder();
        output = log;
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    internal static async Task<Uri> ListeningAsync(Process gateway, StringBuilder output)
    {
        var until = DateTime.UtcNow.AddSeconds(180); // polled: ends as soon as it listens; generous for a machine shared with builds
        while (true)
        {
            string text;
            lock (output)
            {
                text = output.ToString();
            }
            if (ListeningLine().Match(text) is { Success: true } match)
            {
                return new Uri(match.Groups[1].Value);
            }
            Assert.False(gateway.HasExited, "The gateway exited: " + text);
            Assert.True(DateTime.UtcNow < until, "The gateway did not listen within 180 s: " + text);
            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
