using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using RunBack.Web.Common;
using RunBack.Web.Components.Layout;
using RunBack.Web.Features.Summary;

namespace RunBack.Web.Hosting;

/// <summary>
/// Rate limits per client: a profile that the database knows (the profile scheme's principal: a made-up cookie buys
/// nothing, and a storage outage leaves it unknown, never an exception) and that is older than
/// <c>RateLimits:YoungProfileMinutes</c>, otherwise the client address. A profile costs one save, so a young one
/// counts against its address: twenty fresh profiles from one address share that address's limits, not twenty sets.
/// Recovery-code tries are always per address (guessing a code has nothing to do with one's own profile). PDF
/// rendering also holds at most <c>RateLimits:PdfConcurrentPerClient</c> renders per client and
/// <c>RateLimits:PdfConcurrentPerAddress</c> per address at a time (running or waiting), the rest refused with the
/// styled 429 page, so no one can fill the instance's PDF queue.
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
            options.OnRejected = async (context, _) =>
            {
                var http = context.HttpContext;
                if (http.GetEndpoint()?.Metadata.GetMetadata<OneAtATimePerClient>() is not null)
                {
                    // A PDF is already being made for this client: its own page, and a sooner retry than a minute.
                    http.Response.Headers.RetryAfter = "10";
                    await StandalonePage.Result<PdfUnavailable>(StatusCodes.Status429TooManyRequests,
                        new Dictionary<string, object?> { [nameof(PdfUnavailable.Busy)] = true, [nameof(PdfUnavailable.YoursInProgress)] = true })
                        .ExecuteAsync(http);
                    return;
                }
                http.Response.Headers.RetryAfter = "60";
            };
            var young = TimeSpan.FromMinutes(limits.YoungProfileMinutes);
            AddPolicy(options, RateLimitPolicies.Save, limits.SavePerMinute, young);
            AddPolicy(options, RateLimitPolicies.Recovery, limits.RecoveryPerMinute, byProfileOlderThan: null);
            AddPolicy(options, RateLimitPolicies.Export, limits.ExportPerMinute, young);
            AddPolicy(options, RateLimitPolicies.Forget, limits.ForgetPerMinute, young);
            AddPolicy(options, RateLimitPolicies.Api, limits.ApiPerMinute, byProfileOlderThan: null);
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PdfLimiter(context => "pdf|" + ClientKey(context, young), limits.PdfConcurrentPerClient),
                PdfLimiter(context => "pdf-address|" + AddressKey(context), limits.PdfConcurrentPerAddress));
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

    /// <summary>At most <paramref name="permits"/> PDF requests at a time per partition, none waiting (the rest get 429).</summary>
    private static PartitionedRateLimiter<HttpContext> PdfLimiter(Func<HttpContext, string> partition, int permits) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            context.GetEndpoint()?.Metadata.GetMetadata<OneAtATimePerClient>() is null
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetConcurrencyLimiter(partition(context), _ => new ConcurrencyLimiterOptions { PermitLimit = permits, QueueLimit = 0 }));

    /// <summary>A policy per client (<paramref name="byProfileOlderThan"/>: per profile once it is that old), or per address (null).</summary>
    private static void AddPolicy(RateLimiterOptions options, string name, int permitsPerMinute, TimeSpan? byProfileOlderThan) =>
        options.AddPolicy(name, context => RateLimitPartition.GetFixedWindowLimiter($"{name}|{ClientKey(context, byProfileOlderThan)}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    /// <summary>
    /// The request's client: its verified profile once the profile is older than <paramref name="byProfileOlderThan"/>,
    /// otherwise (no profile, a young one, or a per-address limit) its address.
    /// </summary>
    private static string ClientKey(HttpContext context, TimeSpan? byProfileOlderThan) =>
        byProfileOlderThan is { } young && ProfileIdentity.Id(context.User) is { } profile
            && ProfileAge(profile, context.RequestServices.GetRequiredService<TimeProvider>()) >= young
            ? "profile:" + profile.ToString("N", CultureInfo.InvariantCulture)
            : AddressKey(context);

    private static string AddressKey(HttpContext context) => "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>
    /// How old a profile is, read from its id: a version-7 GUID made at the profile's creation (ProfileService.NewProfile),
    /// whose first 48 bits are that moment in Unix milliseconds, so no query is needed. Any other id counts as old.
    /// </summary>
    internal static TimeSpan ProfileAge(Guid profile, TimeProvider clock)
    {
        if (profile.Version != 7)
        {
            return TimeSpan.MaxValue;
        }
        var createdMs = long.Parse(profile.ToString("N", CultureInfo.InvariantCulture).AsSpan(0, 12), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return clock.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(createdMs);
    }
}
