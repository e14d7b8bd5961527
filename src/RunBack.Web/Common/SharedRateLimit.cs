using RunBack.Web.Data;

namespace RunBack.Web.Common;

/// <summary>
/// An endpoint filter counting tries in the database (<see cref="SharedRateLimiter"/>) per client address, for limits
/// that must hold across instances: recovery-code tries (<c>RateLimits:RecoveryPerMinute</c>). It adds to the
/// per-instance policy the endpoint already has.
/// </summary>
public static class SharedRateLimit
{
    public static TBuilder RequireSharedRecoveryLimit<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var limit = http.RequestServices.GetRequiredService<IConfiguration>().GetValue("RateLimits:RecoveryPerMinute", 5);
            var limiter = http.RequestServices.GetRequiredService<SharedRateLimiter>();
            var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (!await limiter.TryAcquireAsync(RateLimitPolicies.Recovery, address, limit, http.RequestAborted))
            {
                http.Response.Headers.RetryAfter = "60";
                return Results.StatusCode(StatusCodes.Status429TooManyRequests);
            }
            return await next(context);
        });
}
