using Microsoft.EntityFrameworkCore;
using RunBack.Data;
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
        // A failed command, save or query is an exception the app handles: storage failures are logged once per period
        // with a count (StorageFailureLog), anything else by the error page with its stack trace. EF Core's own error
        // events would add two more stack traces per failed request, so they are at Debug.
        options.ConfigureWarnings(warnings => warnings.Log(
            (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError, LogLevel.Debug),
            (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.ConnectionError, LogLevel.Debug),
            (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.TransactionError, LogLevel.Debug),
            (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.SaveChangesFailed, LogLevel.Debug),
            (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.QueryIterationFailed, LogLevel.Debug)));
        // Each provider's compiled model (generated beside its migrations: see the README's "Changing the model"): EF
        // Core no longer builds the model from the configurations at start-up (issue 28). CompiledModelTests keeps
        // each one equal to the model the configurations build.
        if (database.IsPostgres)
        {
            options.UseNpgsql(database.ConnectionString(environment), npgsql => npgsql.MigrationsAssembly(PostgresMigrations))
                .UseModel(Migrations.Postgres.CompiledModel.RunBackDbContextModel.Instance);
            return;
        }
        options.UseSqlite(database.ConnectionString(environment), sqlite => sqlite.MigrationsAssembly(SqliteMigrations))
            .UseModel(Migrations.Sqlite.CompiledModel.RunBackDbContextModel.Instance)
            .AddInterceptors(new SqlitePragmas(database.BusyTimeoutMilliseconds), new StorageRecovery());
    }

    /// <summary>
    /// Applies the checked-in migrations (creating SQLite's folder first) and, on SQLite, turns on WAL. EF Core holds a
    /// database lock while migrating (on PostgreSQL a lock on the history table), so instances that start together
    /// apply each migration once. An unreachable server, or SQLite storage that cannot be written (read-only, full),
    /// becomes a <see cref="StartupRefusedException"/>.
    /// </summary>
    public static async Task MigrateAsync(RunBackDbContext db, DatabaseOptions database, IHostEnvironment environment, CancellationToken cancellationToken = default)
    {
        await Unavailable(database, environment, async () =>
        {
            if (!database.IsPostgres)
            {
                Directory.CreateDirectory(database.Folder(environment));
                PrivateFiles.CreateFile(database.FullPath(environment));
            }
            // The common start (an existing database, nothing to apply) only reads the migrations history: EF's
            // Migrate would also take the migration lock, build the migrations snapshot's model and compare it with
            // the app's, a few hundred milliseconds of start-up (issue 28). Anything pending: Migrate, under its lock.
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                await (database.IsPostgres ? MigratePostgresAsync(db, cancellationToken) : db.Database.MigrateAsync(cancellationToken));
            }
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                // With nothing to apply, nothing above wrote (a read-only mount still answers reads): one write that
                // changes nothing refuses read-only or full storage here, at start, in one line.
                await RewriteUserVersionAsync(db, cancellationToken);
            }
        });
    }

    /// <summary>An arbitrary, fixed key for RunBack's migration advisory lock on PostgreSQL.</summary>
    private const long MigrationLockKey = 0x52756E4261636BL; // "RunBack"

    /// <summary>
    /// EF Core's PostgreSQL migration lock is a table lock held only inside each migration's transaction: with more than
    /// one pending migration, an instance starting meanwhile can read the history between two of them and apply the
    /// second again. A session advisory lock around the whole run makes instances migrate one after the other.
    /// </summary>
    public static async Task MigratePostgresAsync(RunBackDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
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

    /// <summary>Free space on the file system holding a SQLite database (null when it cannot be read).</summary>
    public static long? FreeBytes(DatabaseOptions database, IHostEnvironment environment)
    {
        try
        {
            if (database.IsPostgres)
            {
                return null;
            }
            var folder = database.Folder(environment);
            return Directory.Exists(folder) ? new DriveInfo(folder).AvailableFreeSpace : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// True when the database takes a write: a query is not enough, since a read-only or full disk still answers reads.
    /// The probe rewrites the header's user_version with its own value inside a committed transaction, which puts a page
    /// in the write-ahead log (so a full or immutable disk refuses it) and changes nothing. Storage failures are an
    /// answer of "no", not an exception. On PostgreSQL: the server answers and is not a read-only standby.
    /// </summary>
    public static async Task<bool> TakesWritesAsync(IDbContextFactory<RunBackDbContext> factory, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            if (!db.Database.IsSqlite())
            {
                // PostgreSQL takes writes unless it is a standby (or the server does not answer, caught below).
                return await db.Database.SqlQueryRaw<bool>("SELECT NOT pg_is_in_recovery() AS \"Value\"").SingleAsync(cancellationToken);
            }
            await RewriteUserVersionAsync(db, cancellationToken);
            return true;
        }
        catch (Exception ex) when (StorageErrors.IsStorageFailure(ex) || ex is InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// A SQLite write that changes nothing: the header's user_version rewritten with its own value inside a committed
    /// transaction, which puts a page in the write-ahead log, so read-only, immutable or full storage refuses it.
    /// </summary>
    private static async Task RewriteUserVersionAsync(RunBackDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var version = await db.Database.SqlQueryRaw<long>("SELECT user_version AS Value FROM pragma_user_version").SingleAsync(cancellationToken);
            // A pragma takes no parameter; the value is a number SQLite itself just gave.
#pragma warning disable EF1002, EF1003
            await db.Database.ExecuteSqlRawAsync("PRAGMA user_version = " + version.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";", cancellationToken);
#pragma warning restore EF1002, EF1003
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
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
            // SQLite: the file or its folder cannot be written (read-only storage, a full disk, wrong owner).
            throw new StartupRefusedException(database.IsPostgres
                ? $"The {database.Describe(environment)} does not answer ({StorageErrors.Kind(ex)}): start it or correct ConnectionStrings:{DatabaseOptions.ConnectionStringName}."
                : $"The {database.Describe(environment)} cannot be created or written ({StorageErrors.Kind(ex)}): the storage may be read-only or full; make its folder writable by the app's user or correct {DatabaseOptions.Section}:Path.", ex);
        }
    }
}
