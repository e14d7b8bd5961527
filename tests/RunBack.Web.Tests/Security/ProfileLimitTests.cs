using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RunBack.Web.Features.Summary;
using RunBack.Web.Tests.Infrastructure;
using RunBack.Web.Tests.Integration;

namespace RunBack.Web.Tests.Security;

/// <summary>
/// Issue 24 item 2: free profiles do not multiply the per-client limits. One address starts at most
/// RateLimits:NewProfilesPerHour profiles; a profile younger than RateLimits:YoungProfileMinutes counts against its
/// address; the PDF queue takes one request per client and RateLimits:PdfConcurrentPerAddress per address, the rest 429.
/// </summary>
public sealed class ProfileLimitTests
{
    private const string Address = "203.0.113.80";

    [Fact]
    public async Task NewProfiles_PerAddressPerHour_TheNextRefusedWithItsAnswersKept_OtherAddressesUnaffected()
    {
        await using var factory = new RunBackFactory();
        factory.Settings["RateLimits:NewProfilesPerHour"] = "3";
        for (var i = 0; i < 3; i++)
        {
            await CheckInClient.SaveOkAsync(factory.CreateBrowserLikeClient(Address), Answers.HipPattern());
        }

        var refused = await CheckInClient.SaveAsync(factory.CreateBrowserLikeClient(Address), Answers.HipPattern());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Many new histories have been started from your network", page, StringComparison.Ordinal);
        Assert.Contains("name=\"answers\"", page, StringComparison.Ordinal); // the answers are kept for a later try
        Assert.Equal(3, await factory.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Profiles)));
        await CheckInClient.SaveOkAsync(factory.CreateBrowserLikeClient("198.51.100.81"), Answers.HipPattern());

        factory.Clock.Advance(TimeSpan.FromHours(1));
        await CheckInClient.SaveOkAsync(factory.CreateBrowserLikeClient(Address), Answers.HipPattern());
    }

    /// <summary>
    /// The audit's probe, scaled down: 20 fresh profiles from one address, each saving 5 times in one minute against a
    /// limit of 20 saves a minute. Before: 100 of 100 saved (every profile had its own 20). Now: 20.
    /// </summary>
    [Fact]
    public async Task FreshProfilesFromOneAddress_ShareTheAddressSaveLimit_UntilTheyAreOld()
    {
        await using var factory = new RunBackFactory();
        factory.Settings["RateLimits:SavePerMinute"] = "20";
        factory.Settings["RateLimits:NewProfilesPerHour"] = "100"; // this test is about the save limit, not the profile count
        var runners = Enumerable.Range(0, 20).Select(_ => factory.CreateBrowserLikeClient(Address)).ToList();

        var saved = 0;
        foreach (var runner in runners)
        {
            for (var i = 0; i < 5; i++)
            {
                saved += (await CheckInClient.SaveAsync(runner, Answers.HipPattern())).StatusCode == HttpStatusCode.Redirect ? 1 : 0;
            }
        }

        Assert.Equal(20, saved);

        // Once past RateLimits:YoungProfileMinutes (60), each profile has limits of its own again: the first runner's
        // 20 saves in a minute leave the second runner's untouched.
        factory.Clock.Advance(TimeSpan.FromMinutes(61));
        var own = 0;
        for (var i = 0; i < 20; i++)
        {
            own += (await CheckInClient.SaveAsync(runners[0], Answers.HipPattern())).StatusCode == HttpStatusCode.Redirect ? 1 : 0;
        }
        Assert.Equal(20, own);
        await CheckInClient.SaveOkAsync(runners[1], Answers.HipPattern());
    }

    /// <summary>
    /// Nine fresh profiles once filled the one PDF queue (every other runner got 503). A young profile's PDF counts
    /// against its address (one at a time), and however old its profiles, an address holds at most
    /// RateLimits:PdfConcurrentPerAddress (2) requests: the rest get the styled 429 with Retry-After; another address goes through.
    /// </summary>
    [Fact]
    public async Task PdfQueue_OneRequestPerClient_AndAFewPerAddress_TheRest429_OthersServed()
    {
        var held = new PdfPerClientTests.HeldChromium();
        await using var app = new RunBackFactory();
        app.Settings["Pdf:ChromiumPath"] = typeof(ProfileLimitTests).Assembly.Location; // any existing file: Chromium "is installed"
        app.Settings["Pdf:MaxConcurrent"] = "4";
        using var factory = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<ChromiumHost>();
            services.AddSingleton<ChromiumHost>(held);
        }));
        var runners = new List<(HttpClient Client, Guid CheckIn)>();
        foreach (var address in new[] { Address, Address, Address, "198.51.100.82" })
        {
            var client = factory.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });
            client.DefaultRequestHeaders.Add(ClientAddressStandIn.Header, address);
            client.Timeout = TimeSpan.FromSeconds(30); // a PDF let through is held until the end: never wait the default 100 s
            runners.Add((client, await CheckInClient.SaveOkAsync(client, Answers.HipPattern())));
        }
        Task<HttpResponseMessage> Pdf(int runner) => runners[runner].Client.GetAsync($"/summary/{runners[runner].CheckIn}.pdf");

        var first = Pdf(0);
        await held.EnteredAsync(1);
        var young = await Pdf(1);
        Assert.Equal(HttpStatusCode.TooManyRequests, young.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(10), young.Headers.RetryAfter?.Delta);
        var page = await young.Content.ReadAsStringAsync();
        Assert.Contains("A PDF is already being made for you", page, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"stylesheet\"", page, StringComparison.Ordinal);
        var neighbour = Pdf(3);
        await held.EnteredAsync(2);

        // Old profiles are clients of their own, but their address still holds at most two at once.
        app.Clock.Advance(TimeSpan.FromHours(2));
        var second = Pdf(1);
        await held.EnteredAsync(3);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Pdf(2)).StatusCode);

        held.Release();
        foreach (var running in new[] { first, neighbour, second })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await running).StatusCode); // the stand-in browser's failure, not a refusal
        }
        Assert.Equal(3, held.Entered);
    }
}
