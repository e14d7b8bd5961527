using System.Globalization;
using System.Security.Claims;

namespace RunBack.Web.Common;

/// <summary>
/// The anonymous profile as an identity: the profile authentication scheme (Features/Profiles/ProfileAuthentication)
/// reads the device cookie once per request and yields a principal with the profile id; everything else reads the
/// profile from <see cref="HttpContext.User"/> through here, never from the cookie or the database.
/// </summary>
public static class ProfileIdentity
{
    public const string Scheme = "RunBackProfile";

    /// <summary>The claim that carries the profile id (a GUID, "N" format).</summary>
    public const string ProfileIdClaim = "runback:profile";

    /// <summary>This device's key, as the hash the database holds (never the cookie's secret itself).</summary>
    public const string DeviceClaim = "runback:device";

    /// <summary>The country kept with the profile, read with it by the same query ("" when none is kept).</summary>
    public const string CountryClaim = "runback:country";

    /// <summary>
    /// The country kept with the runner's profile as the profile scheme read it (null when none is kept); false when the
    /// request's principal did not come from the scheme's lookup, so the caller must ask the database.
    /// </summary>
    public static bool TryKeptCountry(HttpContext context, out string? country)
    {
        country = context.User.FindFirst(CountryClaim)?.Value is { } value ? (value.Length == 0 ? null : value) : null;
        return context.User.HasClaim(c => c.Type == CountryClaim);
    }

    /// <summary>The hash of this browser's device key, for "every device but this one"; null without a profile.</summary>
    public static byte[]? DeviceHash(HttpContext context) =>
        context.User.FindFirst(DeviceClaim)?.Value is { } hex ? Convert.FromHexString(hex) : null;

    /// <summary>The runner's verified profile, or null (no cookie, a forged or cut one, a forgotten profile, or storage down).</summary>
    public static Guid? Id(ClaimsPrincipal? user) =>
        user?.FindFirst(ProfileIdClaim)?.Value is { } value && Guid.TryParseExact(value, "N", out var id) ? id : null;

    /// <summary>The runner's verified profile for this request, or null.</summary>
    public static Guid? Id(HttpContext context) => Id(context.User);

    /// <summary>
    /// The browser sent a device cookie but the profile could not be looked up because storage is down: whether it has a
    /// profile is unknown, so pages and posts that need storage answer the styled 503 and nothing acts as "no profile".
    /// </summary>
    public static bool StorageDown(HttpContext context) => context.Features.Get<ProfileStorageDownException>() is not null;

    /// <summary>A profile id as the claim holds it.</summary>
    public static string ClaimValue(Guid profileId) => profileId.ToString("N", CultureInfo.InvariantCulture);
}

/// <summary>
/// The profile lookup met a storage failure: the authentication result's failure, and a request feature (the framework
/// keeps only successful results), never thrown to a caller.
/// </summary>
public sealed class ProfileStorageDownException(string errorKind) : Exception("The profile could not be looked up: storage error " + errorKind);

/// <summary>The authorization policies of the profile scheme, for endpoints (<c>RequireAuthorization</c>) and pages (<c>[Authorize]</c>).</summary>
public static class ProfilePolicies
{
    /// <summary>A known profile is needed. Without one the endpoint's <see cref="WhenNoProfile"/> answer (default: 404); storage down: 503.</summary>
    public const string Required = "profile";

    /// <summary>A profile or none, but known: only "storage down, profile unknown" is refused (503).</summary>
    public const string Known = "profile-known";
}

/// <summary>Endpoint metadata: what an endpoint under <see cref="ProfilePolicies.Required"/> answers a browser without a profile.</summary>
public sealed class WhenNoProfile(IResult answer)
{
    public IResult Answer { get; } = answer;
}

public static class ProfileEndpointConventions
{
    /// <summary>A known profile is needed (no profile: <paramref name="whenNoProfile"/>, default 404; storage down: the styled 503).</summary>
    public static TBuilder RequireProfile<TBuilder>(this TBuilder builder, IResult? whenNoProfile = null) where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization(ProfilePolicies.Required);
        if (whenNoProfile is not null)
        {
            builder.WithMetadata(new WhenNoProfile(whenNoProfile));
        }
        return builder;
    }

    /// <summary>The profile is read if there is one; storage down (profile unknown) is the styled 503.</summary>
    public static TBuilder RequireKnownProfile<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(ProfilePolicies.Known);
}
