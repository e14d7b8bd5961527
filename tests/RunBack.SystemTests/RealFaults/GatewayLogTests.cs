using System.Net;

namespace RunBack.Web.Tests.RealFaults;

/// <summary>
/// The gateway's log with one instance down (nothing listens at its address): the destination is marked down in one
/// line, once, however many probes fail after it (not a warning with a stack trace every probe); every request through
/// it is one line at Information with the instance it went to and its status; probes of the gateway itself are Debug.
/// </summary>
[Collection(RealFaultGroup.Name)]
public sealed class GatewayLogTests
{
    [Fact]
    public async Task InstanceDown_MarkedDownOnce_NoStackTrace_OneLinePerRequest()
    {
        var folder = FaultMachine.NewTempFolder("gateway-log");
        try
        {
            await using var app = await AppProcess.StartAsync(Path.Combine(folder, "runback.db"));
            var dead = AppProcess.FreePort();
            await using var gateway = await AppProcess.StartGatewayAsync(new Dictionary<string, string>
            {
                ["ReverseProxy__Clusters__app__Destinations__app1__Address"] = app.BaseAddress.ToString(),
                ["ReverseProxy__Clusters__app__Destinations__app2__Address"] = $"http://127.0.0.1:{dead}/",
                // Each probe round at Debug, so the test can count the failed probes after the destination was marked down.
                ["Logging__LogLevel__RunBack.Gateway"] = "Debug",
            });
            var address = gateway.BaseAddress;
            string Text() => gateway.Output;
            await PollAsync(() => Text().Contains("Destination app2", StringComparison.Ordinal) && Text().Contains("marked down", StringComparison.Ordinal),
                "app2 marked down", Text);
            // Five more failed probes of app2 after it was marked down (one a second): each would have logged a warning before.
            var markedAt = Text().IndexOf("marked down", StringComparison.Ordinal);
            await PollAsync(() => CountOf(Text()[markedAt..], "Probe of app2:") >= 5, "five more probes of app2", Text);

            using (var browser = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address })
            {
                for (var i = 0; i < 3; i++)
                {
                    Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/about")).StatusCode);
                }
                Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/gateway/healthz")).StatusCode);
            }
            // A request's line is written after its response is sent: wait for all four, the probe's last.
            await PollAsync(() => CountOf(Text(), "GET /about -> app1 200") >= 3 && Text().Contains("GET /gateway/healthz -> ", StringComparison.Ordinal),
                "three request lines and the gateway probe's", Text);

            var log = Text();
            var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Single(lines, line => line.Contains("marked down", StringComparison.Ordinal));
            Assert.Contains(lines, line => line.Contains("warn:", StringComparison.Ordinal) && line.Contains($"Destination app2 (http://127.0.0.1:{dead}/) marked down", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal)); // no stack trace
            Assert.DoesNotContain("Probing destination", log, StringComparison.Ordinal); // YARP's own per-probe warning
            Assert.Equal(3, lines.Count(line => line.Contains("info:", StringComparison.Ordinal) && line.Contains("GET /about -> app1 200 in ", StringComparison.Ordinal)));
            Assert.Contains(lines, line => line.Contains("dbug:", StringComparison.Ordinal) && line.Contains("GET /gateway/healthz -> - 200", StringComparison.Ordinal));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    private static async Task PollAsync(Func<bool> condition, string what, Func<string> output)
    {
        var until = DateTime.UtcNow.AddMinutes(3);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Not reached within 3 minutes: {what}. The gateway's output:\n{output()}");
            await Task.Delay(100);
        }
    }
}
