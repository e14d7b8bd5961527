using System.ComponentModel.DataAnnotations;
using Microsoft.Data.Sqlite;

namespace RunBack.Web.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>The SQLite file, relative to the app's content root. Its folder is created when missing.</summary>
    [Required]
    public string Path { get; set; } = "data/runback.db";

    /// <summary>How long a write waits for another writer before giving up.</summary>
    [Range(100, 120_000)]
    public int BusyTimeoutMilliseconds { get; set; } = 10_000;

    /// <summary>The database file as an absolute path (a relative one is under the app's content root).</summary>
    public string FullPath(IHostEnvironment environment) => System.IO.Path.GetFullPath(Path, environment.ContentRootPath);

    public string ConnectionString(IHostEnvironment environment) => new SqliteConnectionStringBuilder
    {
        DataSource = FullPath(environment),
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        DefaultTimeout = Math.Max(1, BusyTimeoutMilliseconds / 1000),
        Pooling = true,
    }.ToString();
}
