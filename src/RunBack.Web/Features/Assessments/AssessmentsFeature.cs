namespace RunBack.Web.Features.Assessments;

public static class AssessmentsFeature
{
    /// <summary>Validation and evaluation of answers, shared by the self-check, saving, summaries and the API.</summary>
    public static IServiceCollection AddAssessments(this IServiceCollection services) =>
        services.AddSingleton<AssessmentService>();
}
