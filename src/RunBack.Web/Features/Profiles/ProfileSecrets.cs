using System.Security.Cryptography;
using System.Text;

namespace RunBack.Web.Features.Profiles;

public static class ProfileCookie
{
    /// <summary>The plain name; the cookie is <c>__Host-rb_profile</c> when Secure (see <see cref="Common.CookieSecurity.Name"/>).</summary>
    public const string Name = "rb_profile";

    public static CookieOptions Options(bool secure) => new()
    {
        HttpOnly = true,
        Secure = secure,
        SameSite = SameSiteMode.Lax,
        IsEssential = true,
        MaxAge = TimeSpan.FromDays(400),
        Path = "/",
    };
}

/// <summary>The random secrets behind an anonymous profile. Only their SHA-256 hashes are stored.</summary>
public static class ProfileSecrets
{
    /// <summary>Crockford's base 32: no I, L, O or U, so a code read aloud or copied by hand survives.</summary>
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int RecoveryCodeLength = 28;
    private const int SecretBytes = 32;

    /// <summary>A 256-bit browser secret, base64url (43 characters).</summary>
    public static string NewDeviceSecret() => Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>A 140-bit recovery code in seven groups of four: "K7QM-2F9X-...".</summary>
    public static string NewRecoveryCode()
    {
        var chars = new char[RecoveryCodeLength];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return FormatRecoveryCode(new string(chars));
    }

    public static string FormatRecoveryCode(string normalised) =>
        string.Join('-', normalised.Chunk(4).Select(c => new string(c)));

    /// <summary>Reads a typed code: case, spaces and dashes do not matter; O reads as 0 and I or L as 1. Null if it cannot be a code.</summary>
    public static string? NormaliseRecoveryCode(string? typed)
    {
        if (typed is null || typed.Length > 100)
        {
            return null;
        }
        var builder = new StringBuilder(RecoveryCodeLength);
        foreach (var raw in typed.ToUpperInvariant())
        {
            var c = raw switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                _ => raw,
            };
            if (c is ' ' or '-' or '\t')
            {
                continue;
            }
            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return null;
            }
            builder.Append(c);
        }
        return builder.Length == RecoveryCodeLength ? builder.ToString() : null;
    }

    /// <summary>True when the cookie value has the shape of a device secret (so a forged or cut one is never looked up).</summary>
    public static bool LooksLikeDeviceSecret(string? value) =>
        value is { Length: 43 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
