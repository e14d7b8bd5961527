namespace RunBack.Web.Common;

/// <summary>Whether the cookies the app sets are marked Secure.</summary>
public sealed class CookieSecurity(IConfiguration configuration, IHostEnvironment environment)
{
    /// <summary>
    /// Cookies are Secure outside Development. "Security:SecureCookies" = false is only for running a production build
    /// over plain HTTP on loopback (the browser tests); never in a deployment.
    /// </summary>
    public bool Secure { get; } = IsSecure(configuration, environment);

    public static bool IsSecure(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue("Security:SecureCookies", !environment.IsDevelopment());

    /// <summary>
    /// A cookie's name: with the <c>__Host-</c> prefix when Secure, so the browser takes it only from this exact host over
    /// HTTPS with Path=/ and no Domain (a sibling subdomain or a plain-HTTP page cannot plant or overwrite it). The plain
    /// name is used only where cookies are not Secure (Development, and the loopback browser tests over HTTP), since
    /// browsers refuse a <c>__Host-</c> cookie without Secure.
    /// </summary>
    public string Name(string plainName) => NameFor(plainName, Secure);

    public static string NameFor(string plainName, bool secure) => secure ? "__Host-" + plainName : plainName;
}
