using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace RunBack.LoadHarness;

/// <summary>
/// The app as it is deployed: published in Release, run as its own process in Production on a free loopback port, over a
/// temp SQLite file, with the rate and circuit limits raised for the run, circuit retention shortened, and the
/// harness-only memory endpoint on.
/// </summary>
internal sealed class AppUnderTest : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private AppUnderTest(Process process, string url, string databasePath)
    {
        _process = process;
        Url = url;
        DatabasePath = databasePath;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Url { get; }

    public string DatabasePath { get; }

    /// <summary>From starting the process to /healthz/ready answering 200 (polled every 10 ms).</summary>
    public TimeSpan StartedIn { get; private set; }

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

    public static async Task<AppUnderTest> StartAsync(string publishFolder, HarnessOptions options, string? databasePath = null)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var database = databasePath ?? Path.Combine(options.WorkFolder, "runback.db");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = publishFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(publishFolder, "RunBack.Web.dll"));
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Site__PublicBaseUrl"] = "http://127.0.0.1",
            ["Fhir__CanonicalBase"] = "https://runback.example/harness/fhir",
            ["ASPNETCORE_URLS"] = url,
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
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        var clock = Stopwatch.StartNew();
        var app = new AppUnderTest(Process.Start(start)!, url, database);
        await app.WaitUntilHealthyAsync();
        app.StartedIn = clock.Elapsed;
        return app;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("The app exited at start-up:\n" + Output);
            }
            try
            {
                if ((await client.GetAsync("/healthz/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(10);
        }
        throw new TimeoutException("The app did not become healthy:\n" + Output);
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
    public void ResetPeakResident() => File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");

    /// <summary>The app's resident memory now and its peak since <see cref="ResetPeakResident"/> (VmRSS, VmHWM).</summary>
    public (long Resident, long Peak) ResidentBytes()
    {
        long Field(string[] lines, string name) =>
            long.Parse(lines.Single(l => l.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        return (Field(status, "VmRSS"), Field(status, "VmHWM"));
    }

    /// <summary>
    /// The app's CPU time so far (user + system, from /proc): CPU per request is steadier than requests/s on a shared
    /// machine, and 2 cores divided by it is what the app could do with the machine to itself.
    /// </summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    public string Output
    {
        get
        {
            lock (_lastLines)
            {
                return string.Join('\n', _lastLines);
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            while (_lastLines.Count > 40)
            {
                _lastLines.Dequeue();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}

internal sealed record MemoryReport(long ManagedBytes, long WorkingSetBytes, int OpenCircuits, int Gen2Collections, long WriteCommits = 0, long WriteSaves = 0);
