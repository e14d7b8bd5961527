using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Serilog.Core;
using Serilog.Events;

namespace RunBack.Web.Tests.Infrastructure;

/// <summary>
/// The real app over a real SQLite file in a temp folder, in a production-like environment ("Testing"), with a fake
/// clock (a stand-in for the system clock) that starts at <see cref="Start"/> and moves only when a test advances it.
/// </summary>
public class RunBackFactory : WebApplicationFactory<Program>
{
    /// <summary>The instant every test app starts at: noon UTC on <see cref="Answers.Today"/>.</summary>
    public static readonly DateTimeOffset Start = new(Answers.Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    public RunBackFactory()
    {
        Directory = Path.Combine(Path.GetTempPath(), "runback-web-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        ClientOptions.BaseAddress = new Uri("https://localhost");
        ClientOptions.AllowAutoRedirect = false;
    }

    public string Directory { get; }

    public string DatabasePath => Path.Combine(Directory, "runback.db");

    public CapturingSink Logs { get; } = new();

    /// <summary>The app's clock: advance it to move the app's "today" (trends, the 2–3 week rule, dates of check-ins).</summary>
    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>Settings a test wants changed (rate limits, paths), applied on top of appsettings.json.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["RateLimits:SavePerMinute"] = "1000",
        ["RateLimits:RecoveryPerMinute"] = "1000",
        ["RateLimits:ExportPerMinute"] = "1000",
        ["RateLimits:ForgetPerMinute"] = "1000",
        ["RateLimits:ApiPerMinute"] = "10000",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Path", DatabasePath);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Verbose");
        Settings.TryAdd("Content:Path", RepoPaths.Content);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILogEventSink>(Logs);
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public HttpClient CreateBrowserLikeClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open on this machine; the temp folder is cleaned up later.
            }
        }
    }
}

/// <summary>Keeps every rendered log line (and its properties) for tests that check what is logged.</summary>
public sealed class CapturingSink : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    public IReadOnlyList<LogEvent> Events => [.. _events];

    /// <summary>Everything a log could reveal: messages, property values and exceptions.</summary>
    public string AllText() => string.Join('\n', _events.Select(e =>
        e.RenderMessage() + " " + string.Join(' ', e.Properties.Select(p => p.Key + "=" + p.Value)) + " " + e.Exception));
}

internal static partial class Html
{
    [GeneratedRegex("name=\"__RequestVerificationToken\"(?: type=\"hidden\")? value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>Fetches a page and returns the antiforgery token of its form (the cookie stays in the client).</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"No antiforgery token on {path}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }
}
