using Microsoft.EntityFrameworkCore;
using RunBack.Web.Common;

namespace RunBack.Web.Data;

/// <summary>The provider-specific parts of using the database: how a context is configured and how the database is prepared.</summary>
public static class DatabaseSetup
{
    /// <summary>Each provider's migrations live in their own assembly (one context, two migration sets).</summary>
    public const string SqliteMigrations = "RunBack.Migrations.Sqlite";
    public const string PostgresMigrations = "RunBack.Migrations.Postgres";

    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions database, IHostEnvironment environment)
    {
        if (database.IsPostgres)
        {
            options.UseNpgsql(database.ConnectionString(environment), npgsql => npgsql.MigrationsAssembly(PostgresMigrations));
            return;
        }
        options.UseSqlite(database.ConnectionString(environment), sqlite => sqlite.MigrationsAssembly(SqliteMigrations))
            .AddInterceptors(new SqlitePragmas(database.BusyTimeoutMilliseconds));
    }

    /// <summary>
    /// Applies the checked-in migrations (creating SQLite's folder first) and, on SQLite, turns on WAL. EF Core holds a
    /// database lock while migrating (on PostgreSQL a lock on the history table), so instances that start together
    /// apply each migration once. An unreachable server becomes a <see cref="StartupRefusedException"/>.
    /// </summary>
    public static async Task MigrateAsync(RunBackDbContext db, DatabaseOptions database, IHostEnvironment environment, CancellationToken cancellationToken = default)
    {
        if (!database.IsPostgres)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(database.FullPath(environment))!);
        }
        await Unavailable(database, environment, async () =>
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        });
    }

    /// <summary>Refuses to go on when migrations are pending (for instances started with <c>Database:MigrateOnStart=false</c>).</summary>
    public static async Task EnsureMigratedAsync(RunBackDbContext db, DatabaseOptions database, IHostEnvironment environment, CancellationToken cancellationToken = default) =>
        await Unavailable(database, environment, async () =>
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                throw new StartupRefusedException(
                    $"The {database.Describe(environment)} lacks {pending.Count} migration(s) ({string.Join(", ", pending)}): run 'dotnet RunBack.Web.dll migrate' (or 'dotnet run --project src/RunBack.Web -- migrate') first.");
            }
        });

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

    private static async Task Unavailable(DatabaseOptions database, IHostEnvironment environment, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception ex) when (StorageErrors.IsStorageFailure(ex))
        {
            throw new StartupRefusedException(
                $"The {database.Describe(environment)} does not answer ({StorageErrors.Kind(ex)}): start it or correct " +
                (database.IsPostgres ? $"ConnectionStrings:{DatabaseOptions.ConnectionStringName}." : $"{DatabaseOptions.Section}:Path."), ex);
        }
    }
}
