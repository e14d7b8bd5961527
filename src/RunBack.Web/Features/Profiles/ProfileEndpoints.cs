using Microsoft.AspNetCore.Http.HttpResults;
using RunBack.Web.Common;
using RunBack.Web.Components.Layout;

namespace RunBack.Web.Features.Profiles;

/// <summary>The form posts that open, re-key and forget an anonymous profile. Antiforgery applies to every one.</summary>
public static class ProfileEndpoints
{
    public static IEndpointRouteBuilder MapProfiles(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/recover", Recover).RequireRateLimiting(RateLimitPolicies.Recovery).AddEndpointFilter<StorageUnavailable>().RequireSharedRecoveryLimit();
        routes.MapPost("/recovery-code", NewRecoveryCode).RequireRateLimiting(RateLimitPolicies.Recovery).AddEndpointFilter<StorageUnavailable>().RequireProfile();
        routes.MapPost("/devices/sign-out-others", SignOutOtherDevices).RequireRateLimiting(RateLimitPolicies.Forget).AddEndpointFilter<StorageUnavailable>().RequireProfile();
        // Forget works without a profile (it clears the cookie), but never with the profile unknown (storage down): 503.
        routes.MapPost("/forget", Forget).RequireRateLimiting(RateLimitPolicies.Forget).AddEndpointFilter<StorageUnavailable>().RequireKnownProfile();
        return routes;
    }

    internal static async Task<IResult> Recover(IFormCollection form, HttpContext context, ProfileService profiles)
    {
        var typed = FormFields.First(form, "code");
        if (string.IsNullOrWhiteSpace(typed))
        {
            return RecoverAgain("empty", null);
        }
        var result = await profiles.RecoverAsync(typed, context.RequestAborted);
        switch (result.Outcome)
        {
            case RecoveryOutcome.Recovered:
                profiles.SetCookie(context.Response, result.DeviceSecret!);
                return Results.Redirect("/history?recovered=1");
            case RecoveryOutcome.WrongFormat:
                return RecoverAgain("format", typed);
            default:
                return RecoverAgain("unknown", typed);
        }
    }

    /// <summary>
    /// The recovery page again with its message and what was typed still in the field. Rendered as the post's answer (a
    /// code is a secret: it never goes into an address); capped at the field's own length.
    /// </summary>
    private static RazorComponentResult<StandalonePage> RecoverAgain(string error, string? typed) =>
        StandalonePage.Result<Recover>(StatusCodes.Status400BadRequest, new Dictionary<string, object?>
        {
            [nameof(Features.Profiles.Recover.PostedError)] = error,
            [nameof(Features.Profiles.Recover.Code)] = typed is { Length: > 100 } ? typed[..100] : typed,
        });

    internal static async Task<IResult> NewRecoveryCode(HttpContext context, ProfileService profiles, RecoveryCodeMessage recoveryCode)
    {
        var profileId = ProfileIdentity.Id(context);
        if (profileId is null)
        {
            return Results.NotFound();
        }
        recoveryCode.Set(context.Response, await profiles.NewRecoveryCodeAsync(profileId.Value, ProfileIdentity.DeviceHash(context), context.RequestAborted));
        return Results.Redirect("/history?newcode=1#recovery");
    }

    internal static async Task<IResult> SignOutOtherDevices(HttpContext context, ProfileService profiles)
    {
        var profileId = ProfileIdentity.Id(context);
        if (profileId is null)
        {
            return Results.NotFound();
        }
        await profiles.SignOutOtherDevicesAsync(profileId.Value, ProfileIdentity.DeviceHash(context), context.RequestAborted);
        return Results.Redirect("/history?signedout=1#devices");
    }

    internal static async Task<IResult> Forget(IFormCollection form, HttpContext context, ProfileService profiles)
    {
        if (FormFields.First(form, "confirm") != "yes")
        {
            return Results.Redirect("/forget?error=confirm");
        }
        var profileId = ProfileIdentity.Id(context);
        if (profileId is not null)
        {
            await profiles.ForgetAsync(profileId.Value, context.RequestAborted);
        }
        profiles.DeleteCookie(context.Response);
        return Results.Redirect("/?forgotten=1");
    }
}
