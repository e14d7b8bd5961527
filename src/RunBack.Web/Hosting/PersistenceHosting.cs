using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using RunBack.Data;
using RunBack.Web.Common;
using RunBack.Web.Data;
using RunBack.Web.Features.Profiles;

namespace RunBack.Web.Hosting;

public static partial class PersistenceHosting
{
    public static WebApplicationBuilder AddRunBackPersistence(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .Configure<IConfiguration>((options, configuration) =>
                options.PostgresConnectionString ??= configuration.GetConnectionString(DatabaseOptions.ConnectionStringName))
            .ValidateDataAnnotations();
        // Pooled: a save makes three to five contexts, and building each one's services cost more than its query.
        builder.Services.AddPooledDbContextFactory<RunBackDbContext>((services, options) =>
            DatabaseSetup.Configure(options, services.GetRequiredService<IOptions<DatabaseOptions>>().Value, builder.Environment));
        builder.Services.AddSingleton(services => new WriteGate(serialize: !services.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgres,
            services.GetRequiredService<IDbContextFactory<RunBackDbContext>>()));

        // Keys survive a restart, so a reconnecting runner keeps their answers and a saved form still posts. In the
        // database, every instance behind the proxy reads the keys the others made.
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("RunBack");
        var keys = builder.Configuration.GetSection(DataProtectionOptions.Section).Get<DataProtectionOptions>() ?? new DataProtectionOptions();
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var store = keys.StoreFor(database.IsPostgres);
        if (string.Equals(store, DataProtectionOptions.Database, StringComparison.OrdinalIgnoreCase))
        {
            dataProtection.PersistKeysToDbContext<RunBackDbContext>();
        }
        else if (string.Equals(store, DataProtectionOptions.FileSystem, StringComparison.OrdinalIgnoreCase))
        {
            dataProtection.PersistKeysToFileSystem(KeysFolder(KeysDirectory(builder, keys)));
        }
        else
        {
            throw new StartupRefusedException($"{DataProtectionOptions.Section}:Store must be '{DataProtectionOptions.FileSystem}' or '{DataProtectionOptions.Database}', not '{store}'.");
        }
        if (!string.IsNullOrWhiteSpace(keys.CertificatePath))
        {
            // Keys at rest encrypted with the certificate (and read back with it): no "No XML encryptor configured" warning.
            dataProtection.ProtectKeysWithCertificate(KeyCertificate(Path.GetFullPath(keys.CertificatePath, builder.Environment.ContentRootPath), keys.CertificatePassword));
        }
        builder.Services.AddSingleton<HealthProbeCache>();
        builder.Services.AddSingleton<StorageFailureLog>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [DrainHosting.ReadyTag]);
        return builder;
    }

    /// <summary>Creates the keys folder; storage that cannot be written (read-only, full) refuses the start in one line.</summary>
    private static DirectoryInfo KeysFolder(string path)
    {
        try
        {
            return PrivateFiles.CreateFolder(path);
        }
        catch (Exception ex) when (StorageErrors.IsStorageFailure(ex))
        {
            throw new StartupRefusedException(
                $"The data-protection keys folder {path} cannot be created ({StorageErrors.Kind(ex)}): the storage may be read-only or full; make it writable by the app's user or set {DataProtectionOptions.Section}:KeysPath.", ex);
        }
    }

    /// <summary>Loads the key-encryption certificate; a missing or unreadable file, or one without its private key, refuses the start in one line.</summary>
    private static System.Security.Cryptography.X509Certificates.X509Certificate2 KeyCertificate(string path, string? password)
    {
        const string Setting = DataProtectionOptions.Section + ":CertificatePath";
        if (!File.Exists(path))
        {
            throw new StartupRefusedException($"{Setting} {path} does not exist: give the path of a .pfx file with the certificate and its private key.");
        }
        System.Security.Cryptography.X509Certificates.X509Certificate2 certificate;
        try
        {
            certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(path, string.IsNullOrEmpty(password) ? null : password);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new StartupRefusedException(
                $"{Setting} {path} cannot be read ({ex.GetType().Name}): it must be a PKCS#12 (.pfx) file readable by the app's user, and {DataProtectionOptions.Section}:CertificatePassword its password.", ex);
        }
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new StartupRefusedException($"{Setting} {path} holds no private key: the keys could be encrypted but never read back.");
        }
        return certificate;
    }

    private static string KeysDirectory(WebApplicationBuilder builder, DataProtectionOptions keys)
    {
        if (!string.IsNullOrWhiteSpace(keys.KeysPath))
        {
            return Path.GetFullPath(keys.KeysPath, builder.Environment.ContentRootPath);
        }
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        return Path.Combine(database.Folder(builder.Environment), "keys");
    }

    /// <summary>
    /// <c>/healthz/live</c>: the process answers (never the database: an outage must not restart every instance).
    /// <c>/healthz/ready</c>: it can serve (the database takes writes, content is loaded, not draining); <c>/healthz</c> is
    /// the same as ready, for existing probes. Both answer 200 Healthy or 503 Unhealthy as text.
    /// </summary>
    public static WebApplication MapRunBackHealthChecks(this WebApplication app)
    {
        static Task Write(HttpContext context, HealthReport report)
        {
            context.Response.ContentType = "text/plain";
            return context.Response.WriteAsync(report.Status.ToString());
        }
        var readiness = app.Services.GetRequiredService<ReadinessLog>();
        var ready = new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(DrainHosting.ReadyTag),
            ResponseWriter = (context, report) =>
            {
                readiness.Observe(report); // one line when readiness changes, not one per probe
                return Write(context, report);
            },
        };
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = Write }).DisableHttpMetrics().WithoutProfileLookup();
        app.MapHealthChecks("/healthz/ready", ready).DisableHttpMetrics().WithoutProfileLookup();
        app.MapHealthChecks("/healthz", ready).DisableHttpMetrics().WithoutProfileLookup();
        return app;
    }

    /// <summary>
    /// Healthy only when the database takes a write and its disk has room for a check-in. A nearly full disk can still
    /// take the probe's one-page write (SQLite reuses its WAL file) while every save fails, so free space is checked too.
    /// </summary>
    internal sealed class DatabaseHealthCheck(IDbContextFactory<RunBackDbContext> factory, IOptions<DatabaseOptions> options, IHostEnvironment environment,
        HealthProbeCache cache) : IHealthCheck
    {
        /// <summary>Below this much free space beside the database, saves are expected to fail.</summary>
        private const long MinimumFreeBytes = 1024 * 1024;

        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            cache.GetAsync(ProbeAsync, cancellationToken);

        private async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
        {
            if (DatabaseSetup.FreeBytes(options.Value, environment) is < MinimumFreeBytes)
            {
                return HealthCheckResult.Unhealthy("The disk holding the database is full.");
            }
            return await DatabaseSetup.TakesWritesAsync(factory, cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database does not take writes.");
        }
    }

    /// <summary>
    /// The last probe's result, kept for <c>Health:CacheSeconds</c>: a flood of /healthz calls runs one probe (one small
    /// write) per period, and calls that arrive while a probe runs wait for it instead of starting another.
    /// </summary>
    internal sealed class HealthProbeCache(TimeProvider clock, IOptions<HealthOptions> options) : IDisposable
    {
        private sealed record Probe(DateTimeOffset At, HealthCheckResult Result);

        private readonly SemaphoreSlim _gate = new(1, 1);
        private volatile Probe? _last;

        public async Task<HealthCheckResult> GetAsync(Func<CancellationToken, Task<HealthCheckResult>> probe, CancellationToken cancellationToken)
        {
            var keep = TimeSpan.FromSeconds(options.Value.CacheSeconds);
            if (Fresh(keep) is { } cached)
            {
                return cached;
            }
            await _gate.WaitAsync(cancellationToken);
            try
            {
                if (Fresh(keep) is { } again)
                {
                    return again;
                }
                var result = await probe(cancellationToken);
                _last = new Probe(clock.GetUtcNow(), result);
                return result;
            }
            finally
            {
                _gate.Release();
            }
        }

        public void Dispose() => _gate.Dispose();

        private HealthCheckResult? Fresh(TimeSpan keep) =>
            _last is { } last && keep > TimeSpan.Zero && clock.GetUtcNow() - last.At < keep ? last.Result : null;
    }
}
