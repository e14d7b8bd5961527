using Microsoft.Extensions.Options;

namespace RunBack.Web.Common;

/// <summary>The <c>Site</c> settings: where runners reach this app.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>
    /// The address runners use (<c>https://runback.example</c>): the reminder's link and the OpenAPI document's server
    /// name it, never a request's Host header. Required outside Development and Testing.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The address as a URI, or null when none is set.</summary>
    public Uri? BaseUri => Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) ? uri : null;

    /// <summary>The problem with the settings, or null when they are fine.</summary>
    public string? Problem(IHostEnvironment environment, bool secureCookies)
    {
        if (string.IsNullOrWhiteSpace(PublicBaseUrl))
        {
            return environment.IsDevelopment() || environment.IsEnvironment("Testing")
                ? null
                : $"{Section}:PublicBaseUrl is not set: give the address runners use (e.g. https://runback.example), for the reminder's link and the OpenAPI document.";
        }
        if (BaseUri is not { } uri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return $"{Section}:PublicBaseUrl must be an http(s) address with no path, query or user (e.g. https://runback.example).";
        }
        return secureCookies && uri.Scheme != Uri.UriSchemeHttps
            ? $"{Section}:PublicBaseUrl must be an https address while cookies are Secure (Security:SecureCookies)."
            : null;
    }
}

/// <summary>
/// This app's own address, for links that leave the page (the reminder's calendar file, the OpenAPI servers) and for
/// telling this site's requests from others': the configured <see cref="SiteOptions.PublicBaseUrl"/>; only in
/// Development and Testing without one, the request's own scheme and host (which AllowedHosts, when set, has checked).
/// </summary>
public sealed class PublicAddress(IOptions<SiteOptions> options)
{
    public Uri? Configured { get; } = options.Value.BaseUri;

    public Uri BaseFor(HttpContext context) =>
        Configured ?? new Uri($"{context.Request.Scheme}://{context.Request.Host.ToUriComponent()}/");

    /// <summary>True when <paramref name="other"/> has this site's scheme, host and port.</summary>
    public bool IsSameOrigin(Uri other, HttpContext context)
    {
        var self = BaseFor(context);
        return other.IsAbsoluteUri && string.Equals(other.Scheme, self.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(other.IdnHost, self.IdnHost, StringComparison.OrdinalIgnoreCase) && other.Port == self.Port;
    }
}
