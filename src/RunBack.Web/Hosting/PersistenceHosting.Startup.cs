using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RunBack.Core.Content;
using RunBack.Data;
using RunBack.Web.Common;
using RunBack.Web.Data;

namespace RunBack.Web.Hosting;

/// <summary>The database's part of start-up: migrations, then the check that this instance has every release the check-ins name.</summary>
public static partial class PersistenceHosting
{
    /// <summary>
    /// Applies the checked-in migrations before the app serves anything (or, with <c>Database:MigrateOnStart=false</c>,
    /// checks that the <c>migrate</c> command has), then checks that this instance has every content release the
    /// database has check-ins under. A failure stops the app: nothing is wiped and nothing is hidden.
    /// </summary>
    public static async Task MigrateRunBackDatabaseAsync(this WebApplication app, bool migrate = false)
    {
        var timings = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupTimings));
        StartupTimings.Mark(timings, "host build");
        app.Lifetime.ApplicationStarted.Register(() => StartupTimings.Mark(timings, "host started (Kestrel listening)"));
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        // Content is read, hashed and validated on another thread while the database is migrated: the two share
        // nothing, and on two cores the slower of them is what start-up waits for, not their sum. A content problem
        // still stops the start (awaited below, after the migrations, so a migration failure is reported first, as before).
        var loading = Task.Run(() => StartupTimings.TimeAsync(timings, "content", () => Task.FromResult(app.Services.GetRequiredService<ContentStore>())));
        var factory = app.Services.GetRequiredService<IDbContextFactory<RunBackDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await StartupTimings.TimeAsync(timings, "migrations", async () =>
        {
            if (migrate || options.MigrateOnStart)
            {
                await DatabaseSetup.MigrateAsync(db, options, app.Environment);
            }
            else
            {
                await DatabaseSetup.EnsureMigratedAsync(db, options, app.Environment);
            }
            return true;
        });
        var content = await loading;
        var missing = await StartupTimings.TimeAsync(timings, "release-id check", () => MissingReleasesAsync(db, content));
        RefuseMissingReleases(missing);
        Log.DatabaseReady(app.Logger, options.IsPostgres ? DatabaseOptions.Postgres : DatabaseOptions.Sqlite, migrate || options.MigrateOnStart ? "migrated" : "checked");
    }

    /// <summary>Stops the start when the database holds check-ins under releases this instance lacks.</summary>
    internal static void RefuseMissingReleases(IReadOnlyList<string> missing)
    {
        if (missing.Count > 0)
        {
            throw new StartupRefusedException(
                $"The database has check-ins under content release(s) {string.Join(", ", missing)}, which this instance does not have: deploy content/ with every published release.");
        }
    }

    /// <summary>
    /// The release ids the database's check-ins carry that this instance lacks. A skip scan over the ReleaseId index:
    /// each query seeks the smallest id above the last one found, so the check costs one index seek per distinct
    /// release (a handful), not a scan of every check-in, however many there are.
    /// </summary>
    internal static async Task<List<string>> MissingReleasesAsync(RunBackDbContext db, ContentStore content)
    {
        var known = content.Releases.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var missing = new List<string>();
        var after = "";
        while (await db.CheckIns.AsNoTracking().Where(c => c.ReleaseId.CompareTo(after) > 0).OrderBy(c => c.ReleaseId)
            .Select(c => c.ReleaseId).FirstOrDefaultAsync() is { } next)
        {
            if (!known.Contains(next))
            {
                missing.Add(next);
            }
            after = next;
        }
        missing.Sort(StringComparer.Ordinal);
        return missing;
    }
}
