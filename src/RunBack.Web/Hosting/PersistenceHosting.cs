using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using RunBack.Web.Data;

namespace RunBack.Web.Hosting;

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
}

public static class PersistenceHosting
{
    public static WebApplicationBuilder AddRunBackPersistence(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations();

        builder.Services.AddSingleton<SqlitePragmas>();
        builder.Services.AddDbContextFactory<RunBackDbContext>((services, options) =>
        {
            var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            options.UseSqlite(ConnectionString(builder.Environment, database))
                .AddInterceptors(services.GetRequiredService<SqlitePragmas>());
        });
        return builder;
    }

    public static string ConnectionString(IHostEnvironment environment, DatabaseOptions options)
    {
        return new SqliteConnectionStringBuilder
        {
            DataSource = options.FullPath(environment),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            DefaultTimeout = Math.Max(1, options.BusyTimeoutMilliseconds / 1000),
            Pooling = true,
        }.ToString();
    }

    /// <summary>
    /// Creates the database folder, applies the checked-in migrations and turns on WAL. A failure stops the app:
    /// nothing is wiped and nothing is hidden.
    /// </summary>
    public static async Task MigrateRunBackDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(options.FullPath(app.Environment))!);
        var factory = app.Services.GetRequiredService<IDbContextFactory<RunBackDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        Log.DatabaseReady(app.Logger);
    }

    /// <summary>Sets the busy timeout, foreign keys and secure delete (deleted rows are overwritten) on every connection.</summary>
    internal sealed class SqlitePragmas(IOptions<DatabaseOptions> options) : DbConnectionInterceptor
    {
        private string Pragmas => $"PRAGMA busy_timeout={options.Value.BusyTimeoutMilliseconds}; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
