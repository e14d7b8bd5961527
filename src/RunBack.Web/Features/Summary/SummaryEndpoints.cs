using RunBack.Web.Common;
using RunBack.Web.Components.Layout;
using RunBack.Web.Features.Assessments;

namespace RunBack.Web.Features.Summary;

public static class SummaryEndpoints
{
    public static IEndpointRouteBuilder MapSummaries(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/summary/draft", SaveDraft).RequireRateLimiting(RateLimitPolicies.Save);
        routes.MapGet("/summary/{id:guid}.pdf", async (Guid id, HttpContext context, SummaryService summaries, PdfRenderer pdf, string? paper) =>
            await Pdf(await summaries.ForCheckInAsync(context, id), pdf, paper, context)).RequireRateLimiting(RateLimitPolicies.Export)
            .WithMetadata(new OneAtATimePerClient()).AddEndpointFilter<NoStore>().RequireProfile();
        routes.MapGet("/summary/draft.pdf", async (HttpContext context, SummaryService summaries, PdfRenderer pdf, string? paper) =>
            await Pdf(summaries.ForDraft(context), pdf, paper, context)).RequireRateLimiting(RateLimitPolicies.Export)
            .WithMetadata(new OneAtATimePerClient()).AddEndpointFilter<NoStore>();
        return routes;
    }

    /// <summary>
    /// Keeps an unsaved result for its printable summary; answers that cannot be read show the "nothing to print" page,
    /// unless they hold a warning sign: then the sign and its action lead a page of their own, before the problem.
    /// </summary>
    internal static IResult SaveDraft(IFormCollection fields, HttpContext context, AnswerIntake intakes, SummaryDraft drafts)
    {
        var form = PostedAnswers.From(fields);
        var intake = intakes.FromForm(form, context.RequestServices.GetRequiredService<RunnerCountry>().Code);
        if (intake.Checked is { } answers)
        {
            drafts.Set(context.Response, answers);
            return Results.Redirect("/summary/draft");
        }
        if (intake.Safety is null)
        {
            return Results.Redirect("/summary/draft");
        }
        return StandalonePage.Result<CheckIns.SaveProblem>(StatusCodes.Status400BadRequest, new Dictionary<string, object?>
        {
            [nameof(CheckIns.SaveProblem.Heading)] = "Your summary could not be made",
            [nameof(CheckIns.SaveProblem.Message)] = intake.Problem,
            [nameof(CheckIns.SaveProblem.Form)] = form with { Answers = null },
            [nameof(CheckIns.SaveProblem.Safety)] = intake.Safety,
            [nameof(CheckIns.SaveProblem.SafetyOutcome)] = "No summary could be made because of the problem below",
        });
    }

    private static async Task<IResult> Pdf(SummaryModel? model, PdfRenderer pdf, string? paper, HttpContext context)
    {
        if (model is null)
        {
            return Results.NotFound();
        }
        var result = await pdf.RenderAsync(model, string.Equals(paper, "letter", StringComparison.OrdinalIgnoreCase), context.RequestAborted);
        if (result.Pdf is null)
        {
            var busy = result.Failure == PdfFailure.Busy;
            if (busy)
            {
                context.Response.Headers.RetryAfter = "10";
            }
            return StandalonePage.Result<PdfUnavailable>(StatusCodes.Status503ServiceUnavailable,
                new Dictionary<string, object?> { [nameof(PdfUnavailable.Busy)] = busy });
        }
        return Results.File(result.Pdf, "application/pdf", $"runback-summary-{model.Reference.ToLowerInvariant()}.pdf");
    }
}
