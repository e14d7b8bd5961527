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
            .WithMetadata(new OneAtATimePerClient()).AddEndpointFilter<NoStore>();
        routes.MapGet("/summary/draft.pdf", async (HttpContext context, SummaryService summaries, PdfRenderer pdf, string? paper) =>
            await Pdf(summaries.ForDraft(context), pdf, paper, context)).RequireRateLimiting(RateLimitPolicies.Export)
            .WithMetadata(new OneAtATimePerClient()).AddEndpointFilter<NoStore>();
        return routes;
    }

    /// <summary>Keeps an unsaved result for its printable summary; answers that cannot be read show the "nothing to print" page.</summary>
    internal static IResult SaveDraft(IFormCollection fields, HttpContext context, AssessmentService assessments, SummaryDraft drafts)
    {
        var (read, _) = assessments.Read(PostedAnswers.From(fields));
        if (read is not null && assessments.Validate(read.Release, read.Answers, read.Date).IsValid)
        {
            drafts.Set(context.Response, read);
        }
        return Results.Redirect("/summary/draft");
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
