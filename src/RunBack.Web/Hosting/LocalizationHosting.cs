using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using RunBack.Web.Common;
using RunBack.Web.Components.Layout;

namespace RunBack.Web.Hosting;

public static class LocalizationHosting
{
    /// <summary>
    /// Every request (and every interactive circuit, which starts from a request) gets a culture; pages and Core format
    /// dates and numbers with it. No code names a culture: a second edition is configuration and content.
    /// </summary>
    public static WebApplicationBuilder AddRunBackLocalization(this WebApplicationBuilder builder)
    {
        // The page chrome: IStringLocalizer<Wording> reads Resources/Wording(.<culture>).resx in the request's UI culture.
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.AddOptionsWithValidateOnStart<LocalizationOptions>()
            .BindConfiguration(LocalizationOptions.Section)
            .PostConfigure(o => o.SupportedCultures = o.SupportedCultures.Length == 0
                ? LocalizationOptions.DefaultEditions
                : [.. o.SupportedCultures.Distinct(StringComparer.OrdinalIgnoreCase)])
            .ValidateDataAnnotations()
            .Validate(o => o.SupportedCultures.Contains(o.DefaultCulture, StringComparer.OrdinalIgnoreCase) && o.SupportedCultures.All(IsCulture),
                $"{LocalizationOptions.Section}: every culture must be a known culture name, and DefaultCulture one of SupportedCultures.");
        return builder;
    }

    public static WebApplication UseRunBackLocalization(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<LocalizationOptions>>().Value;
        var cultures = options.SupportedCultures.Select(CultureInfo.GetCultureInfo).ToList();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(options.DefaultCulture),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            // The edition switch's cookie wins over the browser's language. A forged or unknown value is ignored
            // (the provider answers nothing, or a culture that is not supported), so the header or the default applies.
            RequestCultureProviders =
            [
                new CookieRequestCultureProvider { CookieName = EditionCookieName(app) },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ],
        });
        return app;
    }

    /// <summary>The cookie that remembers the edition: <c>__Host-rb_edition</c> (plain <c>rb_edition</c> without Secure).</summary>
    public static string EditionCookieName(WebApplication app) =>
        CookieSecurity.NameFor(EditionCookie, CookieSecurity.IsSecure(app.Configuration, app.Environment));

    public const string EditionCookie = "rb_edition";

    /// <summary>
    /// The edition switch: <c>GET /edition/en-US?return=/check</c> remembers the edition in a cookie for a year and goes
    /// back to the page it was used on. A link, not a form, so it works without script. The edition decides which
    /// emergency number a runner is told to call, so only a request from this site switches at once (by
    /// <c>Sec-Fetch-Site</c>, or its Origin/Referer when a browser sends no Sec-Fetch-Site); any other (a link on another
    /// site) gets a page that asks, whose button posts <c>POST /edition/en-US</c> with an antiforgery token.
    /// Only a supported culture is accepted (anything else: the styled 404 page), and only a local path is followed
    /// back (anything else goes home): never an open redirect.
    /// </summary>
    public static WebApplication MapRunBackEditionSwitch(this WebApplication app)
    {
        var secure = CookieSecurity.IsSecure(app.Configuration, app.Environment);
        var cookieName = EditionCookieName(app);
        IResult Switch(string supported, string? @return, HttpContext context)
        {
            context.Response.Cookies.Append(cookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(supported)), new CookieOptions
            {
                Path = "/",
                HttpOnly = true,
                Secure = secure,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
                MaxAge = TimeSpan.FromDays(365),
            });
            context.Response.Headers.CacheControl = "no-store";
            return Results.Redirect(LocalReturn(@return));
        }
        app.MapGet("/edition/{culture}", (string culture, string? @return, HttpContext context, IOptions<LocalizationOptions> options) =>
        {
            if (Supported(options.Value, culture) is not { } supported)
            {
                return Results.NotFound();
            }
            if (FromThisSite(context))
            {
                return Switch(supported, @return, context);
            }
            context.Response.Headers.CacheControl = "no-store";
            return StandalonePage.Result<EditionConfirm>(StatusCodes.Status200OK, new Dictionary<string, object?>
            {
                [nameof(EditionConfirm.Culture)] = supported,
                [nameof(EditionConfirm.Return)] = LocalReturn(@return),
            });
        }).ExcludeFromDescription();
        app.MapPost("/edition/{culture}", (string culture, IFormCollection form, HttpContext context, IOptions<LocalizationOptions> options) =>
            Supported(options.Value, culture) is { } supported ? Switch(supported, FormFields.First(form, "return"), context) : Results.NotFound())
            .ExcludeFromDescription();
        return app;
    }

    private static string? Supported(LocalizationOptions options, string culture) =>
        options.SupportedCultures.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// True when the request comes from this site's own pages: <c>Sec-Fetch-Site</c> same-origin, same-site or none (typed
    /// or bookmarked); without that header (older browsers), an Origin or Referer on this site's address. A request that
    /// says nothing of where it came from is not taken as from this site.
    /// </summary>
    public static bool FromThisSite(HttpContext context)
    {
        var headers = context.Request.Headers;
        if (headers["Sec-Fetch-Site"].ToString() is { Length: > 0 } site)
        {
            return site is "same-origin" or "same-site" or "none";
        }
        var from = headers.Origin.ToString() is { Length: > 0 } origin ? origin : headers.Referer.ToString();
        return Uri.TryCreate(from, UriKind.Absolute, out var uri)
            && context.RequestServices.GetRequiredService<PublicAddress>().IsSameOrigin(uri, context);
    }

    /// <summary>The path to go back to, encoded for a Location header (non-ASCII and spaces as UTF-8 %XX); "/" unless local.</summary>
    public static string LocalReturn(string? url)
    {
        if (!IsLocalPath(url))
        {
            return "/";
        }
        var encoded = new System.Text.StringBuilder(url!.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value is > 0x20 and < 0x7F)
            {
                encoded.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return encoded.ToString();
    }

    /// <summary>A path on this site ("/check?x=1"), never "//host", "/\host" or an absolute address.</summary>
    public static bool IsLocalPath(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= 2048 && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    private static bool IsCulture(string name)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(name) && CultureInfo.GetCultureInfo(name, predefinedOnly: true) is not null;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
