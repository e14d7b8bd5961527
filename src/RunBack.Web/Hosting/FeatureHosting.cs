using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RunBack.Web.Components;
using RunBack.Web.Data;
using RunBack.Web.Features.Assessments;
using RunBack.Web.Features.CheckIns;
using RunBack.Web.Features.Profiles;
using RunBack.Web.Features.Summary;

namespace RunBack.Web.Hosting;

public static class FeatureHosting
{
    public static WebApplicationBuilder AddRunBackFeatures(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<AssessmentService>();
        services.AddSingleton<ProfileService>();
        services.AddSingleton<CheckInService>();
        services.AddSingleton<OneTimeMessages>();
        services.AddScoped<SummaryService>();
        services.AddOptionsWithValidateOnStart<PdfOptions>().BindConfiguration(PdfOptions.Section).ValidateDataAnnotations();
        services.AddSingleton<ChromiumHost>();
        services.AddSingleton<SummaryHtml>();
        services.AddSingleton<PdfRenderer>();

        // Keys for antiforgery, protected browser storage and the one-time cookies live beside the database,
        // so they survive a restart (a reconnecting runner keeps their answers).
        services.AddDataProtection().SetApplicationName("RunBack")
            .PersistKeysToFileSystem(new DirectoryInfo(KeysDirectory(builder)));

        services.AddRazorComponents()
            .AddInteractiveServerComponents(options =>
            {
                options.DetailedErrors = builder.Environment.IsDevelopment();
                options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(10);
                options.DisconnectedCircuitMaxRetained = 200;
                options.MaxBufferedUnacknowledgedRenderBatches = 10;
                options.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(30);
            })
            .AddHubOptions(hub =>
            {
                hub.MaximumReceiveMessageSize = 32 * 1024;
                hub.EnableDetailedErrors = builder.Environment.IsDevelopment();
            });
        services.AddOpenApi();
        services.AddProblemDetails();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    private static string KeysDirectory(WebApplicationBuilder builder)
    {
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        return Path.Combine(Path.GetDirectoryName(database.FullPath(builder.Environment))!, "keys");
    }

    public static WebApplication MapRunBackEndpoints(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResponseWriter = (context, report) =>
            {
                context.Response.ContentType = "text/plain";
                return context.Response.WriteAsync(report.Status.ToString());
            },
        }).DisableHttpMetrics();
        app.MapOpenApi();
        app.MapAssessmentApi();
        app.MapCheckInEndpoints();
        app.MapSummaryEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>Healthy only when the database answers a query.</summary>
    internal sealed class DatabaseHealthCheck(IDbContextFactory<RunBackDbContext> factory) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var db = await factory.CreateDbContextAsync(cancellationToken);
                await db.Profiles.AnyAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or IOException)
            {
                return HealthCheckResult.Unhealthy("The database does not answer.");
            }
        }
    }
}
