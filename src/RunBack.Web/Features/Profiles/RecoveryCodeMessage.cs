using Microsoft.AspNetCore.DataProtection;
using RunBack.Web.Common;

namespace RunBack.Web.Features.Profiles;

/// <summary>
/// A new recovery code, handed from the post that made it to the page that shows it once, in a short-lived,
/// encrypted cookie. Never put in a URL or a log.
/// </summary>
public sealed class RecoveryCodeMessage(IDataProtectionProvider provider, CookieSecurity cookies)
{
    public const string CookieName = "rb_code";

    private readonly ITimeLimitedDataProtector _codes = provider.CreateProtector("RunBack.RecoveryCode").ToTimeLimitedDataProtector();

    private CookieOptions Options => new() { HttpOnly = true, Secure = cookies.Secure, SameSite = SameSiteMode.Strict, Path = "/" };

    public void Set(HttpResponse response, string code)
    {
        var options = Options;
        options.MaxAge = TimeSpan.FromMinutes(10);
        response.Cookies.Append(CookieName, _codes.Protect(code, TimeSpan.FromMinutes(10)), options);
    }

    /// <summary>Reads the recovery code once and removes the cookie.</summary>
    public string? Take(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value))
        {
            return null;
        }
        context.Response.Cookies.Delete(CookieName, Options);
        try
        {
            return _codes.Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
