using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using RunBack.Web.Data;

namespace RunBack.Web.Hosting;

/// <summary>Where the data-protection keys (antiforgery, protected session storage, encrypted cookies) are kept.</summary>
public sealed class DataProtectionOptions
{
    public const string Section = "DataProtection";

    /// <summary>The keys folder, relative to the app's content root. Empty: <c>keys/</c> beside the SQLite database.</summary>
    public string? KeysPath { get; set; }
}

public static class PersistenceHosting
{
    public static WebApplicationBuilder AddRunBackPersistence(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations();
        builder.Services.AddDbContextFactory<RunBackDbContext>((services, options) =>
            DatabaseSetup.Configure(options, services.GetRequiredService<IOptions<DatabaseOptions>>().Value, builder.Environment));

        // Keys survive a restart, so a reconnecting runner keeps their answers and a saved form still posts.
        builder.Services.AddDataProtection().SetApplicationName("RunBack")
            .PersistKeysToFileSystem(PrivateFiles.CreateFolder(KeysDirectory(builder)));
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    private static string KeysDirectory(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetSection(DataProtectionOptions.Section).Get<DataProtectionOptions>()?.KeysPath;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, builder.Environment.ContentRootPath);
        }
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        return Path.Combine(Path.GetDirectoryName(database.FullPath(builder.Environment))!, "keys");
    }

    /// <summary>Applies the checked-in migrations before the app serves anything. A failure stops the app: nothing is wiped and nothing is hidden.</summary>
    public static async Task MigrateRunBackDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var factory = app.Services.GetRequiredService<IDbContextFactory<RunBackDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await DatabaseSetup.MigrateAsync(db, options, app.Environment);
        Log.DatabaseReady(app.Logger);
    }

    public static WebApplication MapRunBackHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResponseWriter = (context, report) =>
            {
                context.Response.ContentType = "text/plain";
                return context.Response.WriteAsync(report.Status.ToString());
            },
        }).DisableHttpMetrics();
        return app;
    }

    /// <summary>Healthy only when the database takes a write (a read-only or full disk is Unhealthy).</summary>
    internal sealed class DatabaseHealthCheck(IDbContextFactory<RunBackDbContext> factory) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await DatabaseSetup.TakesWritesAsync(factory, cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database does not take writes.");
    }
}
