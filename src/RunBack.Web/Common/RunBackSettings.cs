using System.ComponentModel.DataAnnotations;

namespace RunBack.Web.Common;

/// <summary>The <c>RateLimits</c> settings: requests per minute per client (see README, "Configuration").</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [Range(1, 1_000_000)] public int SavePerMinute { get; set; } = 20;
    [Range(1, 1_000_000)] public int RecoveryPerMinute { get; set; } = 5;
    [Range(1, 1_000_000)] public int ExportPerMinute { get; set; } = 10;
    [Range(1, 1_000_000)] public int ForgetPerMinute { get; set; } = 5;
    [Range(1, 1_000_000)] public int ApiPerMinute { get; set; } = 120;

    /// <summary>PDF renders one client may have running or waiting at once.</summary>
    [Range(1, 8)] public int PdfConcurrentPerClient { get; set; } = 1;

    /// <summary>PDF renders one client address may have running or waiting at once, whatever profiles it uses.</summary>
    [Range(1, 8)] public int PdfConcurrentPerAddress { get; set; } = 2;

    /// <summary>New profiles (first saves) one client address may start in an hour, counted across instances.</summary>
    [Range(1, 1_000_000)] public int NewProfilesPerHour { get; set; } = 10;

    /// <summary>
    /// For this long after it is made, a profile's requests count against its client address (0: never): a profile
    /// costs one save, so fresh ones must not buy fresh limits.
    /// </summary>
    [Range(0, 10_080)] public int YoungProfileMinutes { get; set; } = 60;

    /// <summary>The settings' own rule, checked at start-up with the ranges.</summary>
    public static string? Problem(RateLimitOptions options) => options.PdfConcurrentPerClient > options.PdfConcurrentPerAddress
        ? $"{Section}:PdfConcurrentPerClient ({options.PdfConcurrentPerClient}) cannot be more than {Section}:PdfConcurrentPerAddress ({options.PdfConcurrentPerAddress})."
        : null;
}

/// <summary>The <c>Security</c> settings.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Read through <see cref="CookieSecurity"/> (its default depends on the environment).</summary>
    public bool? SecureCookies { get; set; }

    /// <summary>Self-check connections one client address may hold open at once.</summary>
    [Range(1, 10_000)] public int MaxCircuitsPerClient { get; set; } = 20;

    /// <summary>Self-check connections this instance holds open at once, from everyone (a "busy, try again" page beyond).</summary>
    [Range(1, 1_000_000)] public int MaxCircuits { get; set; } = 1000;

    /// <summary>The settings' own rule, checked at start-up with the ranges.</summary>
    public static string? Problem(SecurityOptions options) => options.MaxCircuitsPerClient > options.MaxCircuits
        ? $"{Section}:MaxCircuitsPerClient ({options.MaxCircuitsPerClient}) cannot be more than {Section}:MaxCircuits ({options.MaxCircuits})."
        : null;
}

/// <summary>The <c>Circuits</c> settings: how dropped self-check connections are kept for a reconnect.</summary>
public sealed class CircuitOptions
{
    public const string Section = "Circuits";

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan DisconnectedRetentionPeriod { get; set; } = TimeSpan.FromMinutes(10);

    [Range(0, 100_000)] public int DisconnectedMaxRetained { get; set; } = 200;

    /// <summary>
    /// Compression of the circuits' WebSocket messages (see <see cref="WebSocketCompression"/>). The default resets the
    /// server's deflate stream after each message: the load harness measured 1,134–1,194 KB resident per circuit at the
    /// result against 1,562–1,585 KB with ASP.NET Core's default (100 circuits, two runs each), messages still compressed.
    /// </summary>
    public WebSocketCompression WebSocketCompression { get; set; } = WebSocketCompression.NoContextTakeover;
}

/// <summary>
/// How a circuit's WebSocket messages are compressed. Each compressed connection holds a zlib deflate stream (its window
/// and hash tables, outside the managed heap) for as long as it is open, unless the stream is reset after every message.
/// </summary>
public enum WebSocketCompression
{
    /// <summary>ASP.NET Core's default: per-message deflate with the compression context kept between messages.</summary>
    On,

    /// <summary>Per-message deflate, the server's context reset after each message (no server context takeover).</summary>
    NoContextTakeover,

    /// <summary>No compression.</summary>
    Off,
}

/// <summary>The <c>ForwardedHeaders</c> settings (checked as addresses where they are read, ScaleOutHosting).</summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    public string[] KnownProxies { get; set; } = [];

    public string[] KnownNetworks { get; set; } = [];
}

/// <summary>The <c>Diagnostics</c> settings (the load harness's memory endpoint).</summary>
public sealed class DiagnosticsOptions
{
    public const string Section = "Diagnostics";

    public bool MemoryEndpoint { get; set; }
}

/// <summary>The <c>Health</c> settings.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>How long /healthz answers with its last probe instead of writing to the database again (0: every call probes).</summary>
    [Range(0, 10)] public double CacheSeconds { get; set; } = 1;
}

/// <summary>The <c>Privacy</c> settings.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>A profile with no check-in, recovery-code sign-in or export for this many months is deleted with its check-ins.</summary>
    [Range(1, 240)] public int RetentionMonths { get; set; } = 24;
}

/// <summary>The <c>Hosting</c> settings: how an instance leaves the pool on SIGTERM.</summary>
public sealed class HostingOptions
{
    public const string Section = "Hosting";

    /// <summary>
    /// Seconds between failing readiness on SIGTERM and stopping: the gateway (or load balancer) needs this long to
    /// notice and send new requests elsewhere. 0 stops at once.
    /// </summary>
    [Range(0, 300)] public int DrainSeconds { get; set; } = 5;
}
