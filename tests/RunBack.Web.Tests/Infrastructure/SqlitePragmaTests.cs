using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RunBack.Data;
using RunBack.Web.Data;

namespace RunBack.Web.Tests.Infrastructure;

/// <summary>
/// Tests that count real SQLite connections. Microsoft.Data.Sqlite's pools are process-wide, and every other test that
/// stops an app clears them all (RunBackFactory, ProfileOutageTests): run beside those, a pool emptied half-way makes a
/// second real connection and the count is wrong for a reason outside the test. xUnit runs this collection alone, after
/// the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideSqlitePools
{
    public const string Name = "Process-wide SQLite pools";
}

/// <summary>
/// What a save costs besides its commit (issue 28): the pragmas run once per real SQLite connection, not on every open.
/// Counted, never timed.
/// </summary>
[Collection(ProcessWideSqlitePools.Name)]
public sealed class SqlitePragmaTests
{
    [Fact]
    public async Task Pragmas_RunOncePerRealConnection_AndHoldOnEveryReuseFromThePool()
    {
        var folder = Directory.CreateTempSubdirectory("runback-pragmas-").FullName;
        var pragmas = new SqlitePragmas(4321);
        var options = new DbContextOptionsBuilder<RunBackDbContext>()
            .UseSqlite($"Data Source={Path.Combine(folder, "pragmas.db")}").AddInterceptors(pragmas).Options;
        try
        {
            for (var open = 0; open < 3; open++)
            {
                await using var db = new RunBackDbContext(options);
                await db.Database.OpenConnectionAsync();
                var connection = db.Database.GetDbConnection();
                Assert.Equal(4321, await PragmaAsync(connection, "busy_timeout"));
                Assert.Equal(1, await PragmaAsync(connection, "foreign_keys"));
                Assert.Equal(1, await PragmaAsync(connection, "synchronous")); // NORMAL
                Assert.Equal(1, await PragmaAsync(connection, "secure_delete"));
            }
            Assert.Equal(1, pragmas.Applied);

            // A storage failure empties the pool (StorageRecovery): the next connection is a new one and is set up again.
            await using (var db = new RunBackDbContext(options))
            {
                SqliteConnection.ClearPool((SqliteConnection)db.Database.GetDbConnection());
            }
            await using (var db = new RunBackDbContext(options))
            {
                await db.Database.OpenConnectionAsync();
                Assert.Equal(1, await PragmaAsync(db.Database.GetDbConnection(), "foreign_keys"));
                Assert.Equal(4321, await PragmaAsync(db.Database.GetDbConnection(), "busy_timeout"));
            }
            Assert.Equal(2, pragmas.Applied);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<long> PragmaAsync(DbConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
