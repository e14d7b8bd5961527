using RunBack.Web.Common;
using RunBack.Web.Features.CheckIns;
using RunBack.Web.Features.Profiles;

namespace RunBack.Web.Features.Fhir;

/// <summary>
/// The FHIR R4 views: a release's Questionnaire (public, like the questionnaire API), and a runner's check-ins as a
/// Bundle (owner only, no-store, rate-limited like the other exports). Anything not found is a 404 OperationOutcome.
/// </summary>
public static class FhirEndpoints
{
    private const string NoCheckIns = "No saved check-ins here.";

    public static IEndpointRouteBuilder MapFhir(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/fhir/Questionnaire/{releaseId}", Questionnaire).RequireRateLimiting(RateLimitPolicies.Api);
        routes.MapGet("/history/export.fhir.json", History).RequireRateLimiting(RateLimitPolicies.Export).AddEndpointFilter<NoStore>()
            .RequireProfile(FhirJson.NotFound(NoCheckIns));
        routes.MapGet("/summary/{id}.fhir.json", OneCheckIn).RequireRateLimiting(RateLimitPolicies.Export).AddEndpointFilter<NoStore>()
            .RequireProfile(FhirJson.NotFound(NoCheckIns));
        return routes;
    }

    internal static IResult Questionnaire(string releaseId, FhirQuestionnaires questionnaires) =>
        questionnaires.Find(releaseId) is { } questionnaire
            ? FhirJson.Ok(questionnaire)
            : FhirJson.NotFound("No published release has that id.");

    /// <summary>The history; <c>?type=transaction</c> makes it a transaction (conditional creates) a FHIR server can import.</summary>
    internal static async Task<IResult> History(HttpContext context, CheckInService checkIns,
        CheckInBundle bundles, TimeProvider clock, ProfileService profiles)
    {
        var type = context.Request.Query["type"].ToString();
        if (type is not ("" or "collection" or "transaction"))
        {
            return FhirJson.Invalid("type must be collection (the default) or transaction.");
        }
        if (ProfileIdentity.Id(context) is not { } profileId)
        {
            return FhirJson.NotFound(NoCheckIns);
        }
        await profiles.TouchAsync(profileId, context.RequestAborted);
        var all = await checkIns.AllAsync(profileId, context.RequestAborted);
        var transaction = type == "transaction";
        return FhirJson.Download(bundles.Build(all, clock.GetUtcNow(), transaction),
            transaction ? "runback-history.transaction.fhir.json" : "runback-history.fhir.json");
    }

    internal static async Task<IResult> OneCheckIn(string id, HttpContext context, CheckInService checkIns,
        CheckInBundle bundles, TimeProvider clock)
    {
        // Another runner's id, a deleted check-in, a malformed id or no profile: the same 404, never a hint that it exists.
        if (!Guid.TryParse(id, out var checkInId) || ProfileIdentity.Id(context) is not { } profileId
            || await checkIns.FindAsync(profileId, checkInId, context.RequestAborted) is not { } checkIn)
        {
            return FhirJson.NotFound(NoCheckIns);
        }
        return FhirJson.Download(bundles.Build([checkIn], clock.GetUtcNow()), $"runback-check-in-{checkIn.Id}.fhir.json");
    }
}
