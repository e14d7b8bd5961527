using System.Net;

namespace RunBack.Web.Tests.RealFaults;

/// <summary>
/// The gateway (src/RunBack.Gateway) as a real process in front of one real instance and one address where nothing
/// listens (an instance stopped between two health probes): every GET is answered by the live instance, never 502.
/// </summary>
[Collection(RealFaultGroup.Name)]
public sealed class GatewayRetryTests
{
    [Fact]
    public async Task Gateway_GetThatCannotConnect_IsRetriedOnTheOtherInstance()
    {
        var folder = FaultMachine.NewTempFolder("gateway");
        try
        {
            await using var app = await AppProcess.StartAsync(Path.Combine(folder, "runback.db"));
            var dead = AppProcess.FreePort();
            await using var gateway = await AppProcess.StartGatewayAsync(new Dictionary<string, string>
            {
                // The dead address first: the load balancer's first pick for every new browser.
                ["ReverseProxy__Clusters__app__Destinations__app1__Address"] = $"http://127.0.0.1:{dead}/",
                ["ReverseProxy__Clusters__app__Destinations__app2__Address"] = app.BaseAddress.ToString(),
                // No health checks: the gateway has not noticed yet, the moment a retry is for.
                ["ReverseProxy__Clusters__app__HealthCheck__Active__Enabled"] = "false",
                ["ReverseProxy__Clusters__app__HealthCheck__Passive__Enabled"] = "false",
            });

            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 10; i++)
            {
                using var browser = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = gateway.BaseAddress };
                statuses.Add((await browser.GetAsync("/about")).StatusCode);
            }
            Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
