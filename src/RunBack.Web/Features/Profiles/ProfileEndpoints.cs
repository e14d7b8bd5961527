using RunBack.Web.Common;

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
        var result = await profiles.RecoverAsync(FormFields.First(form, "code"), context.RequestAborted);
        switch (result.Outcome)
        {
            case RecoveryOutcome.Recovered:
                profiles.SetCookie(context.Response, result.DeviceSecret!);
                return Results.Redirect("/history?recovered=1");
            case RecoveryOutcome.WrongFormat:
                return Results.Redirect("/recover?error=format");
            default:
                return Results.Redirect("/recover?error=unknown");
        }
    }

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
