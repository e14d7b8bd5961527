using Microsoft.Extensions.Options;

namespace RunBack.Web.Common;

/// <summary>
/// RunBack's own settings sections: bound to their options class, checked at start-up (DataAnnotations and any rule of
/// the section's own), and refused when they hold a key the class does not have (a misspelt name would otherwise be
/// silently ignored). A problem stops the app with one line (see <see cref="StartupRefusedException.OneLine"/>).
/// </summary>
public static class SettingsValidation
{
    public static OptionsBuilder<T> AddRunBackSettings<T>(this IServiceCollection services, IConfiguration configuration, string section,
        Func<T, string?>? problem = null)
        where T : class
    {
        var builder = services.AddOptionsWithValidateOnStart<T>().BindConfiguration(section).ValidateDataAnnotations();
        services.AddSingleton<IValidateOptions<T>>(new Checks<T>(configuration.GetSection(section), problem));
        return builder;
    }

    /// <summary>Adds only the unknown-key check, for a section bound (and validated) where it is used.</summary>
    public static IServiceCollection RefuseUnknownKeys<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class
    {
        services.AddOptionsWithValidateOnStart<T>();
        services.AddSingleton<IValidateOptions<T>>(new Checks<T>(configuration.GetSection(section), null));
        return services;
    }

    /// <summary>The keys in <paramref name="section"/> that <typeparamref name="T"/> has no property for, as full names.</summary>
    public static IEnumerable<string> UnknownKeys<T>(IConfigurationSection section)
    {
        var known = typeof(T).GetProperties().Where(p => p.CanWrite).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return section.GetChildren().Where(c => !known.Contains(c.Key)).Select(c => c.Path);
    }

    private sealed class Checks<T>(IConfigurationSection section, Func<T, string?>? problem) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var failures = new List<string>();
            var unknown = UnknownKeys<T>(section).ToList();
            if (unknown.Count > 0)
            {
                var known = string.Join(", ", typeof(T).GetProperties().Where(p => p.CanWrite).Select(p => p.Name));
                failures.Add($"unknown setting {string.Join(", ", unknown)} (the {section.Key} settings are: {known}).");
            }
            if (problem?.Invoke(options) is { } message)
            {
                failures.Add(message);
            }
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
