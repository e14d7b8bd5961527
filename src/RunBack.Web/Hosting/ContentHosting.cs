using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using RunBack.Core.CheckIns;
using RunBack.Core.Content;

namespace RunBack.Web.Hosting;

public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The content folder (holding releases/ and releases.lock), relative to the app's content root.</summary>
    [Required]
    public string Path { get; set; } = "../../content";

    /// <summary>Also serve unpublished releases (for authors previewing a draft). Never in production.</summary>
    public bool IncludeDrafts { get; set; }
}

public static class ContentHosting
{
    /// <summary>Loads and validates every content release once, at start-up: a broken release stops the app with file and line.</summary>
    public static WebApplicationBuilder AddRunBackContent(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<ContentOptions>()
            .BindConfiguration(ContentOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => IsContentFolder(Resolve(builder.Environment, o)),
                $"{ContentOptions.Section}:Path must name a content folder holding '{ContentStore.ReleasesFolder}/' and '{ReleaseLock.FileName}'.");

        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<ContentOptions>>().Value;
            return ContentStore.Load(Resolve(builder.Environment, options), options.IncludeDrafts);
        });
        // The quick check-in's wording (content/checkin/quick.yaml), checked against the current release.
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<ContentOptions>>().Value;
            return QuickCheckInContent.Load(Resolve(builder.Environment, options), services.GetRequiredService<ContentStore>().Current);
        });
        builder.Services.AddHostedService<ContentWarmUp>();
        return builder;
    }

    /// <summary>Only a real content folder is accepted: any other path (a typo, /etc, the web root) is refused at start-up.</summary>
    private static bool IsContentFolder(string path) =>
        Directory.Exists(Path.Combine(path, ContentStore.ReleasesFolder)) && File.Exists(Path.Combine(path, ReleaseLock.FileName));

    public static string Resolve(IHostEnvironment environment, ContentOptions options) =>
        System.IO.Path.GetFullPath(options.Path, environment.ContentRootPath);

    /// <summary>Resolves the store during start-up so content problems stop the app before it takes requests.</summary>
    private sealed class ContentWarmUp(IServiceProvider services, ILogger<ContentWarmUp> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var store = services.GetRequiredService<ContentStore>();
            services.GetRequiredService<QuickCheckInContent>();
            Log.ContentLoaded(logger, store.Current.Id, store.Releases.Count);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
