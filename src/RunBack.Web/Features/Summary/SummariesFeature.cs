namespace RunBack.Web.Features.Summary;

public static class SummariesFeature
{
    /// <summary>The printable summary of a saved check-in or an unsaved result, and its PDF.</summary>
    public static IServiceCollection AddSummaries(this IServiceCollection services)
    {
        services.AddScoped<SummaryService>();
        services.AddSingleton<SummaryDraft>();
        services.AddOptionsWithValidateOnStart<PdfOptions>().BindConfiguration(PdfOptions.Section).ValidateDataAnnotations();
        services.AddSingleton<ChromiumHost>();
        services.AddSingleton<SummaryHtml>();
        services.AddSingleton<PdfRenderer>();
        return services;
    }
}
