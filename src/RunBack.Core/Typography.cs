using System.Text.RegularExpressions;

namespace RunBack.Core;

/// <summary>
/// Numbers stay on the line with their units (issue 26 item 5): "20 %", "36 km", "950 km" are joined by a no-break space
/// (U+00A0), so a phone never breaks a line between the number and what it counts. The formatters write it themselves;
/// <see cref="KeepUnits"/> does the same for content text (reasons, cards, articles) written with ordinary spaces.
/// </summary>
public static partial class Typography
{
    /// <summary>The no-break space that joins a number to its unit.</summary>
    public const char Nbsp = '\u00A0';

    /// <summary>"36" and "km" as "36 km", with the no-break space.</summary>
    public static string WithUnit(string number, string unit) => string.Concat(number, Nbsp.ToString(), unit);

    [GeneratedRegex(@"(?<=\d) (?=(?:%|km|kilometres|kilometers|miles|mile|hours|hour|days|day|weeks|week|minutes|seconds)(?![\p{L}\p{N}]))")]
    private static partial Regex SpaceBeforeUnit();

    /// <summary>Every ordinary space between a number and a unit after it, made a no-break space.</summary>
    public static string KeepUnits(string text) =>
        text.Contains(' ', StringComparison.Ordinal) ? SpaceBeforeUnit().Replace(text, Nbsp.ToString()) : text;
}
