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

    /// <summary>PDF renders one client may have running at once.</summary>
    [Range(1, 8)] public int PdfConcurrentPerClient { get; set; } = 1;
}

/// <summary>The <c>Security</c> settings.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Read through <see cref="CookieSecurity"/> (its default depends on the environment).</summary>
    public bool? SecureCookies { get; set; }

    [Range(1, 10_000)] public int MaxCircuitsPerClient { get; set; } = 20;
}

/// <summary>The <c>Circuits</c> settings: how dropped self-check connections are kept for a reconnect.</summary>
public sealed class CircuitOptions
{
    public const string Section = "Circuits";

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan DisconnectedRetentionPeriod { get; set; } = TimeSpan.FromMinutes(10);

    [Range(0, 100_000)] public int DisconnectedMaxRetained { get; set; } = 200;
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
