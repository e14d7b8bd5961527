using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using RunBack.Web.Common;

namespace RunBack.Web.Hosting;

public static class LocalizationHosting
{
    /// <summary>
    /// Every request (and every interactive circuit, which starts from a request) gets a culture; pages and Core format
    /// dates and numbers with it. No code names a culture: a second edition is configuration and content.
    /// </summary>
    public static WebApplicationBuilder AddRunBackLocalization(this WebApplicationBuilder builder)
    {
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
    /// back to the page it was used on. A link, not a form, so it needs no antiforgery token and works without script.
    /// Only a supported culture is accepted (anything else: the styled 404 page), and only a local path is followed
    /// back (anything else goes home): never an open redirect.
    /// </summary>
    public static WebApplication MapRunBackEditionSwitch(this WebApplication app)
    {
        var secure = CookieSecurity.IsSecure(app.Configuration, app.Environment);
        var cookieName = EditionCookieName(app);
        app.MapGet("/edition/{culture}", (string culture, string? @return, HttpContext context, IOptions<LocalizationOptions> options) =>
        {
            var supported = options.Value.SupportedCultures.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase));
            if (supported is null)
            {
                return Results.NotFound();
            }
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
            return Results.Redirect(IsLocalPath(@return) ? @return! : "/");
        }).ExcludeFromDescription();
        return app;
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
