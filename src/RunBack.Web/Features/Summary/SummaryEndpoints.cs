using RunBack.Web.Components.Layout;
using RunBack.Web.Components.Pages.Summary;
using RunBack.Web.Hosting;

namespace RunBack.Web.Features.Summary;

public static class SummaryEndpoints
{
    public static IEndpointRouteBuilder MapSummaryEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/summary/{id:guid}.pdf", async (Guid id, HttpContext context, SummaryService summaries, PdfRenderer pdf, string? paper) =>
            await Pdf(await summaries.ForCheckInAsync(context, id), pdf, paper, context)).RequireRateLimiting(SecurityHosting.ExportPolicy);
        routes.MapGet("/summary/draft.pdf", async (HttpContext context, SummaryService summaries, PdfRenderer pdf, string? paper) =>
            await Pdf(summaries.ForDraft(context), pdf, paper, context)).RequireRateLimiting(SecurityHosting.ExportPolicy);
        return routes;
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
