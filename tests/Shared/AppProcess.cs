using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace RunBack.Testing;

/// <summary>
/// The one way tests start the app as a process (the real-fault, scale-out, metrics, log and provider tests): the built app (<c>dotnet RunBack.Web.dll</c>) as a child process on a free loopback port, in a production-like
/// environment, over the database file a test names. Killed with a real SIGKILL.
/// </summary>
internal sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(Process process) => _process = process;

    public Uri BaseAddress { get; private set; } = default!;

    public int Id => _process.Id;

    /// <summary>Everything the app wrote to stdout and stderr so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The web app's build output beside this test build (same configuration).</summary>
    public static string WebDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var dll = Path.Combine(RepoPaths.Root, "src", "RunBack.Web", "bin", configuration, "net10.0", "RunBack.Web.dll");
            return File.Exists(dll) ? dll : throw new InvalidOperationException($"The built app was not found at {dll}: build the solution first.");
        }
    }

    /// <summary>Starts the app and waits until Kestrel says where it listens (or the process ends, which fails the test).</summary>
    public static async Task<AppProcess> StartAsync(string databasePath, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = new AppProcess(new Process { StartInfo = StartInfo(databasePath, settings), EnableRaisingEvents = true });
        app._process.OutputDataReceived += (_, e) => app.Receive(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Receive(e.Data);
        app._process.Exited += (_, _) => app._listening.TrySetException(
            new InvalidOperationException($"The app exited before listening. Its output:\n{app.Output}"));
        app._process.Start();
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        try
        {
            // Generous: on a CI machine shared with other builds a start-up has been seen to take over 90 s.
            app.BaseAddress = await app._listening.Task.WaitAsync(TimeSpan.FromSeconds(180));
        }
        catch (TimeoutException)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException($"The app did not start listening within 180 s. Its output:\n{app.Output}");
        }
        return app;
    }

    /// <summary>Starts the app for a start-up that must be refused: waits for it to exit and returns its exit code, stdout and stderr.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunUntilExitAsync(string databasePath)
    {
        using var process = Process.Start(StartInfo(databasePath, null))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException)
        {
            process.Kill();
            throw new InvalidOperationException("The app did not exit within 90 s: it started instead of refusing.");
        }
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Runs one of the app's commands (<c>backup PATH</c>, <c>migrate</c>) over the database a test names; returns its exit code, stdout and stderr.</summary>
    /// <paramref name="ceiling"/> bounds the wait for the exit (90 s unless said: a command that starts the server instead fails then).
    public static async Task<(int ExitCode, string Output, string Error)> RunCommandAsync(string databasePath, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? settings = null, TimeSpan? ceiling = null)
    {
        var limit = ceiling ?? TimeSpan.FromSeconds(90);
        var start = StartInfo(databasePath, settings);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            process.Kill();
            throw new InvalidOperationException($"'{string.Join(' ', start.ArgumentList)}' did not exit within {limit.TotalSeconds:0} s (did it start the server instead?).");
        }
        return (process.ExitCode, await output, await error);
    }

    private static ProcessStartInfo StartInfo(string databasePath, IReadOnlyDictionary<string, string>? settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(WebDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WebDll);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Database__Path"] = databasePath,
            ["Content__Path"] = RepoPaths.Content,
            // Plain HTTP on loopback: cookies cannot be Secure here (they are in any deployment).
            ["Security__SecureCookies"] = "false",
            // Every /healthz call probes the storage the test has just broken or mended (deployments keep a result 1 s).
            ["Health__CacheSeconds"] = "0",
            ["RateLimits__SavePerMinute"] = "100000",
            ["RateLimits__RecoveryPerMinute"] = "100000",
            ["RateLimits__ExportPerMinute"] = "100000",
            ["RateLimits__ForgetPerMinute"] = "100000",
            ["RateLimits__NewProfilesPerHour"] = "100000",
            ["DOTNET_NOLOGO"] = "1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        return start;
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value));
        }
    }

    // The text line, or the compact JSON one ({"@mt":"Now listening on: {address}","address":"http://…"}).
    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)|Now listening on: \{address\}.*?""address"":""(http://127\.0\.0\.1:\d+)""")]
    private static partial Regex ListeningLine();

    /// <summary>A client with its own cookie jar (one runner's browser). The jar may be shared across restarts.</summary>
    public HttpClient CreateClient(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>SIGTERM, as a service manager or an orchestrator stops an instance: returns when the process has exited.</summary>
    public void Terminate() => Signal("-TERM");

    public bool HasExited => _process.HasExited;

    /// <summary>Waits for the process to exit (after <see cref="Terminate"/>) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    /// <summary>kill -9: no shutdown, no flush, no finaliser; exactly what a power cut leaves for the process.</summary>
    public async Task KillAsync()
    {
        Signal("-KILL");
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Sends a signal with kill(1) and fails when it could not be sent.</summary>
    private void Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, RedirectStandardError = true })!;
        var error = kill.StandardError.ReadToEnd();
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill {signal} {_process.Id} failed: {error}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        _process.Dispose();
    }
}
