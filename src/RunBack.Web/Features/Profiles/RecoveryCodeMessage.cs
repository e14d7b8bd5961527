using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using RunBack.Web.Common;

namespace RunBack.Web.Features.Profiles;

/// <summary>
/// A new recovery code, handed from the post that made it to the page that shows it once, in a short-lived,
/// encrypted cookie. Never put in a URL or a log.
/// <para>
/// The cookie shows the code once: it carries a random one-shot id, and the id is kept in this process's memory until it
/// is used or its <see cref="Lifetime"/> ends. Deleting the cookie on reading is not enough, since a captured copy could
/// be sent again; a replayed cookie finds its id gone and shows nothing. (After a restart, or on another instance, an
/// unread code is not shown; it still works, and a new one can be made from the history page.)
/// </para>
/// </summary>
public sealed class RecoveryCodeMessage(IDataProtectionProvider provider, CookieSecurity cookies, TimeProvider clock)
{
    public const string CookieName = "rb_code";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly IDataProtector _codes = provider.CreateProtector("RunBack.RecoveryCode.v2");

    /// <summary>One-shot ids not used yet, with the time each stops being valid.</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _unread = new(StringComparer.Ordinal);

    private CookieOptions Options => new() { HttpOnly = true, Secure = cookies.Secure, SameSite = SameSiteMode.Strict, Path = "/" };

    public void Set(HttpResponse response, string code)
    {
        var now = clock.GetUtcNow();
        foreach (var (expired, _) in _unread.Where(u => u.Value <= now))
        {
            _unread.TryRemove(expired, out _);
        }
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _unread[id] = now + Lifetime;
        var options = Options;
        options.MaxAge = Lifetime;
        response.Cookies.Append(cookies.Name(CookieName), _codes.Protect(id + "|" + code), options);
    }

    /// <summary>Reads the recovery code once and removes the cookie; a replayed or expired cookie gives null.</summary>
    public string? Take(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(cookies.Name(CookieName), out var value))
        {
            return null;
        }
        context.Response.Cookies.Delete(cookies.Name(CookieName), Options);
        string message;
        try
        {
            message = _codes.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }
        var parts = message.Split('|', 2);
        return parts.Length == 2 && _unread.TryRemove(parts[0], out var validUntil) && clock.GetUtcNow() < validUntil ? parts[1] : null;
    }
}
