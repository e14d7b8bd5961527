using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using RunBack.Web.Common;
using RunBack.Web.Data;

namespace RunBack.Web.Hosting;

/// <summary>What several instances behind a proxy need beyond one: the client's address and scheme from the proxy, and shared rate limits.</summary>
public static class ScaleOutHosting
{
    public const string ForwardedHeadersSection = "ForwardedHeaders";

    public static WebApplicationBuilder AddRunBackScaleOut(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(ForwardedHeadersSection);
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Only the proxies named here are believed; the framework's loopback defaults are dropped.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address : throw Invalid(proxy, "KnownProxies"));
            }
            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range) ? range : throw Invalid(network, "KnownNetworks"));
            }
        });
        builder.Services.AddSingleton<SharedRateLimiter>();
        return builder;
    }

    private static StartupRefusedException Invalid(string text, string key) => new($"{ForwardedHeadersSection}:{key} holds '{text}', which is not an IP address{(key == "KnownNetworks" ? " range (CIDR, e.g. 10.0.0.0/8)" : "")}.");

    /// <summary>
    /// Reads X-Forwarded-For/-Proto/-Host from the configured proxies only; without any configured, the headers are
    /// ignored, and a proxy seen anyway is reported once (see <see cref="ProxyWithoutForwardedHeaders"/>).
    /// </summary>
    public static WebApplication UseRunBackForwardedHeaders(this WebApplication app)
    {
        var section = app.Configuration.GetSection(ForwardedHeadersSection);
        if (section.GetSection("KnownProxies").GetChildren().Any() || section.GetSection("KnownNetworks").GetChildren().Any())
        {
            app.UseForwardedHeaders();
        }
        else
        {
            var watch = new ProxyWithoutForwardedHeaders(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<ProxyWithoutForwardedHeaders>(),
                CookieSecurity.IsSecure(app.Configuration, app.Environment));
            app.Use(watch.InvokeAsync);
        }
        return app;
    }
}
