using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace RunBack.Testing;

/// <summary>
/// The one way tests, the browser tests' scale-out fixture and the load harness start a program of this repository
/// (RunBack.Web, RunBack.Gateway) as a process: its environment, a free loopback port (or the one it is given), the
/// wait until it listens and, when asked, until a readiness path answers 200 (polled, never slept), its output kept
/// for failure messages, and real signals to stop it (SIGTERM, SIGKILL).
/// </summary>
internal sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly int? _keepLines;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(Process process, int? keepLines)
    {
        _process = process;
        _keepLines = keepLines;
    }

    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>The base address without its trailing slash (<c>http://127.0.0.1:PORT</c>).</summary>
    public string Url => BaseAddress.GetLeftPart(UriPartial.Authority);

    public int Id => _process.Id;

    /// <summary>From starting the process to listening, or to the readiness path answering 200 when one was given.</summary>
    public TimeSpan StartedIn { get; private set; }

    /// <summary>What the program wrote to stdout and stderr since it started or since <see cref="ClearOutput"/> (the last lines only when the start said so).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    public void ClearOutput()
    {
        lock (_output)
        {
            _output.Clear();
        }
    }

    /// <summary>Starts the app in the test environment (<see cref="TestingSettings"/>) over the database file a test names and waits until Kestrel says where it listens (or the process ends, which fails the test).</summary>
    public static Task<AppProcess> StartAsync(string databasePath, IReadOnlyDictionary<string, string>? settings = null) =>
        StartAsync(new AppStart { Environment = TestingSettings(databasePath, settings) });

    /// <summary>Starts the gateway (src/RunBack.Gateway, its own settings plus <paramref name="settings"/>) and waits until it listens.</summary>
    public static Task<AppProcess> StartGatewayAsync(IReadOnlyDictionary<string, string> settings, string? readyPath = null) =>
        StartAsync(new AppStart { Project = "RunBack.Gateway", Environment = settings, ReadyPath = readyPath });

    /// <summary>Starts a program as <paramref name="start"/> says and waits until it listens and, with a readiness path, until that answers 200.</summary>
    public static async Task<AppProcess> StartAsync(AppStart start)
    {
        var info = StartInfo(start.Project, start.Folder, start.Environment, start.Arguments);
        var known = KnownAddress(info.Environment["ASPNETCORE_URLS"]!);
        var app = new AppProcess(new Process { StartInfo = info, EnableRaisingEvents = true }, start.KeepLines);
        app._process.OutputDataReceived += (_, e) => app.Receive(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Receive(e.Data);
        app._process.Exited += (_, _) => app._listening.TrySetException(
            new InvalidOperationException($"{start.Project} exited at start-up. Its output:\n{app.Output}"));
        var clock = Stopwatch.StartNew();
        app._process.Start();
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        try
        {
            // Generous: on a CI machine shared with other builds a start-up has been seen to take over 90 s. Both waits end as soon as their condition holds.
            using var patience = new CancellationTokenSource(start.Patience);
            app.BaseAddress = known ?? await app._listening.Task.WaitAsync(patience.Token);
            if (start.ReadyPath is { } path)
            {
                await app.WaitUntilReadyAsync(path, start.PollEvery, patience.Token);
            }
            app.StartedIn = clock.Elapsed;
            return app;
        }
        catch (Exception ex)
        {
            await app.DisposeAsync();
            throw ex is OperationCanceledException
                ? new InvalidOperationException($"{start.Project} was not {(start.ReadyPath is null ? "listening" : "ready at " + start.ReadyPath)} within {start.Patience.TotalSeconds:0} s. Its output:\n{app.Output}")
                : ex;
        }
    }

    /// <summary>Polls <paramref name="path"/> until it answers 200; fails with the program's output when it exits first.</summary>
    public async Task WaitUntilReadyAsync(string path, TimeSpan pollEvery, CancellationToken cancellation)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The process at {Url} exited before {path} answered 200. Its output:\n{Output}");
            }
            try
            {
                if ((await client.GetAsync(path, cancellation)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellation.IsCancellationRequested))
            {
                // Not listening yet, or too busy to answer within 5 s.
            }
            await Task.Delay(pollEvery, cancellation);
        }
    }

    /// <summary>A fixed address when ASPNETCORE_URLS names a port; null when it is 0 (the program says which it took).</summary>
    private static Uri? KnownAddress(string urls) =>
        new Uri(urls.Split(';')[0]) is { Port: > 0 } address ? address : null;

    private void Receive(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > _keepLines)
            {
                _output.Dequeue();
            }
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

    /// <summary>SIGTERM, as a service manager or an orchestrator stops an instance: returns when the signal is sent.</summary>
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

    /// <summary>A loopback port free now (for a program that must come back on the same port, or an address where nothing listens).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>SIGKILL when still running (a test's end needs no graceful stop), then waits for the exit.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        _process.Dispose();
    }
}
