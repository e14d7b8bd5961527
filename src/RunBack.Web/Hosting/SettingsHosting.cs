using RunBack.Web.Common;
using RunBack.Web.Data;
using RunBack.Web.Features.Fhir;
using RunBack.Web.Features.Summary;

namespace RunBack.Web.Hosting;

/// <summary>
/// Every RunBack settings section checked at start-up: values in range (DataAnnotations) and no key the section does
/// not have, so <c>RateLimits__ApiPerMinute=0</c> or a misspelt <c>RateLimits__SavesPerMinute</c> stops the app with
/// one line instead of 500s or a silently ignored setting. Sections bound where they are used (Database, Content,
/// Localization, Pdf, Fhir) get the unknown-key check here.
/// </summary>
public static class SettingsHosting
{
    public static WebApplicationBuilder AddRunBackSettings(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddRunBackSettings<RateLimitOptions>(configuration, RateLimitOptions.Section, RateLimitOptions.Problem);
        services.AddRunBackSettings<SecurityOptions>(configuration, SecurityOptions.Section, SecurityOptions.Problem);
        services.AddRunBackSettings<CircuitOptions>(configuration, CircuitOptions.Section);
        services.AddRunBackSettings<ForwardedHeadersSettings>(configuration, ForwardedHeadersSettings.Section);
        services.AddRunBackSettings<DiagnosticsOptions>(configuration, DiagnosticsOptions.Section);
        services.AddRunBackSettings<HealthOptions>(configuration, HealthOptions.Section);
        services.AddRunBackSettings<PrivacyOptions>(configuration, PrivacyOptions.Section);
        services.AddRunBackSettings<HostingOptions>(configuration, HostingOptions.Section);
        services.AddRunBackSettings<DataProtectionOptions>(configuration, DataProtectionOptions.Section);
        services.RefuseUnknownKeys<DatabaseOptions>(configuration, DatabaseOptions.Section);
        services.RefuseUnknownKeys<ContentOptions>(configuration, ContentOptions.Section);
        services.RefuseUnknownKeys<LocalizationOptions>(configuration, LocalizationOptions.Section);
        services.RefuseUnknownKeys<PdfOptions>(configuration, PdfOptions.Section);
        services.RefuseUnknownKeys<FhirOptions>(configuration, FhirOptions.Section);
        return builder;
    }
}
