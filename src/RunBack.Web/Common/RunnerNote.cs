using System.Globalization;

namespace RunBack.Web.Common;

/// <summary>
/// The runner's own note on a check-in (issue 26 item 16): optional free text ("hilly 10k on Sunday"), at most
/// <see cref="MaxLength"/> characters. Read the same way on the full self-check's save form and on the quick check-in.
/// It is the only free text a runner gives RunBack: it is stored as typed (line breaks as \n, the ends trimmed), never
/// logged, never searched, and the rules never read it (it is not an answer).
/// </summary>
public static class RunnerNote
{
    /// <summary>The form field on both forms.</summary>
    public const string Field = "note";

    /// <summary>Characters are Unicode code points (an emoji is one), as the page's counter and PostgreSQL's varchar count them.</summary>
    public const int MaxLength = 500;

    /// <summary>What a posted note is: the text to store (null when empty), or a message for beside the field.</summary>
    public readonly record struct Reading(string? Note, string? Error, string Typed);

    /// <summary>
    /// Reads a posted note. Line breaks become \n and the ends are trimmed; a note over <see cref="MaxLength"/> characters
    /// or with a control character (other than a line break) is refused with a message, and <see cref="Reading.Typed"/>
    /// keeps what was posted so the page can give it back.
    /// </summary>
    public static Reading Read(string? posted)
    {
        if (posted is null)
        {
            return new(null, null, "");
        }
        var text = posted.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (text.Any(Hidden))
        {
            return new(null, HiddenCharacter, text);
        }
        var trimmed = text.Trim();
        var length = Length(trimmed);
        if (length > MaxLength)
        {
            return new(null, string.Create(CultureInfo.InvariantCulture,
                $"Your note is {length} characters long. Please shorten it to {MaxLength} characters or fewer ({length - MaxLength} too many). Nothing was saved yet."), text);
        }
        return new(trimmed.Length == 0 ? null : trimmed, null, text);
    }

    /// <summary>The note's length in characters as the limit counts them.</summary>
    public static int Length(string text) => text.EnumerateRunes().Count();

    public const string HiddenCharacter = "Your note has a hidden control character in it (such as a tab, or an invisible character pasted from " +
        "another app). Please delete it: a note can hold letters, numbers, punctuation, emoji and new lines. Nothing was saved yet.";

    /// <summary>A control character other than a line break, or a bidirectional override that could make the text read backwards.</summary>
    private static bool Hidden(char c) =>
        (char.IsControl(c) && c != '\n') || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>The words beside the field: the example follows the edition's unit.</summary>
    public static string Help(bool miles) => miles
        ? "Anything you want to remember about this week, for example \u201Chilly 6\u00A0miles on Sunday\u201D. Only you see it, and anyone you give your summary or a download to."
        : "Anything you want to remember about this week, for example \u201Chilly 10\u00A0km on Sunday\u201D. Only you see it, and anyone you give your summary or a download to.";

    /// <summary>The counter as the page first shows it (the script keeps it up to date while typing).</summary>
    public static string Count(string typed)
    {
        var used = Length(typed.Trim());
        return used == 0 ? string.Create(CultureInfo.InvariantCulture, $"Up to {MaxLength} characters.")
            : used > MaxLength ? string.Create(CultureInfo.InvariantCulture, $"{used} of {MaxLength} characters: {used - MaxLength} too many.")
            : string.Create(CultureInfo.InvariantCulture, $"{used} of {MaxLength} characters used.");
    }
}
