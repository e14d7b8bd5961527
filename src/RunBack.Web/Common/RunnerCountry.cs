using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace RunBack.Web.Common;

/// <summary>How RunBack came to know the runner's country.</summary>
public enum CountryOrigin
{
    /// <summary>Nothing says where the runner is: the browser's language names no region (plain "en").</summary>
    NotKnown,

    /// <summary>A guess from the browser's language (Accept-Language en-CA: Canada), shown so the runner can change it.</summary>
    Browser,

    /// <summary>Kept with the runner's profile (saved with a check-in, or chosen while they had one).</summary>
    Profile,

    /// <summary>Chosen by the runner (the country setting's cookie).</summary>
    Chosen,
}

/// <summary>
/// The runner's country for this request (or this self-check connection): the one setting the emergency numbers follow,
/// apart from the edition (the words). Resolved once per request (CountryHosting): the country the runner chose (a
/// cookie), else the one kept with their profile, else a guess from the browser's language region; a language with no
/// region (plain "en") leaves it not known, and the advice then says "your local emergency number" with no number to
/// tap. A request that names no language at all (not a browser) gets the default edition's country.
/// </summary>
public sealed class RunnerCountry
{
    /// <summary>The cookie that remembers the country the runner chose (<c>__Host-rb_country</c> with Secure cookies).</summary>
    public const string Cookie = "rb_country";

    /// <summary>The value kept for "another country" (ISO 3166's user-assigned "unknown"): chosen, with no number known.</summary>
    public const string Other = "ZZ";

    /// <summary>The country (ISO 3166 alpha-2, upper case); null when not known or "another country".</summary>
    public string? Code { get; private set; }

    public CountryOrigin Origin { get; private set; }

    public void Set(string? code, CountryOrigin origin)
    {
        Code = code is null || code == Other ? null : code.ToUpperInvariant();
        Origin = origin;
    }

    /// <summary>The value to keep in the cookie or the profile: the code, or <see cref="Other"/>.</summary>
    public string Stored => Code ?? Other;

    /// <summary>A two-letter code a runner may choose (the content knows it), or <see cref="Other"/>; anything else is null.</summary>
    public static string? Parse(string? value, IReadOnlyCollection<string> known)
    {
        if (string.IsNullOrEmpty(value) || value.Length != 2 || !value.All(char.IsAsciiLetter))
        {
            return null;
        }
        var code = value.ToUpperInvariant();
        return code == Other || known.Contains(code, StringComparer.Ordinal) ? code : null;
    }

    /// <summary>
    /// The region of the browser's most preferred language that names one ("en-CA,en;q=0.9": CA; "zh-Hant-TW": TW);
    /// null for languages without a region ("en", "fr") or a header that cannot be read. The header missing altogether
    /// is <paramref name="whenMissing"/>.
    /// </summary>
    public static string? FromAcceptLanguage(string? header, string? whenMissing)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return whenMissing;
        }
        if (!StringWithQualityHeaderValue.TryParseList([header], out var languages))
        {
            return null;
        }
        foreach (var language in languages.OrderByDescending(l => l.Quality ?? 1))
        {
            var subtags = language.Value.ToString().Split('-');
            if (subtags.Skip(1).FirstOrDefault(s => s.Length == 2 && s.All(char.IsAsciiLetter)) is { } region)
            {
                return region.ToUpperInvariant();
            }
        }
        return null;
    }

    /// <summary>The region of a culture name ("en-GB": GB); null for a neutral one.</summary>
    public static string? RegionOf(string cultureName)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(cultureName);
            return culture.IsNeutralCulture || culture.Name.Length == 0 ? null : new RegionInfo(culture.Name).TwoLetterISORegionName;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    /// <summary>A country's English name, with "the" where English puts one ("the United Kingdom", "Canada").</summary>
    public static string Name(string code)
    {
        string name;
        try
        {
            name = new RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            return code;
        }
        return code is "GB" or "US" or "NL" ? "the " + name : name;
    }

    /// <summary>The name without "the", for lists sorted by name.</summary>
    public static string ListName(string code) => Name(code) is var name && name.StartsWith("the ", StringComparison.Ordinal) ? name[4..] : name;
}
