namespace RunBack.Web.Features.Fhir;

public static class FhirFeature
{
    /// <summary>FHIR R4: each release as a Questionnaire, saved check-ins as a Bundle (see the README's mapping table).</summary>
    public static IServiceCollection AddFhir(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddOptionsWithValidateOnStart<FhirOptions>().BindConfiguration(FhirOptions.Section).ValidateDataAnnotations();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<FhirOptions>>(new PlaceholderRefusedInProduction(environment));
        services.AddSingleton<FhirQuestionnaires>();
        services.AddSingleton<CheckInBundle>();
        return services;
    }
}

/// <summary>Production refuses the placeholder canonical base (see <see cref="FhirOptions.ProductionProblem"/>), in one line at start-up.</summary>
internal sealed class PlaceholderRefusedInProduction(IHostEnvironment environment) : Microsoft.Extensions.Options.IValidateOptions<FhirOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, FhirOptions options) =>
        options.ProductionProblem(environment) is { } problem
            ? Microsoft.Extensions.Options.ValidateOptionsResult.Fail(problem)
            : Microsoft.Extensions.Options.ValidateOptionsResult.Success;
}
