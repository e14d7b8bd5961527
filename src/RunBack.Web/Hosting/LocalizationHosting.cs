using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace RunBack.Web.Hosting;

public sealed class LocalizationOptions
{
    public const string Section = "Localization";

    /// <summary>The culture a request gets when the browser asks for none that is supported.</summary>
    [Required]
    public string DefaultCulture { get; set; } = "en-GB";

    /// <summary>Every culture the app formats dates and numbers for; the browser's Accept-Language picks among them.</summary>
    [MinLength(1)]
    public string[] SupportedCultures { get; set; } = ["en-GB"];
}

public static class LocalizationHosting
{
    /// <summary>
    /// Every request (and every interactive circuit, which starts from a request) gets a culture; pages and Core format
    /// dates and numbers with it. No code names a culture: a second edition is configuration and content.
    /// </summary>
    public static WebApplicationBuilder AddRunBackLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<LocalizationOptions>()
            .BindConfiguration(LocalizationOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.SupportedCultures.Contains(o.DefaultCulture, StringComparer.OrdinalIgnoreCase) && o.SupportedCultures.All(IsCulture),
                $"{LocalizationOptions.Section}: every culture must be a known culture name, and DefaultCulture one of SupportedCultures.");
        return builder;
    }

    public static WebApplication UseRunBackLocalization(this WebApplication app)
    {
        var options = app.Configuration.GetSection(LocalizationOptions.Section).Get<LocalizationOptions>() ?? new LocalizationOptions();
        var cultures = options.SupportedCultures.Select(CultureInfo.GetCultureInfo).ToList();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(options.DefaultCulture),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()],
        });
        return app;
    }

    private static bool IsCulture(string name)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(name) && CultureInfo.GetCultureInfo(name, predefinedOnly: true) is not null;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
