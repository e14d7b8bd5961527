using Microsoft.EntityFrameworkCore;

namespace RunBack.Web.Data;

/// <summary>The provider-specific parts of using the database: how a context is configured and how the database is prepared.</summary>
public static class DatabaseSetup
{
    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions database, IHostEnvironment environment) =>
        options.UseSqlite(database.ConnectionString(environment))
            .AddInterceptors(new SqlitePragmas(database.BusyTimeoutMilliseconds));

    /// <summary>Creates the database's folder, applies the checked-in migrations and, on SQLite, turns on WAL.</summary>
    public static async Task MigrateAsync(RunBackDbContext db, DatabaseOptions database, IHostEnvironment environment, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(database.FullPath(environment))!);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>True when the database answers a query; storage failures are an answer of "no", not an exception.</summary>
    public static async Task<bool> AnswersAsync(IDbContextFactory<RunBackDbContext> factory, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await db.Profiles.AnyAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (StorageErrors.IsStorageFailure(ex) || ex is InvalidOperationException)
        {
            return false;
        }
    }
}
