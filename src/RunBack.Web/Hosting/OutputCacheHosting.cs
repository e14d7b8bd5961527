using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.OutputCaching;
using RunBack.Core.Content;
using RunBack.Web.Common;

namespace RunBack.Web.Hosting;

/// <summary>
/// Content pages (home, About, articles) are the same for every runner within a content release and an edition, so
/// their rendering is kept in memory: a page opts in with <c>[OutputCache(PolicyName = CachePolicies.ContentPages)]</c>.
/// The cache key holds the release being served and the request's resolved culture (an edition chosen by
/// Accept-Language or a culture cookie never gets another edition's page). Nothing else is cached: pages with a
/// runner's data or an antiforgery token never opt in, and a response that sets a cookie, a non-200, a request with
/// a query string or one from a runner with a profile is never stored or served from the cache.
/// </summary>
public static class OutputCacheHosting
{
    public static WebApplicationBuilder AddRunBackOutputCache(this WebApplicationBuilder builder)
    {
        builder.Services.AddOutputCache(options =>
        {
            options.SizeLimit = 32 * 1024 * 1024;
            // The default policy stays underneath: GET/HEAD and 200 only, never a response with Set-Cookie.
            options.AddPolicy(CachePolicies.ContentPages, policy => policy
                .With(context => !context.HttpContext.Request.QueryString.HasValue && !HasProfile(context.HttpContext))
                .VaryByValue(context => new KeyValuePair<string, string>("edition", EditionKey(context)))
                .Expire(TimeSpan.FromHours(1)));
        });
        WithoutTokensOnContentPages(builder.Services);
        return builder;
    }

    /// <summary>After localization (the culture is resolved) and routing (the page's policy is known).</summary>
    public static WebApplication UseRunBackOutputCache(this WebApplication app)
    {
        app.UseOutputCache();
        return app;
    }

    /// <summary>
    /// Blazor writes an antiforgery token (and sets its cookie) into every server-rendered page, for interactive forms
    /// that may follow. A content page has no form and no interactive component, and with enhanced navigation off
    /// (<c>data-enhance-nav="false"</c>) no later page reads it: there it gets no token, so the page is the same for
    /// everyone and sets no cookie. Every other page (and every circuit) keeps the framework's own provider.
    /// </summary>
    private static void WithoutTokensOnContentPages(IServiceCollection services)
    {
        var framework = services.LastOrDefault(d => d.ServiceType == typeof(AntiforgeryStateProvider))?.ImplementationType
            ?? throw new InvalidOperationException("AddRunBackOutputCache must come after AddRazorComponents.");
        services.AddHttpContextAccessor();
        services.AddScoped<AntiforgeryStateProvider>(provider =>
            provider.GetRequiredService<IHttpContextAccessor>().HttpContext?.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>() is { PolicyName: CachePolicies.ContentPages }
                ? new NoToken()
                : (AntiforgeryStateProvider)ActivatorUtilities.CreateInstance(provider, framework));
    }

    private sealed class NoToken : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => null;
    }

    /// <summary>
    /// A runner with a profile may see something of theirs (the home page offers a quick check-in once a full
    /// self-check is saved): their pages are rendered afresh, never read from or written to the shared cache. The
    /// profile scheme (run before the cache) says whether there is one; a profile unknown because storage is down counts too.
    /// </summary>
    private static bool HasProfile(HttpContext context) =>
        ProfileIdentity.Id(context) is not null || ProfileIdentity.StorageDown(context);

    /// <summary>
    /// The release served, the request's culture and UI culture, and the runner's country (the emergency number on the
    /// home page and "When to get help"): one cache entry per edition and country of a page.
    /// </summary>
    public static string EditionKey(HttpContext context)
    {
        var culture = context.Features.Get<IRequestCultureFeature>()?.RequestCulture;
        var release = context.RequestServices.GetRequiredService<ContentStore>().Current.Id;
        var country = context.RequestServices.GetRequiredService<RunnerCountry>().Stored;
        return $"{release}|{culture?.Culture.Name ?? System.Globalization.CultureInfo.CurrentCulture.Name}|{culture?.UICulture.Name ?? System.Globalization.CultureInfo.CurrentUICulture.Name}|{country}";
    }
}
