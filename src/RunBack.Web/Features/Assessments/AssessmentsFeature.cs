namespace RunBack.Web.Features.Assessments;

public static class AssessmentsFeature
{
    /// <summary>Validation and evaluation of answers, and the one intake of posted answers (API, save, summary draft, quick check-in).</summary>
    public static IServiceCollection AddAssessments(this IServiceCollection services) =>
        services.AddSingleton<AssessmentService>().AddSingleton<AnswerIntake>();
}
