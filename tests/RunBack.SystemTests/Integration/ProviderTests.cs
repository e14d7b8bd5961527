using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RunBack.Data;
using RunBack.Web.Data;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>Both providers' migration sets, the migrate command and start-up refusals, with real SQLite and PostgreSQL.</summary>
public sealed class ProviderTests
{
    private const string SqliteInitialCreate = "20261122224121_InitialCreate";

    [Fact]
    public async Task SqliteDatabaseMadeByInitialCreate_WithData_MigratesAndKeepsHistory()
    {
        string code;
        Guid id;
        var directory = Path.Combine(Path.GetTempPath(), "runback-migrate-" + Guid.NewGuid().ToString("N"));
        await using (var before = new RunBackFactory())
        {
            before.Settings["Database:Path"] = Path.Combine(directory, "runback.db");
            var phone = before.CreateBrowserLikeClient();
            id = await CheckInClient.SaveOkAsync(phone, Answers.HipPattern());
            code = await CheckInTests.RecoveryCodeShownAsync(phone);
        }
        // Back to the schema the first migration made (as every database made before this change has), data kept.
        await using (var db = SqliteContext(Path.Combine(directory, "runback.db")))
        {
            await db.GetService<IMigrator>().MigrateAsync(SqliteInitialCreate);
            Assert.Equal([SqliteInitialCreate], await db.Database.GetAppliedMigrationsAsync());
        }

        await using var after = new RunBackFactory();
        after.Settings["Database:Path"] = Path.Combine(directory, "runback.db");
        var laptop = after.CreateBrowserLikeClient();
        var recover = await CheckInClient.PostFormAsync(laptop, "/recover", new() { ["code"] = code }, "/recover");

        Assert.Equal("/history?recovered=1", recover.Headers.Location!.ToString());
        Assert.Contains($"/summary/{id}", await laptop.GetStringAsync("/history"), StringComparison.Ordinal);
        var applied = await after.QueryAsync(db => db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(SqliteInitialCreate, applied.First());
        Assert.Empty(await after.QueryAsync(db => db.Database.GetPendingMigrationsAsync()));
    }

    [Fact]
    public async Task Postgres_InstancesMigratingTogether_ApplyEachMigrationOnce()
    {
        var connectionString = PostgresCluster.CreateDatabase();
        var contexts = Enumerable.Range(0, 3).Select(_ => PostgresContext(connectionString)).ToList();

        await Task.WhenAll(contexts.Select(db => DatabaseSetup.MigratePostgresAsync(db)));

        var all = contexts[0].Database.GetMigrations().ToList();
        Assert.NotEmpty(all);
        Assert.Equal(all, await contexts[0].Database.GetAppliedMigrationsAsync());
        var database = new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database!;
        Assert.Equal(all.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), PostgresCluster.Sql(database, "SELECT count(*) FROM \"__EFMigrationsHistory\""));
        Assert.Equal("timestamp with time zone", PostgresCluster.Sql(database, "SELECT data_type FROM information_schema.columns WHERE table_name = 'check_ins' AND column_name = 'CreatedAt'"));
        foreach (var db in contexts)
        {
            await db.DisposeAsync();
        }
    }

    [Fact]
    public async Task MigrateCommand_ThenInstancesWithMigrateOnStartOff_Serve()
    {
        var connectionString = PostgresCluster.CreateDatabase();

        var (exit, output, error) = await RunAppAsync(["migrate"], Postgres(connectionString));

        Assert.True(exit == 0, error);
        // A fresh database has no migrations history yet: EF's probe of it is expected, never an alarming error line.
        Assert.DoesNotContain("__EFMigrationsHistory", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("[ERR]", output + error, StringComparison.Ordinal);
        await using var instance = new PostgresFactoryOver(connectionString);
        instance.Settings["Database:MigrateOnStart"] = "false";
        Assert.Equal(HttpStatusCode.OK, (await instance.CreateClient().GetAsync("/healthz")).StatusCode);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("FileSystem", false)]
    public async Task Postgres_KeysInTheDatabase_UnlessTheStoreIsSetExplicitly(string? store, bool keysInDatabase)
    {
        await using var instance = new PostgresRunBackFactory();
        if (store is not null)
        {
            instance.Settings["DataProtection:Store"] = store;
        }

        // A page with a form makes the first data-protection key (its antiforgery token).
        Assert.Equal(HttpStatusCode.OK, (await instance.CreateClient().GetAsync("/forget")).StatusCode);

        Assert.Equal(keysInDatabase, await instance.QueryAsync(db => db.DataProtectionKeys.AnyAsync()));
    }

    [Fact]
    public async Task MigrateOnStartOff_UnmigratedDatabase_Refused()
    {
        await using var instance = new PostgresRunBackFactory();
        instance.Settings["Database:MigrateOnStart"] = "false";

        var ex = Assert.ThrowsAny<Exception>(() => instance.CreateClient());

        Assert.Contains("lacks", ex.Message, StringComparison.Ordinal);
        Assert.Contains("migrate", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Oracle", "", "Database:Provider must be 'Sqlite' or 'Postgres', not 'Oracle'.")]
    [InlineData("Postgres", "", "ConnectionStrings:RunBack must be a PostgreSQL connection string")]
    [InlineData("Postgres", "Host=127.0.0.1;Port=1;Database=runback;Username=runback;Timeout=3", "does not answer")]
    public async Task BadDatabaseSettings_StopTheAppWithOneLine(string provider, string connectionString, string expected)
    {
        var (exit, output, error) = await RunAppAsync([], new() { ["Database__Provider"] = provider, ["ConnectionStrings__RunBack"] = connectionString });

        Assert.Equal(1, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("RunBack cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Postgres(string connectionString) =>
        new() { ["Database__Provider"] = "Postgres", ["ConnectionStrings__RunBack"] = connectionString };

    /// <summary>Runs the built app (src/RunBack.Web's output) as its own process, as an operator would, until it exits.</summary>
    private static Task<(int ExitCode, string Output, string Error)> RunAppAsync(string[] arguments, Dictionary<string, string> environment) =>
        AppProcess.RunCommandAsync(Path.Combine(Path.GetTempPath(), "runback-cli-" + Guid.NewGuid().ToString("N"), "runback.db"), arguments, environment,
            TimeSpan.FromSeconds(60));

    private static RunBackDbContext SqliteContext(string path) => new(new DbContextOptionsBuilder<RunBackDbContext>()
        .UseSqlite($"Data Source={path}", o => o.MigrationsAssembly(DatabaseSetup.SqliteMigrations)).Options);

    private static RunBackDbContext PostgresContext(string connectionString) => new(new DbContextOptionsBuilder<RunBackDbContext>()
        .UseNpgsql(connectionString, o => o.MigrationsAssembly(DatabaseSetup.PostgresMigrations)).Options);

    /// <summary>A test app over an existing PostgreSQL database (one the migrate command prepared).</summary>
    private sealed class PostgresFactoryOver(string connectionString) : RunBackFactory
    {
        protected override void ConfigureDatabase(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:RunBack", connectionString);
        }
    }
}
