using Microsoft.EntityFrameworkCore;

namespace RunBack.Web.Data;

/// <summary>The provider-specific parts of using the database: how a context is configured and how the database is prepared.</summary>
public static class DatabaseSetup
{
    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions database, IHostEnvironment environment) =>
        options.UseSqlite(database.ConnectionString(environment))
            .AddInterceptors(new SqlitePragmas(database.BusyTimeoutMilliseconds), new StorageRecovery());

    /// <summary>Creates the database's folder, applies the checked-in migrations and, on SQLite, turns on WAL.</summary>
    public static async Task MigrateAsync(RunBackDbContext db, DatabaseOptions database, IHostEnvironment environment, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(database.FullPath(environment))!);
        PrivateFiles.CreateFile(database.FullPath(environment));
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>
    /// True when the database takes a write: a query is not enough, since a read-only or full disk still answers reads.
    /// The probe rewrites the header's user_version with its own value inside a committed transaction, which puts a page
    /// in the write-ahead log (so a full or immutable disk refuses it) and changes nothing. Storage failures are an
    /// answer of "no", not an exception.
    /// </summary>
    public static async Task<bool> TakesWritesAsync(IDbContextFactory<RunBackDbContext> factory, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var version = await db.Database.SqlQueryRaw<long>("SELECT user_version AS Value FROM pragma_user_version").SingleAsync(cancellationToken);
            // A pragma takes no parameter; the value is a number SQLite itself just gave.
#pragma warning disable EF1002, EF1003
            await db.Database.ExecuteSqlRawAsync("PRAGMA user_version = " + version.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";", cancellationToken);
#pragma warning restore EF1002, EF1003
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (StorageErrors.IsStorageFailure(ex) || ex is InvalidOperationException)
        {
            return false;
        }
    }
}
