using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace RunBack.Web.Tests.Infrastructure;

/// <summary>The app's page-chrome localizer (Resources/Wording*.resx), as AddLocalization builds it, for code tested outside the app.</summary>
public static class TestWording
{
    public static IStringLocalizerFactory Factory { get; } = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);

    public static IStringLocalizer<Wording> Localizer { get; } = new StringLocalizer<Wording>(Factory);

    /// <summary>What <paramref name="read"/> returns with the edition's culture (en-GB, en-US) as the current and UI culture.</summary>
    public static T In<T>(string culture, Func<T> read)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}
