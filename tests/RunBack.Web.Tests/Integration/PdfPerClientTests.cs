using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using RunBack.Web.Features.Summary;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// RateLimits:PdfConcurrentPerClient (default 1): while one PDF from a client address renders, its next is refused
/// with 429; another address is not held up. The render is held open by <see cref="HeldChromium"/>, not by a sleep.
/// </summary>
public sealed class PdfPerClientTests
{
    [Fact]
    public async Task SecondPdfFromSameAddress_WhileFirstRenders_Refused429_OtherAddressGoesThrough()
    {
        var held = new HeldChromium();
        await using var app = new RunBackFactory();
        app.Settings["Pdf:ChromiumPath"] = typeof(PdfPerClientTests).Assembly.Location; // any existing file: Chromium "is installed"
        app.Settings["Pdf:MaxConcurrent"] = "2"; // the app-wide bound is not what this test is about
        using var factory = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<ChromiumHost>();
            services.AddSingleton<ChromiumHost>(held);
        }));
        var runner = await ClientWithDraftAsync(factory, "203.0.113.7");
        var neighbour = await ClientWithDraftAsync(factory, "198.51.100.20");

        var first = runner.GetAsync("/summary/draft.pdf");
        await held.EnteredAsync(1);
        var second = await runner.GetAsync("/summary/draft.pdf");
        var other = neighbour.GetAsync("/summary/draft.pdf");
        await held.EnteredAsync(2);

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.False(first.IsCompleted);
        held.Release();
        // Both reached the (stand-in) browser, which then failed to print: the renderer's own 503, not the limiter's 429.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await first).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await other).StatusCode);
        // The permit is back once the first render is over.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await runner.GetAsync("/summary/draft.pdf")).StatusCode);
        Assert.Equal(3, held.Entered);
    }

    private static async Task<HttpClient> ClientWithDraftAsync(WebApplicationFactory<Program> factory, string address)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        });
        client.DefaultRequestHeaders.Add(ClientAddressStandIn.Header, address);
        var draft = await CheckInClient.PostFormAsync(client, "/summary/draft", new()
        {
            ["answers"] = Answers.HipPattern().ToJsonString(),
            ["release"] = await CheckInClient.CurrentReleaseAsync(client),
            ["date"] = Answers.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal("/summary/draft", draft.Headers.Location!.ToString());
        return client;
    }

    /// <summary>
    /// A stand-in for the app's Chromium: each render that asks for the browser waits until the test releases it,
    /// then fails the way a crashed browser does (the renderer answers 503).
    /// </summary>
    internal sealed class HeldChromium() : ChromiumHost(Options.Create(new PdfOptions()))
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly SemaphoreSlim _entries = new(0);
        private int _entered;

        public int Entered => Volatile.Read(ref _entered);

        public void Release() => _release.TrySetResult();

        /// <summary>Waits until this many renders in all have asked for the browser.</summary>
        public async Task EnteredAsync(int count)
        {
            while (Entered < count)
            {
                if (!await _entries.WaitAsync(TimeSpan.FromSeconds(30)))
                {
                    throw new TimeoutException($"Only {Entered} of {count} renders reached the browser.");
                }
            }
        }

        public override async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _entered);
            _entries.Release();
            await _release.Task.WaitAsync(cancellationToken);
            throw new PlaywrightException("The stand-in browser does not print.");
        }
    }
}
