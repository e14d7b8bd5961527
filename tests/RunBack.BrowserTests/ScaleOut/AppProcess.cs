using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RunBack.BrowserTests.ScaleOut;

/// <summary>
/// A built program (src/RunBack.Web or src/RunBack.Gateway) run as its own process on a free loopback port, as an
/// operator runs it, with its output kept so a test can see which instance served what. Killed (SIGKILL) on dispose.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppProcess(Process process, string url)
    {
        _process = process;
        Url = url;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Url { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Every line written since the last <see cref="ClearOutput"/>.</summary>
    public string Output => string.Join('\n', _output);

    public void ClearOutput() => _output.Clear();

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    /// <summary>Starts <c>src/&lt;project&gt;/bin/&lt;configuration&gt;/net10.0/&lt;project&gt;.dll</c> with the given settings (environment variables).</summary>
    public static AppProcess Start(string project, Dictionary<string, string> settings, int? port = null, params string[] arguments)
    {
        var url = $"http://127.0.0.1:{port ?? FreePort()}";
        var folder = Path.Combine(RepoPaths.Root, "src", project, "bin", Configuration, "net10.0");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(folder, project + ".dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ASPNETCORE_URLS"] = url;
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        return new AppProcess(Process.Start(start)!, url);
    }

    /// <summary>Runs a command of the app (e.g. <c>migrate</c>) to its end; fails the test with its output otherwise.</summary>
    public static async Task RunToEndAsync(string project, Dictionary<string, string> settings, params string[] arguments)
    {
        await using var command = Start(project, settings, null, arguments);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await command._process.WaitForExitAsync(timeout.Token);
        Assert.True(command._process.ExitCode == 0, $"{project} {string.Join(' ', arguments)} exited {command._process.ExitCode}: {command.Output}");
    }

    /// <summary>Polls <paramref name="path"/> until it answers 200 (the process failing to start fails the test with its output).</summary>
    public async Task WaitUntilHealthyAsync(string path = "/healthz")
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, $"The process at {Url} exited: {Output}");
            try
            {
                if ((await client.GetAsync(Url + path)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        Assert.Fail($"{Url}{path} did not become healthy: {Output}");
    }

    /// <summary>SIGKILL: the process ends at once, as when a machine fails; nothing is flushed or handed over.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string Configuration => AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
