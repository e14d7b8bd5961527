using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RunBack.Core.Content;
using RunBack.Web.Features.Assessments;

namespace RunBack.Web.Tests.Components;

/// <summary>bunit with the real shipped content and the services the components use; browser APIs are loose fakes.</summary>
public abstract class ComponentTestBase : BunitContext
{
    private static readonly Lazy<ContentStore> Store = new(() => ContentStore.Load(RepoPaths.Content));

    private static readonly Lazy<string> Database = new(() =>
    {
        var connection = $"Data Source={Path.Combine(Path.GetTempPath(), $"runback-bunit-{Guid.NewGuid():N}.db")}";
        var options = new DbContextOptionsBuilder<RunBack.Data.RunBackDbContext>()
            .UseSqlite(connection, sqlite => sqlite.MigrationsAssembly("RunBack.Migrations.Sqlite")).Options;
        using var db = new RunBack.Data.RunBackDbContext(options);
        db.Database.Migrate();
        return connection;
    });

    protected ComponentTestBase()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton(Store.Value);
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<AssessmentService>();
        Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        Services.AddSingleton<AntiforgeryStateProvider>(new FakeAntiforgery());
        Services.AddScoped<Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage.ProtectedSessionStorage>();
        // The pages that look up saved check-ins and profiles read a real SQLite file (migrated once, empty).
        Services.AddDbContextFactory<RunBack.Data.RunBackDbContext>(o => o.UseSqlite(Database.Value,
            sqlite => sqlite.MigrationsAssembly("RunBack.Migrations.Sqlite")));
        Services.AddSingleton<RunBack.Web.Data.SavedCheckIns>();
        Services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        Services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Testing" });
        Services.AddSingleton<RunBack.Web.Common.CookieSecurity>();
        Services.AddSingleton<RunBack.Web.Features.Profiles.ProfileService>();
        // The runner's country, as a request from a UK browser resolves it (en-GB: GB); a test may change it.
        Services.AddScoped(_ =>
        {
            var country = new RunBack.Web.Common.RunnerCountry();
            country.Set("GB", RunBack.Web.Common.CountryOrigin.Browser);
            return country;
        });
        AddBunitPersistentComponentState();
    }

    protected static ContentRelease Release => Store.Value.Current;

    private sealed class FakeAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }
}
