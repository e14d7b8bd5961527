namespace RunBack.Web.Features.Fhir;

public static class FhirFeature
{
    /// <summary>FHIR R4: each release as a Questionnaire, saved check-ins as a Bundle (see the README's mapping table).</summary>
    public static IServiceCollection AddFhir(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<FhirOptions>().BindConfiguration(FhirOptions.Section).ValidateDataAnnotations();
        services.AddSingleton<FhirQuestionnaires>();
        services.AddSingleton<CheckInBundle>();
        return services;
    }
}
