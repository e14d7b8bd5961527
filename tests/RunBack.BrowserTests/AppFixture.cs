using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace RunBack.BrowserTests;

/// <summary>
/// The real app on a free loopback port (Kestrel, a temp SQLite file) and Debian's Chromium driven by Playwright.
/// A missing Chromium fails the tests with the command that installs it; they are never skipped.
/// </summary>
public class AppFixture : IAsyncLifetime, IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "runback-browser-" + Guid.NewGuid().ToString("N"));
    private Factory? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The running app's services (the PDF renderer and content store for print tests).</summary>
    public IServiceProvider Services => _factory!.Services;

    /// <summary>The ASP.NET Core environment the app runs in; Development is what `dotnet run` gives.</summary>
    protected virtual string Environment => "Testing";

    /// <summary>Also serve unpublished releases (Content:IncludeDrafts): the newest draft becomes the served release.</summary>
    protected virtual bool IncludeDrafts => false;

    /// <summary>
    /// Today as the running app sees it (its real clock): tests date what they post from this, never from a constant.
    /// Read just before a post, it is never later than the app's today when the post arrives, even across midnight.
    /// </summary>
    public DateOnly Today => Services.GetRequiredService<RunBack.Web.Features.Assessments.AssessmentService>().Today;

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {ChromiumPath}. Install it with: sudo apt-get update && sudo apt-get install -y chromium");
        }
        Directory.CreateDirectory(_directory);
        Directory.CreateDirectory(ScreenshotDirectory);
        _factory = new Factory(_directory, Environment, IncludeDrafts);
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A page in a new browser context; <paramref name="locale"/> sets the browser's language (Accept-Language).</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, bool reducedMotion = true, string? locale = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale ?? "en-GB",
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ReducedMotion = reducedMotion ? ReducedMotion.Reduce : ReducedMotion.NoPreference,
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

    public static string Screenshot(string name) => Path.Combine(ScreenshotDirectory, name + ".png");

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp clean-up.
        }
    }

    public void Dispose()
    {
        _factory?.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed class Factory(string directory, string environment, bool includeDrafts) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            // Serve the app's wwwroot and framework scripts from the build output, as a published app would.
            builder.UseStaticWebAssets();
            builder.UseSetting("Database:Path", Path.Combine(directory, "runback.db"));
            builder.UseSetting("Content:Path", RepoPaths.Content);
            builder.UseSetting("Content:IncludeDrafts", includeDrafts ? "true" : "false");
            // Plain HTTP on loopback: cookies cannot be Secure here (they are in any deployment).
            builder.UseSetting("Security:SecureCookies", "false");
            builder.UseSetting("RateLimits:SavePerMinute", "1000");
            builder.UseSetting("RateLimits:ExportPerMinute", "1000");
            // Every test page comes from one loopback address: the per-client circuit limit is for real clients.
            builder.UseSetting("Security:MaxCircuitsPerClient", "1000");
            // The same for profiles: every test runner starts a fresh one from loopback, which would share its limits.
            builder.UseSetting("RateLimits:NewProfilesPerHour", "100000");
            builder.UseSetting("RateLimits:YoungProfileMinutes", "0");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<AppFixture>
{
    public const string Name = "browser";
}

/// <summary>The app serving the newest draft release (2027.2.0 until the lead publishes it), for what only the draft has.</summary>
public sealed class DraftContentAppFixture : AppFixture
{
    protected override bool IncludeDrafts => true;
}

/// <summary>The app as `dotnet run` starts it (Development: scope validation on, developer exception page).</summary>
public sealed class DevelopmentAppFixture : AppFixture
{
    protected override string Environment => "Development";
}

[CollectionDefinition(Name)]
public sealed class DevelopmentTestGroup : ICollectionFixture<DevelopmentAppFixture>
{
    public const string Name = "browser-development";
}
