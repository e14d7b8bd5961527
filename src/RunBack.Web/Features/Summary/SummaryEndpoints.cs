using Microsoft.AspNetCore.Http.HttpResults;
using RunBack.Web.Common;
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
        var bytes = await pdf.RenderAsync(model, string.Equals(paper, "letter", StringComparison.OrdinalIgnoreCase), context.RequestAborted);
        if (bytes is null)
        {
            return new RazorComponentResult<PdfUnavailable> { StatusCode = StatusCodes.Status503ServiceUnavailable };
        }
        return Results.File(bytes, "application/pdf", $"runback-summary-{model.Reference.ToLowerInvariant()}.pdf");
    }
}
