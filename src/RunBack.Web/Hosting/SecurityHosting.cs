using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using RunBack.Web.Common;
using RunBack.Web.Features.Profiles;

namespace RunBack.Web.Hosting;

public static class SecurityHosting
{
    public static WebApplicationBuilder AddRunBackSecurity(this WebApplicationBuilder builder)
    {
        var secure = CookieSecurity.IsSecure(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton<CookieSecurity>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = RequestLimits.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form =>
        {
            form.ValueLengthLimit = 32 * 1024;
            form.ValueCountLimit = 256;
            form.MultipartBodyLengthLimit = RequestLimits.MaxRequestBodyBytes;
        });
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "rb_af";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });

        var limits = builder.Configuration.GetSection("RateLimits");
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            AddPolicy(options, RateLimitPolicies.Save, limits.GetValue("SavePerMinute", 20));
            AddPolicy(options, RateLimitPolicies.Recovery, limits.GetValue("RecoveryPerMinute", 5));
            AddPolicy(options, RateLimitPolicies.Export, limits.GetValue("ExportPerMinute", 10));
            AddPolicy(options, RateLimitPolicies.Forget, limits.GetValue("ForgetPerMinute", 5));
            AddPolicy(options, RateLimitPolicies.Api, limits.GetValue("ApiPerMinute", 120));
        });
        return builder;
    }

    /// <summary>A fixed window per client address and, when there is one, per profile cookie (hashed, never stored).</summary>
    private static void AddPolicy(RateLimiterOptions options, string name, int permitsPerMinute) =>
        options.AddPolicy(name, context =>
        {
            var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            var profile = context.Request.Cookies.TryGetValue(ProfileCookie.Name, out var secret) && secret.Length < 200
                ? Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)))[..16]
                : "none";
            return RateLimitPartition.GetFixedWindowLimiter($"{name}|{address}|{profile}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permitsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        });

    /// <summary>Security headers on every response, HSTS and HTTPS outside Development.</summary>
    public static WebApplication UseRunBackSecurity(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() && CookieSecurity.IsSecure(app.Configuration, app.Environment))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers.XFrameOptions = "DENY";
                return Task.CompletedTask;
            });
            await next(context);
        });
        return app;
    }

    /// <summary>
    /// Scripts only from this site (no inline script, no eval); the Blazor circuit's websocket to this site.
    /// Blazor sets style attributes at run time (reconnect dialog, focus handling), hence style attributes are allowed.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
}
