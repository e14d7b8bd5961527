using System.ComponentModel.DataAnnotations;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace RunBack.Web.Data;

/// <summary>Which database the app uses: a SQLite file (the default, no server) or PostgreSQL (several app instances).</summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>The name of the connection string PostgreSQL uses (<c>ConnectionStrings:RunBack</c>).</summary>
    public const string ConnectionStringName = "RunBack";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>The SQLite file, relative to the app's content root. Its folder is created when missing.</summary>
    [Required]
    public string Path { get; set; } = "data/runback.db";

    /// <summary>How long a write waits for another writer before giving up.</summary>
    [Range(100, 120_000)]
    public int BusyTimeoutMilliseconds { get; set; } = 10_000;

    /// <summary>Apply migrations at start-up (default). Off: the instance refuses to start until <c>migrate</c> has run.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary><c>ConnectionStrings:RunBack</c>, copied in at binding; used by PostgreSQL only.</summary>
    public string? PostgresConnectionString { get; set; }

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary>The database file as an absolute path (a relative one is under the app's content root).</summary>
    public string FullPath(IHostEnvironment environment) => System.IO.Path.GetFullPath(Path, environment.ContentRootPath);

    /// <summary>The folder holding the SQLite file (created at start-up; the default home of the keys folder).</summary>
    public string Folder(IHostEnvironment environment) => System.IO.Path.GetDirectoryName(FullPath(environment))!;

    public string ConnectionString(IHostEnvironment environment) => IsPostgres ? PostgresConnectionString ?? "" : new SqliteConnectionStringBuilder
    {
        DataSource = FullPath(environment),
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        DefaultTimeout = Math.Max(1, BusyTimeoutMilliseconds / 1000),
        Pooling = true,
    }.ToString();

    /// <summary>Where the database is, for messages: the SQLite file or PostgreSQL's host, port and database (never a password).</summary>
    public string Describe(IHostEnvironment environment)
    {
        if (!IsPostgres)
        {
            return "SQLite file " + FullPath(environment);
        }
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString);
        return $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}";
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase) && !IsPostgres)
        {
            yield return new ValidationResult($"{Section}:Provider must be '{Sqlite}' or '{Postgres}', not '{Provider}'.", [nameof(Provider)]);
        }
        else if (IsPostgres && !ValidPostgresConnectionString(PostgresConnectionString))
        {
            yield return new ValidationResult(
                $"{Section}:Provider is '{Postgres}', so ConnectionStrings:{ConnectionStringName} must be a PostgreSQL connection string with Host and Database " +
                "(e.g. 'Host=db.internal;Port=5432;Database=runback;Username=runback;Password=...').", [nameof(PostgresConnectionString)]);
        }
    }

    private static bool ValidPostgresConnectionString(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return false;
        }
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return !string.IsNullOrWhiteSpace(builder.Host) && !string.IsNullOrWhiteSpace(builder.Database);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
