using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using RunBack.Core.Rules;
using RunBack.Web.Common;

namespace RunBack.Web.Features.Assessments;

/// <summary>The JSON API: the questionnaire, and an assessment for posted answers.</summary>
public static class AssessmentEndpoints
{
    public static IEndpointRouteBuilder MapAssessmentApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Self-check").RequireRateLimiting(RateLimitPolicies.Api).DisableAntiforgery();

        api.MapGet("/questionnaire", (AssessmentService service) => TypedResults.Ok(AssessmentJson.ToDto(service.Current)))
            .WithName("GetQuestionnaire")
            .WithSummary("The current content release's questionnaire: sections, questions, options and ranges.");

        api.MapPost("/assessments", Assess)
            .WithName("CreateAssessment")
            .WithSummary("Validates answers and returns the assessment: triage, factors, hip component and ranked guidance.")
            .Accepts<AnswerIntake.ApiRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return routes;
    }

    internal static async Task<Results<Ok<AssessmentDto>, ValidationProblem, ProblemHttpResult>> Assess(HttpRequest request, AnswerIntake intakes,
        IStringLocalizer<Wording> words)
    {
        if (!request.HasJsonContentType())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the answers as JSON",
                detail: "Use the header 'Content-Type: application/json'.");
        }
        if (request.ContentLength > RequestLimits.MaxRequestBodyBytes)
        {
            return TooLarge();
        }
        var (document, bodyError) = await AnswerIntake.ParseBodyAsync(request.Body, words, request.HttpContext.RequestAborted);
        if (document is null)
        {
            return bodyError is null ? TooLarge()
                : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [bodyError] }, title: "The request could not be read");
        }
        using (document)
        {
            // Warning signs first: the intake judges the answers that could be read before anything else is said, and
            // every refusal below names any warning sign among them, with its action, so no other mistake hides it.
            var intake = intakes.FromJson(document.RootElement, Country(request));
            return intake.Stage switch
            {
                IntakeStage.Valid => TypedResults.Ok(AssessmentJson.ToDto(intake.Assessment!)),
                IntakeStage.Unreadable => TypedResults.ValidationProblem(intake.Errors, title: "The request could not be read"),
                IntakeStage.Date => Refused(intake, "The request could not be read", words),
                _ => Refused(intake, "Some answers are not valid", words),
            };
        }
    }

    /// <summary>
    /// A refusal that leads with any warning sign: <c>warningSigns</c> holds the tier ("emergency" or "urgent"), the
    /// signs, and the action in the request's edition (its label, the number to call, the sentence), before the errors.
    /// </summary>
    private static ValidationProblem Refused(IntakeResult intake, string title, IStringLocalizer<Wording> words)
    {
        var errors = intake.Errors.ToDictionary();
        if (intake.Safety is not { } safety)
        {
            return TypedResults.ValidationProblem(errors, title: title);
        }
        var wording = Components.TriageWording.For(words, safety.Level, safety.Release.Actions, intake.Country);
        var signs = new WarningSignsDto(safety.Level.Id(), [.. safety.Flags.Select(f => new FlagDto(f.RuleId, f.Label, f.Level.Id()))],
            wording.Title, wording.ActionLabel, wording.Phone, wording.Lead);
        return TypedResults.ValidationProblem(errors, title: title, detail: wording.Title + " " + wording.Lead,
            extensions: new Dictionary<string, object?> { ["warningSigns"] = signs });
    }

    /// <summary>The runner's country (the request's setting): the number in a refusal's warning sign follows it.</summary>
    private static string? Country(HttpRequest request) => request.HttpContext.RequestServices.GetRequiredService<RunnerCountry>().Code;

    /// <summary>A warning sign found in answers the API refused for another reason (see <see cref="Refused"/>).</summary>
    public sealed record WarningSignsDto(string Triage, IReadOnlyList<FlagDto> Flags, string Title, string? Action, string? Phone, string Advice);

    private static ProblemHttpResult TooLarge() =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request is too large",
            detail: $"Answers must fit in {RequestLimits.MaxRequestBodyBytes / 1024} KB.");
}
