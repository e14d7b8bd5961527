using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace RunBack.Web.Components;

/// <summary>
/// A sentence from Resources/Wording*.resx that holds its own markup (a link, <c>&lt;strong&gt;</c>), kept whole in the
/// resx instead of glued from fragments. Only our own resx text is markup: every argument is HTML-escaped into its
/// placeholder, so a runner's note or a date can never become markup.
/// </summary>
public static class WordingHtml
{
    /// <summary>The resx text as markup, with each argument HTML-escaped into <c>{0}</c>, <c>{1}</c> ….</summary>
    public static MarkupString Html(this LocalizedString text, params object?[] arguments) =>
        new(arguments.Length == 0 ? text.Value : string.Format(CultureInfo.CurrentCulture, text.Value,
            [.. arguments.Select(a => Escape(Convert.ToString(a, CultureInfo.CurrentCulture) ?? ""))]));

    /// <summary>The five characters that matter in text and quoted attributes, as Blazor escapes text (other characters,
    /// no-break spaces and dashes included, stay as they are).</summary>
    private static string Escape(string text) => new StringBuilder(text)
        .Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;").ToString();
}
