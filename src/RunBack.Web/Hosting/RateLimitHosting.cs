using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using RunBack.Web.Common;

namespace RunBack.Web.Hosting;

/// <summary>
/// Rate limits per client: a profile that the database knows (the profile scheme's principal: a made-up cookie buys
/// nothing, and a storage outage leaves it unknown, never an exception), otherwise the client
/// address. Recovery-code tries are always per address (guessing a code has nothing to do with one's own profile).
/// PDF rendering also holds at most <c>RateLimits:PdfConcurrentPerClient</c> renders per client at a time.
/// </summary>
public static class RateLimitHosting
{
    public static WebApplicationBuilder AddRunBackRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>((options, settings) =>
        {
            var limits = settings.Value; // validated at start-up: every limit at least 1
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            AddPolicy(options, RateLimitPolicies.Save, limits.SavePerMinute, byProfile: true);
            AddPolicy(options, RateLimitPolicies.Recovery, limits.RecoveryPerMinute, byProfile: false);
            AddPolicy(options, RateLimitPolicies.Export, limits.ExportPerMinute, byProfile: true);
            AddPolicy(options, RateLimitPolicies.Forget, limits.ForgetPerMinute, byProfile: true);
            AddPolicy(options, RateLimitPolicies.Api, limits.ApiPerMinute, byProfile: false);
            var pdfPerClient = limits.PdfConcurrentPerClient;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.GetEndpoint()?.Metadata.GetMetadata<OneAtATimePerClient>() is null
                    ? RateLimitPartition.GetNoLimiter("")
                    : RateLimitPartition.GetConcurrencyLimiter("pdf|" + ClientKey(context, byProfile: true), _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = pdfPerClient,
                        QueueLimit = 0,
                    }));
        });
        return builder;
    }

    /// <summary>
    /// After UseAuthentication: the profile scheme has read the device cookie (once, and without throwing even with the
    /// database down), so the partitioner only reads the request's principal.
    /// </summary>
    public static WebApplication UseRunBackRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    private static void AddPolicy(RateLimiterOptions options, string name, int permitsPerMinute, bool byProfile) =>
        options.AddPolicy(name, context => RateLimitPartition.GetFixedWindowLimiter($"{name}|{ClientKey(context, byProfile)}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    private static string ClientKey(HttpContext context, bool byProfile) =>
        byProfile && ProfileIdentity.Id(context.User) is { } profile
            ? "profile:" + ProfileIdentity.ClaimValue(profile)
            : "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
