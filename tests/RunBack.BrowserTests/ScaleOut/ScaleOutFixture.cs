using Microsoft.Playwright;

namespace RunBack.BrowserTests.ScaleOut;

/// <summary>
/// The "more than one server" set-up from the README, for real: PostgreSQL (the test run's cluster, a fresh database),
/// the migrate command run once, two RunBack.Web processes sharing the database and its data-protection keys, and the
/// YARP gateway in front with cookie affinity. The instances run in the Development environment only so that they
/// serve the framework's scripts from the build output (a published app serves them from its own folder).
/// </summary>
public sealed class ScaleOutFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    internal AppProcess App1 { get; private set; } = default!;
    internal AppProcess App2 { get; private set; } = default!;
    internal AppProcess Gateway { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public string ConnectionString { get; private set; } = "";

    public static Dictionary<string, string> AppSettings(string provider, string connectionStringOrPath) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Database__Provider"] = provider,
        [provider == "Postgres" ? "ConnectionStrings__RunBack" : "Database__Path"] = connectionStringOrPath,
        ["Content__Path"] = RepoPaths.Content,
        ["Security__SecureCookies"] = "false",
        ["RateLimits__SavePerMinute"] = "100000",
        ["RateLimits__ApiPerMinute"] = "100000",
        ["RateLimits__NewProfilesPerHour"] = "100000",
        ["RateLimits__YoungProfileMinutes"] = "0",
        ["Serilog__MinimumLevel__Default"] = "Information",
    };

    private Dictionary<string, string> InstanceSettings() => new(AppSettings("Postgres", ConnectionString))
    {
        ["Database__MigrateOnStart"] = "false",
        ["DataProtection__Store"] = "Database",
        ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
    };

    public async Task InitializeAsync()
    {
        if (!File.Exists(AppFixture.ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium was not found at {AppFixture.ChromiumPath}. Install it with: sudo apt-get install -y chromium");
        }
        ConnectionString = PostgresCluster.CreateDatabase("runback_scale");
        var migrate = await AppProcess.RunCommandAsync("unused.db", ["migrate"], InstanceSettings());
        Assert.True(migrate.ExitCode == 0, $"migrate exited {migrate.ExitCode}: {migrate.Output}{migrate.Error}");
        var instances = await Task.WhenAll(StartInstanceAsync(), StartInstanceAsync());
        (App1, App2) = (instances[0], instances[1]);
        Gateway = await AppProcess.StartGatewayAsync(new Dictionary<string, string>
        {
            ["ReverseProxy__Clusters__app__Destinations__app1__Address"] = App1.Url + "/",
            ["ReverseProxy__Clusters__app__Destinations__app2__Address"] = App2.Url + "/",
        }, readyPath: "/gateway/healthz");
        // Through the gateway to an instance: the gateway has seen its destinations healthy.
        using (var patience = new CancellationTokenSource(TimeSpan.FromSeconds(180)))
        {
            await Gateway.WaitUntilReadyAsync("/healthz", TimeSpan.FromMilliseconds(200), patience.Token);
        }

        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = AppFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>One RunBack.Web instance on the shared database, started with <see cref="AppProcess"/> and ready.</summary>
    private Task<AppProcess> StartInstanceAsync() =>
        AppProcess.StartAsync(new AppStart { Environment = AppProcess.TestingSettings("unused.db", InstanceSettings()), ReadyPath = "/healthz/ready" });

    /// <summary>A single SQLite instance of its own (the throughput comparison), started and ready.</summary>
    internal static Task<AppProcess> StartSqliteInstanceAsync(string databasePath) =>
        AppProcess.StartAsync(new AppStart { Environment = AppProcess.TestingSettings(databasePath, AppSettings("Sqlite", databasePath)), ReadyPath = "/healthz/ready" });

    public async Task<IPage> NewPageAsync(string baseUrl)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ReducedMotion = ReducedMotion.Reduce, Locale = "en-GB" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        foreach (var process in new[] { Gateway, App1, App2 })
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }
    }
}
