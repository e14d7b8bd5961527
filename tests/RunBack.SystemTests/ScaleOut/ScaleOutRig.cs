using System.Globalization;

namespace RunBack.Web.Tests.ScaleOut;

/// <summary>
/// The README's "more than one server" set-up as real processes: a PostgreSQL server of the test's own (so it can be
/// stopped without touching other tests), <c>migrate</c> run once, two RunBack.Web instances on fixed loopback ports
/// (so a restarted one comes back where the gateway expects it) sharing the database and its keys, and the gateway.
/// </summary>
internal sealed class ScaleOutRig : IAsyncDisposable
{
    private readonly Dictionary<string, string> _settings;
    private readonly int[] _ports = [AppProcess.FreePort(), AppProcess.FreePort()];
    private readonly AppProcess?[] _apps = new AppProcess?[2];
    private AppProcess? _gateway;

    private ScaleOutRig(PostgresCluster.PrivateCluster cluster, string connectionString, Dictionary<string, string>? settings)
    {
        Cluster = cluster;
        ConnectionString = connectionString;
        _settings = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__RunBack"] = connectionString,
            ["Database__MigrateOnStart"] = "false",
            ["DataProtection__Store"] = "Database",
            ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
            ["RateLimits__ApiPerMinute"] = "100000",
            ["RateLimits__YoungProfileMinutes"] = "0",
        };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }
    }

    /// <summary>
    /// The ceiling of every wait for a condition in the rig and its tests: generous, because the conditions are polled
    /// (a wait ends as soon as it is met) and on a machine shared with other builds a start or a migrate can take minutes.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    public PostgresCluster.PrivateCluster Cluster { get; }

    public string ConnectionString { get; }

    public string DatabaseName => new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString).Database!;

    public Uri Gateway { get; private set; } = default!;

    public AppProcess Instance(int index) => _apps[index]!;

    public string GatewayOutput => _gateway?.Output ?? "";

    public static async Task<ScaleOutRig> StartAsync(Dictionary<string, string>? appSettings = null, Dictionary<string, string>? gatewaySettings = null)
    {
        var cluster = PostgresCluster.StartPrivate();
        var rig = new ScaleOutRig(cluster, cluster.CreateDatabase("runback_scale"), appSettings);
        try
        {
            // Waits for migrate to exit, however long a machine shared with other builds takes (90 s was seen exceeded).
            var migrate = await AppProcess.RunCommandAsync("unused.db", ["migrate"], rig._settings, Patience);
            Assert.True(migrate.ExitCode == 0, $"migrate failed: {migrate.Output}{migrate.Error}");
            await Task.WhenAll(rig.StartInstanceAsync(0), rig.StartInstanceAsync(1));
            var settings = new Dictionary<string, string>
            {
                ["ReverseProxy__Clusters__app__Destinations__app1__Address"] = rig.Instance(0).BaseAddress.ToString(),
                ["ReverseProxy__Clusters__app__Destinations__app2__Address"] = rig.Instance(1).BaseAddress.ToString(),
            };
            foreach (var (key, value) in gatewaySettings ?? [])
            {
                settings[key] = value;
            }
            rig._gateway = await AppProcess.StartGatewayAsync(settings);
            rig.Gateway = rig._gateway.BaseAddress;
            await PollAsync(async () => await ReadyAsync(rig.Gateway, "/healthz/ready"), "the gateway answering its instances' readiness", Patience);
            return rig;
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts (or starts again) instance <paramref name="index"/> on its port and waits until it is ready.</summary>
    public async Task StartInstanceAsync(int index)
    {
        var settings = new Dictionary<string, string>(_settings)
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:" + _ports[index].ToString(CultureInfo.InvariantCulture),
        };
        _apps[index] = await AppProcess.StartAsync("unused.db", settings);
        await PollAsync(async () => await ReadyAsync(_apps[index]!.BaseAddress, "/healthz/ready"), $"instance {index + 1} ready", Patience);
    }

    /// <summary>SIGTERM to one instance (as a service manager stops it) and waits for the process to end; returns its exit code.</summary>
    public async Task<int> StopInstanceAsync(int index)
    {
        var app = _apps[index]!;
        app.Terminate();
        var code = await app.WaitForExitAsync(Patience);
        await app.DisposeAsync();
        _apps[index] = null;
        return code;
    }

    public static async Task<bool> ReadyAsync(Uri address, string path)
    {
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            return (await client.GetAsync(path)).IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public static async Task PollAsync(Func<Task<bool>> condition, string what, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Not reached within {timeout.TotalSeconds:0} s: {what}");
            await Task.Delay(100);
        }
    }

    /// <summary>The ids of every check-in stored in the database.</summary>
    public HashSet<Guid> StoredCheckIns() =>
        Cluster.Sql(DatabaseName, "SELECT \"Id\" FROM check_ins").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToHashSet();

    public async ValueTask DisposeAsync()
    {
        if (_gateway is { } gateway)
        {
            await gateway.DisposeAsync();
        }
        foreach (var app in _apps)
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }
        Cluster.Dispose();
    }
}
