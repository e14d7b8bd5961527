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

    /// <summary>False keeps the app's own clock (the real one, or the one Clock:ShiftDays moves) instead of <see cref="Clock"/>.</summary>
    public bool UseFakeClock { get; init; } = true;

    /// <summary>Settings a test wants changed (rate limits, paths), applied on top of appsettings.json.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["RateLimits:SavePerMinute"] = "1000",
        ["RateLimits:RecoveryPerMinute"] = "1000",
        ["RateLimits:ExportPerMinute"] = "1000",
        ["RateLimits:ForgetPerMinute"] = "1000",
        ["RateLimits:ApiPerMinute"] = "10000",
        // Every test client without the stand-in address header shares one address: tests make many profiles.
        ["RateLimits:NewProfilesPerHour"] = "1000000",
        // No gateway to wait for: a test host stops at once.
        ["Hosting:DrainSeconds"] = "0",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        ConfigureDatabase(builder);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Verbose");
        Settings.TryAdd("Content:Path", RepoPaths.Content);
        if (UseFakeClock)
        {
            // The fake clock replaces the app's clock anyway; without this, CI's time-travel run (Clock__ShiftDays in the
            // environment) would make a factory switched to Production refuse the shift before the check a test is after.
            Settings.TryAdd("Clock:ShiftDays", "0");
        }
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILogEventSink>(Logs);
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressStandIn>();
            if (UseFakeClock)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
            }
        });
    }

    /// <summary>Points the app at its database: a SQLite file here, a fresh PostgreSQL database in PostgresRunBackFactory (RunBack.SystemTests).</summary>
    protected virtual void ConfigureDatabase(IWebHostBuilder builder) => builder.UseSetting("Database:Path", DatabasePath);

    /// <summary>Everything the database holds, as text (the SQLite file and its WAL), for tests that check what is stored.</summary>
    public virtual async Task<string> StoredTextAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var bytes = await File.ReadAllBytesAsync(DatabasePath);
        var wal = File.Exists(DatabasePath + "-wal") ? await File.ReadAllBytesAsync(DatabasePath + "-wal") : [];
        return System.Text.Encoding.ASCII.GetString([.. bytes, .. wal]);
    }

    /// <summary>True when the stored data holds these bytes (a hash): the raw file here, the dump's hex on PostgreSQL.</summary>
    public virtual async Task<bool> StoresBytesAsync(byte[] value)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var bytes = await File.ReadAllBytesAsync(DatabasePath);
        var wal = File.Exists(DatabasePath + "-wal") ? await File.ReadAllBytesAsync(DatabasePath + "-wal") : [];
        byte[] all = [.. bytes, .. wal];
        return all.AsSpan().IndexOf(value) >= 0;
    }

    /// <summary>Runs a query on a fresh context of the app's own database (whichever provider it uses).</summary>
    public async Task<T> QueryAsync<T>(Func<RunBack.Data.RunBackDbContext, Task<T>> query)
    {
        var factory = Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<RunBack.Data.RunBackDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await query(db);
    }

    public HttpClient CreateBrowserLikeClient(string? clientAddress = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        });
        if (clientAddress is not null)
        {
            client.DefaultRequestHeaders.Add(ClientAddressStandIn.Header, clientAddress);
        }
        return client;
    }

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

/// <summary>
/// A stand-in for the client's network address, which TestServer does not give (every request would land in one
/// rate-limit bucket): the address in the test-only header <see cref="Header"/> becomes the connection's remote address.
/// Only the test factory adds this; the app never reads the header.
/// </summary>
public sealed class ClientAddressStandIn : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        Microsoft.AspNetCore.Builder.UseExtensions.Use(app, async (context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var address) && IPAddress.TryParse(address, out var parsed))
            {
                context.Connection.RemoteIpAddress = parsed;
            }
            await nextMiddleware(context);
        });
        next(app);
    };
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
