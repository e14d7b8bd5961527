using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using RunBack.Core.Questionnaire;
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
            .Accepts<AssessmentRequestDoc>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return routes;
    }

    internal static async Task<Results<Ok<AssessmentDto>, ValidationProblem, ProblemHttpResult>> Assess(HttpRequest request, AssessmentService service)
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
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, AnswerParser.StrictJson, request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["The body is not valid JSON, or it repeats a property name."] },
                title: "The request could not be read");
        }
        catch (InvalidOperationException)
        {
            // Checking for repeated names decodes every name: a lone surrogate in one surfaces here.
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [AnswerParser.NotUnicode] },
                title: "The request could not be read");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        using (document)
        {
            var root = document.RootElement;
            if (!AnswerParser.IsValidText(root))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [AnswerParser.NotUnicode] },
                    title: "The request could not be read");
            }
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("answers", out var answersElement))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["answers"] = ["Send an object like {\"answers\": {\"back_pain\": 4, ...}}."] },
                    title: "The request could not be read");
            }
            // Warning signs first: the answers are read before the date is checked, and every refusal below names any
            // warning sign among the answers that could be read, with its action, so no other mistake hides it.
            var release = service.Current;
            var (answers, parseErrors) = AnswerParser.FromJson(answersElement, release.Questionnaire);
            if (parseErrors.TryGetValue("answers", out var whole) && whole == AnswerParser.NotUnicode)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["answers"] = [whole] }, title: "The request could not be read");
            }
            var today = service.Today;
            DateOnly? posted = null;
            if (root.TryGetProperty("date", out var dateElement) && dateElement.ValueKind != JsonValueKind.Null)
            {
                if (dateElement.ValueKind != JsonValueKind.String || !AnswerParser.TryParseDate(dateElement.GetString(), out var date))
                {
                    return Refused(new Dictionary<string, string[]> { ["date"] = ["'date' is the day of the check-in, yyyy-MM-dd."] },
                        "The request could not be read", (service, Country(request)), release, answers, null);
                }
                if (service.DateProblem(date) is { } problem)
                {
                    return Refused(new Dictionary<string, string[]> { ["date"] = [problem] }, "The request could not be read", (service, Country(request)), release, answers, null);
                }
                posted = today = date;
            }
            if (parseErrors.Count > 0)
            {
                return Refused(parseErrors.ToDictionary(e => e.Key, e => new[] { e.Value }), "Some answers are not valid", (service, Country(request)), release, answers, posted);
            }
            var (assessment, errors) = service.Assess(release, answers, today);
            if (assessment is null)
            {
                return Refused(errors.ToDictionary(), "Some answers are not valid", (service, Country(request)), release, answers, posted);
            }
            return TypedResults.Ok(AssessmentJson.ToDto(assessment));
        }
    }

    /// <summary>
    /// A refusal that leads with any warning sign: <c>warningSigns</c> holds the tier ("emergency" or "urgent"), the
    /// signs, and the action in the request's edition (its label, the number to call, the sentence), before the errors.
    /// </summary>
    private static ValidationProblem Refused(IDictionary<string, string[]> errors, string title, (AssessmentService Service, string? Country) by,
        RunBack.Core.Content.ContentRelease release, AnswerSet answers, DateOnly? date)
    {
        var (service, country) = by;
        if (service.WarningSigns(release, answers, date) is not { } safety)
        {
            return TypedResults.ValidationProblem(errors, title: title);
        }
        var wording = Components.TriageWording.For(safety.Level, release.Actions, country);
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

    /// <summary>For the OpenAPI document: the request body.</summary>
    /// <param name="Answers">Question id to answer: true/false, a number, an option id, a list of option ids, or a yyyy-MM-dd date.</param>
    /// <param name="Date">The day of the check-in (defaults to today).</param>
    public sealed record AssessmentRequestDoc(Dictionary<string, JsonElement> Answers, string? Date);
}
