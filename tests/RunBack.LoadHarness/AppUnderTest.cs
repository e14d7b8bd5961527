using System.Text.Json;

namespace RunBack.LoadHarness;

/// <summary>
/// The app as it is deployed: published in Release, run as its own process in Production on a free loopback port, over a
/// temp SQLite file, with the rate and circuit limits raised for the run, circuit retention shortened, and the
/// harness-only memory endpoint on.
/// </summary>
internal sealed class AppUnderTest : IAsyncDisposable
{
    private readonly AppProcess _app;

    private AppUnderTest(AppProcess app, string databasePath)
    {
        _app = app;
        DatabasePath = databasePath;
    }

    public string Url => _app.Url;

    public string DatabasePath { get; }

    /// <summary>From starting the process to /healthz/ready answering 200 (polled every 10 ms).</summary>
    public TimeSpan StartedIn => _app.StartedIn;

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    public static async Task<string> PublishAsync(string folder, HarnessOptions options)
    {
        var project = Path.Combine(RepoPaths.Root, "src", "RunBack.Web");
        var (exit, output) = await Processes.RunAsync("dotnet",
            ["publish", project, "-c", options.Configuration, .. options.NoBuildIfBuilt(project), "-o", folder, "--nologo", "-v", "quiet"]);
        if (exit != 0)
        {
            throw new InvalidOperationException("dotnet publish failed:\n" + output);
        }
        return folder;
    }

    /// <summary>Starts the published app with <see cref="AppProcess"/> (the tests' one starter) and waits for /healthz/ready.</summary>
    public static async Task<AppUnderTest> StartAsync(string publishFolder, HarnessOptions options, string? databasePath = null)
    {
        var database = databasePath ?? Path.Combine(options.WorkFolder, "runback.db");
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Site__PublicBaseUrl"] = "http://127.0.0.1",
            ["Fhir__CanonicalBase"] = "https://runback.example/harness/fhir",
            // A port chosen up front: the start is timed to readiness, not to the log line that names the port.
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{AppProcess.FreePort()}",
            ["Database__Path"] = database,
            ["Content__Path"] = RepoPaths.Content,
            ["Security__SecureCookies"] = "false",
            ["Security__MaxCircuitsPerClient"] = "1000",
            ["RateLimits__SavePerMinute"] = "1000000",
            ["RateLimits__ApiPerMinute"] = "1000000",
            ["RateLimits__ExportPerMinute"] = "1000000",
            // Every simulated runner comes from loopback: fresh profiles would otherwise share that one address's limits.
            ["RateLimits__NewProfilesPerHour"] = "1000000",
            ["RateLimits__YoungProfileMinutes"] = "0",
            ["Diagnostics__MemoryEndpoint"] = "true",
            ["Circuits__DisconnectedRetentionPeriod"] = options.Retention.ToString("c"),
        };
        var app = await AppProcess.StartAsync(new AppStart
        {
            Folder = publishFolder,
            Environment = settings,
            ReadyPath = "/healthz/ready",
            PollEvery = TimeSpan.FromMilliseconds(10),
            Patience = TimeSpan.FromSeconds(90),
            KeepLines = 40,
        });
        return new AppUnderTest(app, database);
    }

    public async Task<MemoryReport> MemoryAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(60) };
        var json = await client.GetStringAsync("/_diagnostics/memory");
        return JsonSerializer.Deserialize<MemoryReport>(json, WebJson)!;
    }

    /// <summary>
    /// Resets the kernel's record of the app's peak resident memory (VmHWM) to what it holds now, so the next
    /// <see cref="ResidentBytes"/> peak is the one since this call (Linux 4.0+: writing 5 to /proc/PID/clear_refs).
    /// </summary>
    public void ResetPeakResident() => File.WriteAllText($"/proc/{_app.Id}/clear_refs", "5");

    /// <summary>The app's resident memory now and its peak since <see cref="ResetPeakResident"/> (VmRSS, VmHWM).</summary>
    public (long Resident, long Peak) ResidentBytes()
    {
        var status = File.ReadAllLines($"/proc/{_app.Id}/status");
        return (StatusField(status, "VmRSS"), StatusField(status, "VmHWM"));
    }

    /// <summary>The app's resident memory now, anonymous and file-backed (RssAnon, RssFile).</summary>
    public ResidentKinds ResidentByKind()
    {
        var status = File.ReadAllLines($"/proc/{_app.Id}/status");
        return new ResidentKinds(StatusField(status, "RssAnon"), StatusField(status, "RssFile"));
    }

    private static long StatusField(string[] lines, string name) =>
        long.Parse(lines.Single(l => l.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;

    /// <summary>
    /// The app's CPU time so far (user + system, from /proc): CPU per request is steadier than requests/s on a shared
    /// machine, and 2 cores divided by it is what the app could do with the machine to itself.
    /// </summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{_app.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

internal sealed record MemoryReport(long ManagedBytes, long WorkingSetBytes, int OpenCircuits, int Gen2Collections, long WriteCommits = 0, long WriteSaves = 0, long GcCommittedBytes = 0);

/// <summary>The app's resident memory by kind (/proc/PID/status): anonymous (the GC's heap, native allocations, stacks, JIT code) and file-backed (mapped assemblies and libraries).</summary>
internal sealed record ResidentKinds(long AnonymousBytes, long FileBytes);
