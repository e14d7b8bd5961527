using System.Diagnostics;

namespace RunBack.Testing;

/// <summary>What <see cref="AppProcess.StartAsync(AppStart)"/> starts and how long it waits.</summary>
internal sealed record AppStart
{
    /// <summary>The program: <c>RunBack.Web</c> or <c>RunBack.Gateway</c>.</summary>
    public string Project { get; init; } = "RunBack.Web";

    /// <summary>A folder holding the program's dll (a published app); the build output beside this build when null.</summary>
    public string? Folder { get; init; }

    /// <summary>The environment, as given (ASPNETCORE_URLS is a free loopback port unless it is set here).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>A path polled until it answers 200 (e.g. <c>/healthz/ready</c>); null: started once it listens.</summary>
    public string? ReadyPath { get; init; }

    public TimeSpan PollEvery { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The ceiling of the wait (polled: it ends as soon as the program is up).</summary>
    public TimeSpan Patience { get; init; } = TimeSpan.FromSeconds(180);

    /// <summary>Keep only this many of the last output lines (a long run's log); null keeps all (tests that read the log).</summary>
    public int? KeepLines { get; init; }
}

internal sealed partial class AppProcess
{
    /// <summary>The web app's build output beside this test build (same configuration).</summary>
    public static string WebDll => ProgramDll("RunBack.Web", null);

    /// <summary>
    /// The test environment over the database file a test names: Testing, plain-HTTP cookies, health never cached (every
    /// /healthz call probes the storage a test has just broken or mended), rate limits out of the way; then <paramref name="settings"/>.
    /// </summary>
    public static Dictionary<string, string> TestingSettings(string databasePath, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Database__Path"] = databasePath,
            ["Content__Path"] = RepoPaths.Content,
            // Plain HTTP on loopback: cookies cannot be Secure here (they are in any deployment).
            ["Security__SecureCookies"] = "false",
            ["Health__CacheSeconds"] = "0",
            ["RateLimits__SavePerMinute"] = "100000",
            ["RateLimits__RecoveryPerMinute"] = "100000",
            ["RateLimits__ExportPerMinute"] = "100000",
            ["RateLimits__ForgetPerMinute"] = "100000",
            ["RateLimits__NewProfilesPerHour"] = "100000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        return environment;
    }

    /// <summary>Starts the app for a start-up that must be refused: waits for it to exit and returns its exit code, stdout and stderr.</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunUntilExitAsync(string databasePath) => RunCommandAsync(databasePath, []);

    /// <summary>Runs one of the app's commands (<c>backup PATH</c>, <c>migrate</c>) over the database a test names; returns its exit code, stdout and stderr.</summary>
    /// <paramref name="ceiling"/> bounds the wait for the exit (90 s unless said: a command that starts the server instead fails then).
    public static async Task<(int ExitCode, string Output, string Error)> RunCommandAsync(string databasePath, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? settings = null, TimeSpan? ceiling = null)
    {
        var limit = ceiling ?? TimeSpan.FromSeconds(90);
        var start = StartInfo("RunBack.Web", null, TestingSettings(databasePath, settings), [.. arguments]);
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

    private static string ProgramDll(string project, string? folder)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(folder ?? Path.Combine(RepoPaths.Root, "src", project, "bin", configuration, "net10.0"), project + ".dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"The built program was not found at {dll}: build the solution first.");
    }

    private static ProcessStartInfo StartInfo(string project, string? folder, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> arguments)
    {
        var dll = ProgramDll(project, folder);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        return start;
    }
}
