using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace RunBack.Web.Features.Summary;

/// <summary>
/// One headless Chromium for the whole app, started on first use and kept alive between PDFs (starting it costs
/// seconds; a fresh page in a running browser costs milliseconds). A browser that crashed, was killed or disconnected
/// is noticed and started again on the next request. Not sealed: tests put a stand-in in its place (a browser that
/// waits for the test's say-so) to hold a render open deterministically.
/// </summary>
public class ChromiumHost(IOptions<PdfOptions> options) : IAsyncDisposable
{
    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-extensions", "--no-first-run", "--mute-audio",
    ];

    private readonly SemaphoreSlim _startLock = new(1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>How many times a browser has been started (the first start included): a test sees a restart by it.</summary>
    public int Starts { get; private set; }

    public bool IsRunning => _browser is { IsConnected: true };

    public virtual async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } running)
        {
            return running;
        }
        await _startLock.WaitAsync(cancellationToken);
        try
        {
            if (_browser is { IsConnected: true } started)
            {
                return started;
            }
            await CloseAsync();
            _playwright ??= await Playwright.CreateAsync();
            var browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = options.Value.ChromiumPath,
                Headless = true,
                Args = Arguments,
            });
            browser.Disconnected += (_, _) => Interlocked.CompareExchange(ref _browser, null, browser);
            _browser = browser;
            Starts++;
            return browser;
        }
        finally
        {
            _startLock.Release();
        }
    }

    /// <summary>Closes the browser after a failure it may have caused; the next request starts a new one.</summary>
    public async Task RestartAsync()
    {
        await _startLock.WaitAsync();
        try
        {
            await CloseAsync();
        }
        finally
        {
            _startLock.Release();
        }
    }

    private async Task CloseAsync()
    {
        var browser = Interlocked.Exchange(ref _browser, null);
        if (browser is null)
        {
            return;
        }
        try
        {
            await browser.CloseAsync();
        }
        catch (PlaywrightException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        _playwright?.Dispose();
        _startLock.Dispose();
        GC.SuppressFinalize(this);
    }
}
