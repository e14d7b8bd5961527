using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace RunBack.Web.Data;

/// <summary>
/// Operators' command: <c>RunBack.Web backup PATH [--overwrite]</c> copies the SQLite database while the app keeps
/// serving. <c>VACUUM INTO</c> reads the database inside one read transaction, so the copy is a consistent snapshot
/// (in WAL mode writers go on meanwhile), and it writes the file afresh, so rows forgotten or deleted earlier are not
/// carried into the backup. The copy is written beside the target under a temporary name, checked with
/// <c>PRAGMA integrity_check</c> and only then renamed into place: a backup that failed half-way never looks like one.
/// PostgreSQL is backed up with <c>pg_dump</c> (see the README); this command says so and exits.
/// </summary>
public static class BackupCommand
{
    public const string Name = "backup";
    public const string Overwrite = "--overwrite";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Name;

    /// <summary>Runs the command: 0 when the backup is written and checked, 1 with one line on stderr otherwise.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var rest = args.Skip(1).ToList();
        var overwrite = rest.Remove(Overwrite);
        if (rest.Count == 0 || rest[0].StartsWith("--", StringComparison.Ordinal))
        {
            error.WriteLine($"RunBack backup: name the backup file, e.g. 'dotnet RunBack.Web.dll backup /var/backups/runback-{DateTime.UtcNow:yyyy-MM-dd}.db' (add {Overwrite} to replace an existing file).");
            return 1;
        }
        var target = Path.GetFullPath(rest[0]);
        var builder = WebApplication.CreateBuilder(rest.Skip(1).ToArray());
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        try
        {
            output.WriteLine(Back(database, builder.Environment, target, overwrite));
            return 0;
        }
        catch (BackupRefusedException refused)
        {
            error.WriteLine("RunBack backup: " + refused.Message);
            return 1;
        }
    }

    /// <summary>Writes the backup and returns the line that reports it; a refusal is a <see cref="BackupRefusedException"/>.</summary>
    public static string Back(DatabaseOptions database, IHostEnvironment environment, string target, bool overwrite)
    {
        if (database.IsPostgres)
        {
            throw new BackupRefusedException(
                "Database:Provider is Postgres, and this command copies a SQLite file only: use pg_dump for PostgreSQL " +
                "(pg_dump --format=custom --file=runback.dump 'host=... dbname=runback user=...') and restore with pg_restore (see the README's 'Backups').");
        }
        var source = database.FullPath(environment);
        if (!File.Exists(source))
        {
            throw new BackupRefusedException($"there is no database at {source} (Database:Path): nothing to back up.");
        }
        var folder = Path.GetDirectoryName(target)!;
        if (Directory.Exists(target))
        {
            throw new BackupRefusedException($"{target} is a folder: name the backup file inside it, e.g. {Path.Combine(target, "runback.db")}.");
        }
        if (!Directory.Exists(folder))
        {
            throw new BackupRefusedException($"the folder {folder} does not exist: create it first (mkdir -p {folder}).");
        }
        if (File.Exists(target) && !overwrite)
        {
            throw new BackupRefusedException($"{target} already exists: choose a new name, or add {Overwrite} to replace it.");
        }
        if (string.Equals(target, source, StringComparison.Ordinal))
        {
            throw new BackupRefusedException($"{target} is the database itself: write the backup somewhere else.");
        }

        var watch = Stopwatch.StartNew();
        var partial = Path.Combine(folder, $".{Path.GetFileName(target)}.partial-{Guid.NewGuid():N}");
        try
        {
            CreatePrivate(partial, folder);
            Copy(source, partial, database.BusyTimeoutMilliseconds);
            var (integrity, profiles, checkIns) = Check(partial);
            if (integrity != "ok")
            {
                throw new BackupRefusedException($"the copy failed its integrity check ({integrity}); the database may need attention: nothing was written to {target}.");
            }
            File.Move(partial, target, overwrite);
            return string.Create(CultureInfo.InvariantCulture,
                $"Backed up {source} to {target}: {profiles} profile(s), {checkIns} check-in(s), {new FileInfo(target).Length} bytes, integrity ok, in {watch.ElapsedMilliseconds} ms.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BackupRefusedException($"{target} could not be written ({ex.GetType().Name}): the folder may be read-only or full, or not writable by this user.");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            TryDelete(partial);
        }
    }

    /// <summary>The backup holds runners' data: readable by the app's own user only, like the database.</summary>
    private static void CreatePrivate(string partial, string folder)
    {
        try
        {
            using var _ = new FileStream(partial, OperatingSystem.IsWindows()
                ? new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write }
                : new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = PrivateFiles.OwnerOnlyFile });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BackupRefusedException($"nothing can be written in {folder} ({ex.GetType().Name}): the folder may be read-only or full, or not writable by this user.");
        }
    }

    private static void Copy(string source, string partial, int busyTimeoutMilliseconds)
    {
        var connection = new SqliteConnectionStringBuilder
        {
            DataSource = source,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = Math.Max(1, busyTimeoutMilliseconds / 1000),
        }.ToString();
        try
        {
            using var db = new SqliteConnection(connection);
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout = " + busyTimeoutMilliseconds.ToString(CultureInfo.InvariantCulture) + "; VACUUM INTO $target;";
            command.Parameters.AddWithValue("$target", partial);
            command.ExecuteNonQuery();
        }
        catch (SqliteException ex)
        {
            throw new BackupRefusedException(ex.SqliteErrorCode is 13 or 8 or 10 or 14
                ? $"the backup could not be written (sqlite {ex.SqliteErrorCode}): the target folder may be read-only or full."
                : $"the database could not be read (sqlite {ex.SqliteErrorCode}): is {source} a RunBack SQLite database, readable by this user?");
        }
    }

    private static (string Integrity, long Profiles, long CheckIns) Check(string partial)
    {
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        db.Open();
        var integrity = Scalar(db, "PRAGMA integrity_check;");
        return integrity == "ok" ? (integrity, Count(db, "profiles"), Count(db, "check_ins")) : (integrity, 0, 0);
    }

    private static long Count(SqliteConnection db, string table) =>
        Scalar(db, $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}';") == "1"
            ? long.Parse(Scalar(db, $"SELECT count(*) FROM {table};"), CultureInfo.InvariantCulture)
            : 0;

    private static string Scalar(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only folder never let it be made.
        }
    }
}

/// <summary>The backup cannot be made as asked; the message says what to do, in one line.</summary>
public sealed class BackupRefusedException(string message) : Exception(message);
