using System.Globalization;
using Microsoft.Extensions.Options;
using RunBack.Core.Content;
using RunBack.Web.Common;
using RunBack.Web.Components.Layout;
using RunBack.Web.Features.Profiles;

namespace RunBack.Web.Hosting;

/// <summary>
/// The runner's country, the setting the emergency numbers follow (apart from the edition, which picks the words).
/// Every request resolves it once into the scoped <see cref="RunnerCountry"/>: the country the runner chose (a cookie
/// for a year), else the one kept with their profile, else a guess from the browser's language region. The setting is
/// changed on <c>/country</c> (a plain form, so it works without script) and from the self-check's first step; like
/// the edition switch, a request from another site never changes it without asking.
/// </summary>
public static class CountryHosting
{
    public static WebApplicationBuilder AddRunBackCountry(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RunnerCountry>();
        return builder;
    }

    /// <summary>After localization (the known countries are read in the request's edition), before the output cache.</summary>
    public static WebApplication UseRunBackCountry(this WebApplication app)
    {
        var cookieName = CookieName(app);
        var options = app.Services.GetRequiredService<IOptions<LocalizationOptions>>().Value;
        var whenNoLanguage = RunnerCountry.RegionOf(options.DefaultCulture);
        app.Use(async (context, next) =>
        {
            var country = context.RequestServices.GetRequiredService<RunnerCountry>();
            var known = KnownCountries(context);
            if (RunnerCountry.Parse(context.Request.Cookies[cookieName], known) is { } chosen)
            {
                country.Set(chosen, CountryOrigin.Chosen);
            }
            else if (await KeptWithProfileAsync(context, known) is { } kept)
            {
                country.Set(kept, CountryOrigin.Profile);
            }
            else
            {
                var guess = RunnerCountry.FromAcceptLanguage(context.Request.Headers.AcceptLanguage.ToString(), whenNoLanguage);
                country.Set(guess, guess is null ? CountryOrigin.NotKnown : CountryOrigin.Browser);
            }
            await next(context);
        });
        return app;
    }

    /// <summary>Every country the content has actions for (the current release, with what it borrows), in code order.</summary>
    public static IReadOnlyCollection<string> KnownCountries(HttpContext context) =>
        context.RequestServices.GetRequiredService<ContentStore>().CurrentEdition(CultureInfo.CurrentCulture).Actions.Countries;

    private static async Task<string?> KeptWithProfileAsync(HttpContext context, IReadOnlyCollection<string> known)
    {
        if (ProfileIdentity.Id(context) is not { } profileId)
        {
            return null;
        }
        if (ProfileIdentity.TryKeptCountry(context, out var read))
        {
            // The profile scheme read it with the profile: no second query.
            return RunnerCountry.Parse(read, known);
        }
        try
        {
            var profiles = context.RequestServices.GetRequiredService<ProfileService>();
            return RunnerCountry.Parse(await profiles.CountryAsync(profileId, context.RequestAborted), known);
        }
        catch (Exception ex) when (RunBack.Web.Data.StorageErrors.IsStorageFailure(ex))
        {
            // Storage is down: the browser's guess stands (the page that needs the profile reports the outage).
            return null;
        }
    }

    public static string CookieName(WebApplication app) =>
        CookieSecurity.NameFor(RunnerCountry.Cookie, CookieSecurity.IsSecure(app.Configuration, app.Environment));

    /// <summary>
    /// <c>GET /country?return=/path</c>: the setting as a form (every country the content knows, and "another country").
    /// <c>POST /country</c> (antiforgery) keeps the choice. <c>GET /country/CA?return=/check</c> sets it at once for a
    /// request from RunBack's own pages (the self-check's first step uses it); from another site it asks first.
    /// </summary>
    public static WebApplication MapRunBackCountry(this WebApplication app)
    {
        var secure = CookieSecurity.IsSecure(app.Configuration, app.Environment);
        var cookieName = CookieName(app);
        async Task<IResult> Keep(string code, string? @return, HttpContext context)
        {
            context.Response.Cookies.Append(cookieName, code, new CookieOptions
            {
                Path = "/",
                HttpOnly = true,
                Secure = secure,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
                MaxAge = TimeSpan.FromDays(365),
            });
            context.Response.Headers.CacheControl = "no-store";
            var profiles = context.RequestServices.GetRequiredService<ProfileService>();
            try
            {
                if (ProfileIdentity.Id(context) is { } profileId)
                {
                    await profiles.KeepCountryAsync(profileId, code, context.RequestAborted);
                }
            }
            catch (Exception ex) when (RunBack.Web.Data.StorageErrors.IsStorageFailure(ex))
            {
                // The cookie holds the choice on this device; the profile keeps it at the next save.
            }
            return Results.Redirect(LocalizationHosting.LocalReturn(@return));
        }
        IResult Page(int status, string? proposed, string? @return, bool crossSite, string? problem, HttpContext context)
        {
            context.Response.Headers.CacheControl = "no-store";
            return StandalonePage.Result<CountryChoice>(status, new Dictionary<string, object?>
            {
                [nameof(CountryChoice.Countries)] = KnownCountries(context),
                [nameof(CountryChoice.Proposed)] = proposed,
                [nameof(CountryChoice.Return)] = LocalizationHosting.LocalReturn(@return),
                [nameof(CountryChoice.CrossSite)] = crossSite,
                [nameof(CountryChoice.Problem)] = problem,
            });
        }
        app.MapGet("/country", (string? @return, HttpContext context) => Page(StatusCodes.Status200OK, null, @return, false, null, context))
            .ExcludeFromDescription();
        app.MapGet("/country/{code}", async (string code, string? @return, HttpContext context) =>
        {
            if (RunnerCountry.Parse(code, KnownCountries(context)) is not { } known)
            {
                return Results.NotFound();
            }
            return LocalizationHosting.FromThisSite(context)
                ? await Keep(known, @return, context)
                : Page(StatusCodes.Status200OK, known, @return, true, null, context);
        }).ExcludeFromDescription();
        app.MapPost("/country", async (IFormCollection form, HttpContext context) =>
        {
            var @return = FormFields.First(form, "return");
            return RunnerCountry.Parse(FormFields.First(form, "country"), KnownCountries(context)) is { } known
                ? await Keep(known, @return, context)
                : Page(StatusCodes.Status400BadRequest, null, @return, false, "Choose a country from the list, or \"Another country\".", context);
        }).ExcludeFromDescription();
        return app;
    }
}
