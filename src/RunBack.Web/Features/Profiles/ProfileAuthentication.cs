using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RunBack.Data;
using RunBack.Web.Common;
using RunBack.Web.Data;

namespace RunBack.Web.Features.Profiles;

/// <summary>
/// The anonymous profile as an ASP.NET Core authentication scheme: the one place that reads the device cookie and looks
/// the profile up. A verified profile becomes a principal with its id (<see cref="ProfileIdentity.ProfileIdClaim"/>); no
/// cookie, a forged or cut one, or a forgotten profile is no result (anonymous, as before); a storage failure is a
/// failure carrying <see cref="ProfileStorageDownException"/>, logged here once per request and never thrown, so the
/// rate limiter's partitioner, content pages and the error page keep working through a database outage.
/// </summary>
/// <remarks>
/// The identity is deliberately not "authenticated" (no authentication type): antiforgery then keeps issuing anonymous
/// tokens as it did before this scheme, so a form loaded before the first save still posts after it, and a form posted
/// during an outage reaches its styled 503 instead of an antiforgery 400. The policies test the claim, not IsAuthenticated.
/// </remarks>
public sealed partial class ProfileAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IDbContextFactory<RunBackDbContext> dbFactory, CookieSecurity cookies)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Context.GetEndpoint()?.Metadata.GetMetadata<NoProfileLookup>() is not null)
        {
            // A static file or a health probe: nothing it does depends on the profile, so the database is not asked.
            return AuthenticateResult.NoResult();
        }
        var deviceSecret = Request.Cookies[cookies.Name(ProfileCookie.Name)];
        if (!ProfileSecrets.LooksLikeDeviceSecret(deviceSecret))
        {
            return AuthenticateResult.NoResult();
        }
        var hash = ProfileSecrets.Hash(deviceSecret!);
        DeviceProfile? profile;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(Context.RequestAborted);
            profile = await ProfileBySecretHash.For(db)(db, hash, Context.RequestAborted);
        }
        catch (Exception ex) when (StorageErrors.IsStorageFailure(ex))
        {
            var kind = StorageErrors.Kind(ex);
            LookupFailed(Logger, kind);
            var failure = new ProfileStorageDownException(kind);
            Context.Features.Set(failure);
            return AuthenticateResult.Fail(failure);
        }
        if (profile is null)
        {
            return AuthenticateResult.NoResult();
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ProfileIdentity.ProfileIdClaim, ProfileIdentity.ClaimValue(profile.ProfileId)),
            new Claim(ProfileIdentity.DeviceClaim, Convert.ToHexString(hash)), new Claim(ProfileIdentity.CountryClaim, profile.Country ?? "")]));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, ProfileIdentity.Scheme));
    }

    /// <summary>
    /// Compiled once: every request with a profile cookie runs it (EF's per-call query lookup cost more than the query).
    /// It reads the profile's country too, which the country middleware needs on every such request: one query, not two.
    /// </summary>
    private static readonly CompiledQueries<Func<RunBackDbContext, byte[], CancellationToken, Task<DeviceProfile?>>> ProfileBySecretHash = new(() =>
        EF.CompileAsyncQuery((RunBackDbContext db, byte[] hash, CancellationToken _) =>
            db.DeviceKeys.Where(k => k.SecretHash == hash).Select(k => new DeviceProfile(k.ProfileId, k.Profile!.Country)).FirstOrDefault()));

    private sealed record DeviceProfile(Guid ProfileId, string? Country);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "The profile lookup failed: storage error {ErrorKind}; the request goes on with the profile unknown")]
    private static partial void LookupFailed(ILogger logger, string errorKind);
}

/// <summary>
/// Endpoint metadata: the request never uses a profile (static files, health probes), so the profile scheme skips the
/// device-cookie lookup, one database query per request with a profile cookie.
/// </summary>
public sealed class NoProfileLookup
{
    public static readonly NoProfileLookup Instance = new();
}

public static class ProfileAuthentication
{
    /// <summary>Marks endpoints that never use a profile: the scheme does not look the device cookie up for them.</summary>
    public static TBuilder WithoutProfileLookup<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(NoProfileLookup.Instance);


    /// <summary>The profile scheme (the default: every request is read once) and its two policies.</summary>
    public static IServiceCollection AddProfileAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(ProfileIdentity.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ProfileAuthenticationHandler>(ProfileIdentity.Scheme, _ => { });
        services.AddAuthorizationBuilder()
            .AddPolicy(ProfilePolicies.Required, policy => policy.RequireClaim(ProfileIdentity.ProfileIdClaim))
            .AddPolicy(ProfilePolicies.Known, policy => policy.RequireAssertion(context =>
                context.Resource is not HttpContext http || !ProfileIdentity.StorageDown(http)));
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProfilePolicyAnswers>();
        return services;
    }
}

/// <summary>
/// What a request refused by a profile policy gets, instead of the framework's 401/403: storage down (profile unknown)
/// is 503 with no body, which the error pages turn into the styled "not available just now" page (a GET re-run as
/// /error/503, a post answered in place); no profile is the endpoint's <see cref="WhenNoProfile"/> answer, or a 404
/// (the styled not-found page: never a hint that someone else's check-in exists).
/// </summary>
public sealed class ProfilePolicyAnswers : Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler
{
    public async Task HandleAsync(RequestDelegate next, HttpContext context, Microsoft.AspNetCore.Authorization.AuthorizationPolicy policy,
        Microsoft.AspNetCore.Authorization.Policy.PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded)
        {
            await next(context);
            return;
        }
        if (ProfileIdentity.StorageDown(context))
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        var answer = context.GetEndpoint()?.Metadata.GetMetadata<WhenNoProfile>()?.Answer ?? Results.NotFound();
        await answer.ExecuteAsync(context);
    }
}
