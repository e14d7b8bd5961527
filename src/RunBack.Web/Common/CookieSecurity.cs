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
}
