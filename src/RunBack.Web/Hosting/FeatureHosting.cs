using RunBack.Web.Common;
using RunBack.Web.Components;
using RunBack.Web.Features.Assessments;
using RunBack.Web.Features.CheckIns;
using RunBack.Web.Features.Fhir;
using RunBack.Web.Features.History;
using RunBack.Web.Features.Profiles;
using RunBack.Web.Features.QuickCheckIn;
using RunBack.Web.Features.Summary;

namespace RunBack.Web.Hosting;

/// <summary>Registers and maps every feature; each feature's own Add*/Map* says what it needs.</summary>
public static class FeatureHosting
{
    public static WebApplicationBuilder AddRunBackFeatures(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRunBackClock(builder.Configuration, builder.Environment);
        services.AddAssessments().AddProfiles().AddCheckIns().AddHistory().AddQuickCheckIn().AddSummaries().AddFhir(builder.Environment);

        services.AddRazorComponents()
            .AddInteractiveServerComponents(options =>
            {
                options.DetailedErrors = builder.Environment.IsDevelopment();
                // A closed tab's circuit is kept this long for a reconnect (shortened by the load harness).
                var circuits = builder.Configuration.GetSection(CircuitOptions.Section).Get<CircuitOptions>() ?? new CircuitOptions(); // checked at start-up
                options.DisconnectedCircuitRetentionPeriod = circuits.DisconnectedRetentionPeriod;
                options.DisconnectedCircuitMaxRetained = circuits.DisconnectedMaxRetained;
                options.MaxBufferedUnacknowledgedRenderBatches = 10;
                options.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(30);
            })
            .AddHubOptions(hub =>
            {
                hub.MaximumReceiveMessageSize = 32 * 1024;
                hub.EnableDetailedErrors = builder.Environment.IsDevelopment();
            });
        services.AddOpenApi(options => options.AddDocumentTransformer((document, context, _) =>
        {
            // Never the request's Host: the configured public address, or no server at all (paths relative to the document).
            var site = context.ApplicationServices.GetRequiredService<PublicAddress>().Configured;
            document.Servers = site is null ? [] : [new() { Url = site.GetLeftPart(UriPartial.Authority) }];
            return Task.CompletedTask;
        }));
        services.AddProblemDetails();
        return builder;
    }

    public static WebApplication MapRunBackEndpoints(this WebApplication app)
    {
        app.MapStaticAssets().WithoutProfileLookup();
        app.MapRunBackHealthChecks();
        app.MapOpenApi();
        app.MapAssessmentApi();
        app.MapCheckIns();
        app.MapHistory();
        app.MapProfiles();
        app.MapSummaries();
        app.MapFhir();
        app.MapRunBackEditionSwitch();
        app.MapRunBackCountry();
        var compression = (app.Configuration.GetSection(CircuitOptions.Section).Get<CircuitOptions>() ?? new CircuitOptions()).WebSocketCompression;
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options =>
        {
            options.DisableWebSocketCompression = compression == WebSocketCompression.Off;
            if (compression == WebSocketCompression.NoContextTakeover)
            {
                options.ConfigureWebSocketAcceptContext = (_, accept) =>
                {
                    accept.DangerousEnableCompression = true;
                    accept.DisableServerContextTakeover = true;
                    return Task.CompletedTask;
                };
            }
        }).WithLongLivedTransportsOnly();
        return app;
    }
}
