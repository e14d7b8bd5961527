using RunBack.Web.Common;

namespace RunBack.Web.Hosting;

public static class SecurityHosting
{
    public static WebApplicationBuilder AddRunBackSecurity(this WebApplicationBuilder builder)
    {
        var secure = CookieSecurity.IsSecure(builder.Configuration, builder.Environment);
        builder.AddRunBackSettings();
        builder.Services.AddSingleton<CookieSecurity>();
        builder.Services.AddRunBackSettings<SiteOptions>(builder.Configuration, SiteOptions.Section, o => o.Problem(builder.Environment, secure));
        builder.Services.AddSingleton<PublicAddress>();
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
            options.Cookie.Name = CookieSecurity.NameFor("rb_af", secure);
            options.Cookie.Path = "/";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });

        builder.AddRunBackRateLimits();
        return builder;
    }

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
                if (headers.ContentSecurityPolicy.ToString() != FallbackContentSecurityPolicy)
                {
                    SetHeaders(headers, ContentSecurityPolicy);
                }
                return Task.CompletedTask;
            });
            await next(context);
        });
        return app;
    }

    /// <summary>The security headers, with a content security policy (the site's, or the static error page's).</summary>
    public static void SetHeaders(IHeaderDictionary headers, string contentSecurityPolicy)
    {
        headers.ContentSecurityPolicy = contentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.XFrameOptions = "DENY";
    }

    /// <summary>
    /// The static error page's policy: nothing loads, and its one inline style element is allowed by its hash only.
    /// </summary>
    public static readonly string FallbackContentSecurityPolicy =
        "default-src 'none'; style-src 'sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(ErrorHosting.FallbackStyle))) + "'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Scripts only from this site (no inline script, no eval); the Blazor circuit's websocket to this site.
    /// Blazor sets style attributes at run time (reconnect dialog, focus handling), hence style attributes are allowed.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
}
