using Microsoft.Data.Sqlite;

namespace RunBack.LoadHarness;

/// <summary>
/// Start to ready of the published app (issue 28): from starting the process to /healthz/ready answering 200, the
/// median of several starts, for a fresh database, an existing small one and an existing one with 1,000 profiles and
/// 50,000 check-ins (filled with SQL, not through the form: only its size matters here). Budget: 1 s with an existing
/// database. Each start is stopped before the next. Beside the wall time, the app's own CPU time at ready (user +
/// system, from /proc): steadier than the wall time on a shared machine.
/// </summary>
internal static class Startup
{
    public static async Task RunAsync(string publishFolder, HarnessOptions options, Table table)
    {
        var starts = options.Mode == HarnessMode.Full ? 5 : 1;
        var folder = Path.Combine(options.WorkFolder, "startup");
        Directory.CreateDirectory(folder);

        var fresh = new List<(TimeSpan Wall, TimeSpan Cpu)>();
        for (var i = 0; i < starts; i++)
        {
            fresh.Add(await StartOnceAsync(publishFolder, options, Path.Combine(folder, $"fresh-{i}.db")));
        }
        Add(table, "start to ready, fresh database", fresh, budget: null);

        // The first fresh database, now migrated by this build, is the existing small one.
        var small = Path.Combine(folder, "small.db");
        await CopyAsync(Path.Combine(folder, "fresh-0.db"), small);
        Add(table, "start to ready, existing small database", await StartsAsync(publishFolder, options, small, starts), budget: 1000);

        var checkIns = options.Mode == HarnessMode.Smoke ? 500 : 50_000;
        var large = Path.Combine(folder, "large.db");
        await CopyAsync(small, large);
        await FillAsync(large, profiles: Math.Max(1, checkIns / 50), checkIns);
        Add(table, $"start to ready, existing database of {checkIns:N0} check-ins", await StartsAsync(publishFolder, options, large, starts), budget: 1000);
    }

    /// <summary>Copies a database with SQLite's backup, which includes what is still in its write-ahead log.</summary>
    private static async Task CopyAsync(string from, string to)
    {
        await using var source = new SqliteConnection($"Data Source={from};Pooling=False");
        await using var target = new SqliteConnection($"Data Source={to};Pooling=False");
        await source.OpenAsync();
        await target.OpenAsync();
        source.BackupDatabase(target);
    }

    private static async Task<List<(TimeSpan Wall, TimeSpan Cpu)>> StartsAsync(string publishFolder, HarnessOptions options, string database, int starts)
    {
        var times = new List<(TimeSpan Wall, TimeSpan Cpu)>();
        for (var i = 0; i < starts; i++)
        {
            times.Add(await StartOnceAsync(publishFolder, options, database));
        }
        return times;
    }

    private static async Task<(TimeSpan Wall, TimeSpan Cpu)> StartOnceAsync(string publishFolder, HarnessOptions options, string database)
    {
        await using var app = await AppUnderTest.StartAsync(publishFolder, options, database);
        return (app.StartedIn, app.CpuTime());
    }

    private static void Add(Table table, string measure, List<(TimeSpan Wall, TimeSpan Cpu)> times, int? budget)
    {
        var sorted = times.Select(t => t.Wall.TotalMilliseconds).Order().ToList();
        var median = sorted[sorted.Count / 2];
        var cpu = times.Select(t => t.Cpu.TotalMilliseconds).Order().ToList();
        table.Add(measure,
            string.Create(Table.Invariant, $"median {median:F0} ms of {sorted.Count} (range {sorted[0]:F0}-{sorted[^1]:F0} ms), app CPU at ready median {cpu[cpu.Count / 2]:F0} ms"),
            budget is { } ms ? string.Create(Table.Invariant, $"<= {ms} ms") : "-",
            budget is { } limit ? median <= limit : null);
    }

    /// <summary>Adds profiles and check-ins spread over three published releases, with answers of a realistic size.</summary>
    private static async Task FillAsync(string database, int profiles, int checkIns)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $profiles)
            INSERT INTO profiles (Id, RecoveryHash, CreatedAt, Country, LastActiveAt)
            SELECT upper(hex(randomblob(16))), randomblob(32), 1764547200000, 'GB', 1764547200000 FROM n;
            CREATE TEMP TABLE harness_profiles AS SELECT row_number() OVER () - 1 AS i, Id FROM profiles;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $checkIns)
            INSERT INTO check_ins (Id, ProfileId, CreatedAt, CheckInDate, IdempotencyKey, AnswersHash, ReleaseId, AnswersJson,
                BackPain, HipPain, Triage, HipComponent, FactorIds, GuidanceIds, FiredRuleIds)
            SELECT upper(hex(randomblob(16))), (SELECT Id FROM harness_profiles WHERE harness_profiles.i = n.i % $profiles),
                1764547200000 + n.i * 1000, '2026-11-01', upper(hex(randomblob(16))), hex(randomblob(16)),
                CASE n.i % 3 WHEN 0 THEN '2026.11.0' WHEN 1 THEN '2027.2.0' ELSE '2027.4.0' END,
                '{"pain_now":3,"notes":"' || hex(randomblob(200)) || '"}', 3, 1, 'self_care', 'none', '', '', ''
            FROM n;
            """;
        command.Parameters.AddWithValue("$profiles", profiles);
        command.Parameters.AddWithValue("$checkIns", checkIns);
        await command.ExecuteNonQueryAsync();
    }
}
