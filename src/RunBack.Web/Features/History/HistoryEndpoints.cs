using Microsoft.Extensions.Localization;
using RunBack.Core.CheckIns;
using RunBack.Web.Common;
using RunBack.Web.Features.Assessments;
using RunBack.Web.Features.CheckIns;
using RunBack.Web.Features.Profiles;

namespace RunBack.Web.Features.History;

/// <summary>A runner's whole history as a download (CSV for a spreadsheet, JSON for another program), streamed.</summary>
public static class HistoryEndpoints
{
    public static IEndpointRouteBuilder MapHistory(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/history/export.csv", ExportCsv).RequireRateLimiting(RateLimitPolicies.Export).AddEndpointFilter<NoStore>().RequireProfile();
        routes.MapGet("/history/export.json", ExportJson).RequireRateLimiting(RateLimitPolicies.Export).AddEndpointFilter<NoStore>().RequireProfile();
        return routes;
    }

    internal static async Task<IResult> ExportCsv(HttpContext context, CheckInService checkIns, AssessmentService assessments,
        QuickCheckInContent quick, ProfileService profiles, IStringLocalizer<Wording> words)
    {
        var profileId = ProfileIdentity.Id(context);
        if (profileId is null)
        {
            return Results.NotFound();
        }
        await profiles.TouchAsync(profileId.Value, context.RequestAborted);
        // Streamed: rows go out as they are read, so a long history is never held in memory (no Content-Length).
        return Results.Stream(body => HistoryExport.WriteCsvAsync(checkIns.StreamAsync(profileId.Value, context.RequestAborted), body,
            assessments.Store.Find, quick, words, context.RequestAborted), "text/csv; charset=utf-8", "runback-history.csv");
    }

    internal static async Task<IResult> ExportJson(HttpContext context, CheckInService checkIns, TimeProvider clock, ProfileService profiles)
    {
        var profileId = ProfileIdentity.Id(context);
        if (profileId is null)
        {
            return Results.NotFound();
        }
        await profiles.TouchAsync(profileId.Value, context.RequestAborted);
        var exportedAt = clock.GetUtcNow();
        return Results.Stream(body => HistoryExport.WriteJsonAsync(checkIns.StreamAsync(profileId.Value, context.RequestAborted), body,
            exportedAt, context.RequestAborted), "application/json", "runback-history.json");
    }
}
