using Microsoft.AspNetCore.DataProtection;

namespace RunBack.Web.Features.Profiles;

/// <summary>
/// Short-lived, encrypted cookies: the recovery code to show once after it is made, and an unsaved result's answers
/// for its printable summary in the same browser session. Neither is ever put in a URL or a log.
/// </summary>
public sealed class OneTimeMessages(IDataProtectionProvider provider, IHostEnvironment environment, IConfiguration configuration)
{
    public const string RecoveryCodeCookie = "rb_code";
    public const string DraftCookie = "rb_draft";

    private readonly ITimeLimitedDataProtector _codes = provider.CreateProtector("RunBack.RecoveryCode").ToTimeLimitedDataProtector();
    private readonly IDataProtector _drafts = provider.CreateProtector("RunBack.DraftSummary");

    public bool Secure => RunBack.Web.Hosting.SecurityHosting.SecureCookies(configuration, environment);

    public void SetRecoveryCode(HttpResponse response, string code) =>
        response.Cookies.Append(RecoveryCodeCookie, _codes.Protect(code, TimeSpan.FromMinutes(10)), new CookieOptions
        {
            HttpOnly = true,
            Secure = Secure,
            SameSite = SameSiteMode.Strict,
            MaxAge = TimeSpan.FromMinutes(10),
            Path = "/",
        });

    /// <summary>Reads the recovery code once and removes the cookie.</summary>
    public string? TakeRecoveryCode(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(RecoveryCodeCookie, out var value))
        {
            return null;
        }
        context.Response.Cookies.Delete(RecoveryCodeCookie, new CookieOptions { Path = "/", Secure = Secure, HttpOnly = true, SameSite = SameSiteMode.Strict });
        try
        {
            return _codes.Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Keeps an unsaved result's answers (and the day they were evaluated) for this browser session only.</summary>
    public void SetDraft(HttpResponse response, string answersJson, DateOnly date) =>
        response.Cookies.Append(DraftCookie, _drafts.Protect(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "|" + answersJson),
            new CookieOptions { HttpOnly = true, Secure = Secure, SameSite = SameSiteMode.Strict, Path = "/" });

    public (string AnswersJson, DateOnly Date)? GetDraft(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(DraftCookie, out var value))
        {
            return null;
        }
        try
        {
            var text = _drafts.Unprotect(value);
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            return bar > 0 && RunBack.Core.Questionnaire.AnswerParser.TryParseDate(text[..bar], out var date)
                ? (text[(bar + 1)..], date)
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
