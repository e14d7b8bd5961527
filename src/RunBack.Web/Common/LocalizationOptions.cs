using System.ComponentModel.DataAnnotations;

namespace RunBack.Web.Common;

public sealed class LocalizationOptions
{
    public const string Section = "Localization";

    /// <summary>The culture a request gets when the browser asks for none that is supported.</summary>
    [Required]
    public string DefaultCulture { get; set; } = "en-GB";

    /// <summary>
    /// The editions: every culture the app formats dates and numbers for; the edition switch or the browser's
    /// Accept-Language picks among them. Empty here (configuration binding appends to an array): none configured means
    /// <see cref="DefaultEditions"/>.
    /// </summary>
    public string[] SupportedCultures { get; set; } = [];

    public static readonly string[] DefaultEditions = ["en-GB", "en-US"];
}
