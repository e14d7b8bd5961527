using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RunBack.Data;
using RunBack.Web.Data;
using RunBack.Web.Features.Profiles;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>Start-up migrations on a database that already holds runners' data, made by the first migration.</summary>
public sealed class MigrationTests
{
    private const string FirstMigration = "20261122224121_InitialCreate";

    [Fact]
    public async Task Startup_DatabaseFromFirstMigrationWithRows_RowsSurviveAndStillOpen()
    {
        await using var factory = new RunBackFactory();
        var secret = ProfileSecrets.NewDeviceSecret();
        var sharedKey = Guid.NewGuid();
        var profile = Guid.NewGuid();
        var other = Guid.NewGuid();
        await using (var db = new RunBackDbContext(new DbContextOptionsBuilder<RunBackDbContext>()
            .UseSqlite($"Data Source={factory.DatabasePath};Pooling=False", o => o.MigrationsAssembly(DatabaseSetup.SqliteMigrations)).Options))
        {
            await db.GetService<IMigrator>().MigrateAsync(FirstMigration);
            Assert.Equal([FirstMigration], await db.Database.GetAppliedMigrationsAsync());
            await InsertProfileAsync(db, profile, ProfileSecrets.Hash(secret));
            await InsertProfileAsync(db, other, ProfileSecrets.Hash(ProfileSecrets.NewDeviceSecret()));
            // The old schema let one key into two profiles (a double-submitted first save): both rows must survive.
            await InsertCheckInAsync(db, profile, sharedKey, backPain: 3);
            await InsertCheckInAsync(db, profile, Guid.NewGuid(), backPain: 5);
            await InsertCheckInAsync(db, other, sharedKey, backPain: 3);
        }

        var client = factory.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add("Cookie", $"__Host-{ProfileCookie.Name}={secret}");
        var response = await client.GetAsync("/history/export.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal([3, 5], json.RootElement.GetProperty("checkIns").EnumerateArray().Select(c => c.GetProperty("backPain").GetInt32()).Order());
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        Assert.Equal(3L, await ScalarAsync(connection, "SELECT COUNT(*) FROM check_ins"));
        Assert.Equal(3L, await ScalarAsync(connection, "SELECT COUNT(DISTINCT IdempotencyKey) FROM check_ins"));
        Assert.Equal(2L, await ScalarAsync(connection, "SELECT COUNT(*) FROM profiles"));
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT COUNT(*) FROM pragma_foreign_key_check"));
        Assert.Equal("ok", await ScalarAsync(connection, "PRAGMA integrity_check"));
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'IX_check_ins_IdempotencyKey'"));
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>A GUID as EF Core's SQLite provider stores it: upper-case text.</summary>
    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static Task<int> InsertProfileAsync(RunBackDbContext db, Guid id, byte[] secretHash) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO profiles (Id, RecoveryHash, CreatedAt) VALUES ({Text(id)}, {SHA256.HashData(id.ToByteArray())}, 1795000000000);
            INSERT INTO device_keys (Id, ProfileId, SecretHash, CreatedAt) VALUES ({Text(Guid.NewGuid())}, {Text(id)}, {secretHash}, 1795000000000);
            """);

    private static Task<int> InsertCheckInAsync(RunBackDbContext db, Guid profile, Guid key, int backPain)
    {
        var answers = Answers.NoRisk().With("back_pain", backPain).ToJsonString();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(answers)));
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO check_ins (Id, ProfileId, CreatedAt, CheckInDate, IdempotencyKey, AnswersHash, ReleaseId, AnswersJson,
                BackPain, HipPain, Triage, HipComponent, FactorIds, GuidanceIds, FiredRuleIds)
            VALUES ({Text(Guid.NewGuid())}, {Text(profile)}, {1795000000000 + backPain}, '2026-11-20', {Text(key)}, {hash}, '2026.12.0', {answers},
                {backPain}, 0, 'self_care', 'unlikely', '', '', '');
            """);
    }
}
