using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RunBack.Data;
using RunBack.Web.Data;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// The D_HistoryColumns migration fills the history columns of check-ins saved before it from their answers JSON, on
/// SQLite (json_extract) and on PostgreSQL (jsonb): numbers only, the PEG total only with all three items in 0-10, and
/// a row whose JSON does not read keeps nulls instead of failing the migration.
/// </summary>
public sealed class HistoryColumnsMigrationTests
{
    private const string Before = "20261207100000_A_ResultSnapshot";

    /// <summary>Back pain numbers the rows; the JSON as an old save stored it; the columns expected after the migration.</summary>
    private static readonly (int Back, string Json, string Expected)[] Rows =
    [
        (1, """{"back_pain":1,"distance_unit":"miles","distance_week_1":21.5,"distance_week_2":18,"shoe_distance":300,"peg_pain":4,"peg_enjoyment":5,"peg_activity":4}""",
            "1|21.5|18|||miles|300|13"),
        (2, """{"back_pain":2,"distance_unit":"km","distance_week_1":30,"distance_week_2":30,"distance_week_3":28,"distance_week_4":25,"peg_pain":4}""",
            "2|30|30|28|25|km||"),
        (3, "not json {", "3|||||||"),
        (4, """{"back_pain":4,"distance_week_1":"thirty","peg_pain":11,"peg_enjoyment":5,"peg_activity":4}""", "4|||||||"),
        (5, "[1, 2]", "5|||||||"),
    ];

    private const string Columns = "BackPain, DistanceWeek1, DistanceWeek2, DistanceWeek3, DistanceWeek4, DistanceUnit, ShoeDistance, PegTotal";

    [Fact]
    public async Task Sqlite_OldRows_ColumnsFilledFromJson_UnreadableJsonLeftEmpty()
    {
        var folder = Directory.CreateTempSubdirectory("runback-migration-");
        var path = Path.Combine(folder.FullName, "runback.db");
        try
        {
            var options = new DbContextOptionsBuilder<RunBackDbContext>()
                .UseSqlite($"Data Source={path};Pooling=False", o => o.MigrationsAssembly(DatabaseSetup.SqliteMigrations)).Options;
            await using (var db = new RunBackDbContext(options))
            {
                await db.GetService<IMigrator>().MigrateAsync(Before);
                var profile = Guid.NewGuid().ToString().ToUpperInvariant();
                await db.Database.ExecuteSqlAsync($"INSERT INTO profiles (Id, RecoveryHash, CreatedAt) VALUES ({profile}, {Guid.NewGuid().ToByteArray()}, 1795000000000)");
                foreach (var (back, json, _) in Rows)
                {
                    await db.Database.ExecuteSqlAsync($"""
                        INSERT INTO check_ins (Id, ProfileId, CreatedAt, CheckInDate, IdempotencyKey, AnswersHash, ReleaseId, AnswersJson,
                            BackPain, HipPain, Triage, HipComponent, FactorIds, GuidanceIds, FiredRuleIds)
                        VALUES ({Guid.NewGuid().ToString().ToUpperInvariant()}, {profile}, {1795000000000 + back}, '2026-11-20',
                            {Guid.NewGuid().ToString().ToUpperInvariant()}, 'h', '2027.2.0', {json}, {back}, 0, 'self_care', 'none', '', '', '')
                        """);
                }
                await db.Database.MigrateAsync();
            }

            await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {Columns} FROM check_ins ORDER BY BackPain";
            await using var reader = await command.ExecuteReaderAsync();
            var lines = new List<string>();
            while (await reader.ReadAsync())
            {
                lines.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount)
                    .Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
            }
            Assert.Equal(Rows.Select(r => r.Expected), lines);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Postgres_OldRows_ColumnsFilledFromJson_UnreadableJsonLeftEmpty()
    {
        var connectionString = PostgresCluster.CreateDatabase();
        var database = new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database!;
        var options = new DbContextOptionsBuilder<RunBackDbContext>()
            .UseNpgsql(connectionString, o => o.MigrationsAssembly(DatabaseSetup.PostgresMigrations)).Options;
        await using (var db = new RunBackDbContext(options))
        {
            await db.GetService<IMigrator>().MigrateAsync(Before);
        }
        var profile = Guid.NewGuid();
        var inserts = string.Join('\n', Rows.Select(r => $"""
            INSERT INTO check_ins ("Id", "ProfileId", "CreatedAt", "CheckInDate", "IdempotencyKey", "AnswersHash", "ReleaseId", "AnswersJson",
                "BackPain", "HipPain", "Triage", "HipComponent", "FactorIds", "GuidanceIds", "FiredRuleIds")
            VALUES (gen_random_uuid(), '{profile}', now(), '2026-11-20', gen_random_uuid(), 'h', '2027.2.0', '{r.Json.Replace("'", "''", StringComparison.Ordinal)}',
                {r.Back}, 0, 'self_care', 'none', '', '', '');
            """));
        PostgresCluster.Sql(database, $"""
            INSERT INTO profiles ("Id", "RecoveryHash", "CreatedAt") VALUES ('{profile}', '\x00', now());
            {inserts}
            """);

        await using (var db = new RunBackDbContext(options))
        {
            await db.Database.MigrateAsync();
        }

        var quoted = string.Join(", ", Columns.Split(", ").Select(c => $"\"{c}\""));
        var lines = PostgresCluster.Sql(database, $"SELECT {quoted} FROM check_ins ORDER BY \"BackPain\"").Split('\n');
        Assert.Equal(Rows.Select(r => r.Expected), lines);
    }
}
