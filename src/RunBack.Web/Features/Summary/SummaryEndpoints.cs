using Microsoft.AspNetCore.Http.HttpResults;
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
        var bytes = await pdf.RenderAsync(model, string.Equals(paper, "letter", StringComparison.OrdinalIgnoreCase), context.RequestAborted);
        if (bytes is null)
        {
            return new RazorComponentResult<PdfUnavailable> { StatusCode = StatusCodes.Status503ServiceUnavailable };
        }
        return Results.File(bytes, "application/pdf", $"runback-summary-{model.Reference.ToLowerInvariant()}.pdf");
    }
}
