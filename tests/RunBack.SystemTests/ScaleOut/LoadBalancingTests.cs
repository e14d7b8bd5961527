using System.Net;
using System.Text.RegularExpressions;
using RunBack.Web.Tests.RealFaults;
using Xunit.Abstractions;

namespace RunBack.Web.Tests.ScaleOut;

/// <summary>
/// The gateway's balancing, through the real gateway and two real instances: newcomers arriving one after another
/// spread across both (before: LeastRequests sent all 40 to one), and a browser with the affinity cookie stays put.
/// Which instance answered is read from each instance's request log.
/// </summary>
[Collection(RealFaultGroup.Name)]
public sealed partial class LoadBalancingTests(ITestOutputHelper output)
{
    private const int Newcomers = 40;

    [Fact]
    public async Task FortyNewcomersOneAfterAnother_SpreadOverBothInstances_ABrowserWithTheCookieStaysOnOne()
    {
        await using var rig = await ScaleOutRig.StartAsync();
        var before = Served(rig);
        for (var i = 0; i < Newcomers; i++)
        {
            using var newcomer = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = rig.Gateway };
            Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync("/about")).StatusCode);
        }
        var newcomers = await LoggedAsync(rig, before, Newcomers);
        output.WriteLine($"{Newcomers} newcomers: {newcomers[0]} on instance 1, {newcomers[1]} on instance 2");
        Assert.All(newcomers, served => Assert.True(served >= Newcomers / 4, $"{Newcomers} newcomers split {newcomers[0]}/{newcomers[1]}"));

        // A returning browser (the affinity cookie from its first answer) keeps its instance: all ten on one.
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, UseCookies = true }) { BaseAddress = rig.Gateway };
        var first = Served(rig);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/about")).StatusCode);
        Assert.Contains(cookies.GetCookies(rig.Gateway), cookie => cookie.Name == "rb_affinity");
        // The log is written asynchronously: the first request's line is counted before the ten are, never among them.
        await LoggedAsync(rig, first, 1);
        var start = Served(rig);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/about")).StatusCode);
        }
        var sticky = await LoggedAsync(rig, start, 10);
        output.WriteLine($"A browser with the cookie: {sticky[0]} on instance 1, {sticky[1]} on instance 2");
        Assert.Contains(10, sticky);
    }

    /// <summary>How many /about requests each instance has logged so far.</summary>
    private static int[] Served(ScaleOutRig rig) => [AboutLine().Count(rig.Instance(0).Output), AboutLine().Count(rig.Instance(1).Output)];

    /// <summary>Polls until the instances have logged <paramref name="expected"/> more /about requests (the log is written asynchronously).</summary>
    private static async Task<int[]> LoggedAsync(ScaleOutRig rig, int[] before, int expected)
    {
        int[] delta = [0, 0];
        await ScaleOutRig.PollAsync(() =>
        {
            var now = Served(rig);
            delta = [now[0] - before[0], now[1] - before[1]];
            return Task.FromResult(delta.Sum() >= expected);
        }, $"{expected} /about requests logged by the instances", TimeSpan.FromSeconds(30));
        return delta;
    }

    [GeneratedRegex("HTTP GET /about responded 200")]
    private static partial Regex AboutLine();
}
