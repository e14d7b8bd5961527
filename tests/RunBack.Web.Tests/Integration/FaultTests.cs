using System.Data.Common;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RunBack.Data;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>Storage faults: the runner is told plainly, keeps their answers, and the rest of the site keeps working.</summary>
public sealed class FaultTests
{
    /// <summary>Makes every write fail the way SQLite reports a read-only file (8) or a full disk (13).</summary>
    private sealed class FailingWrites(int sqliteError) : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            throw new DbUpdateException("write failed", new SqliteException(sqliteError == 8 ? "attempt to write a readonly database" : "database or disk is full", sqliteError));
    }

    private sealed class FailingFactory(int sqliteError) : RunBackFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddDbContextFactory<RunBackDbContext>((_, options) => options.AddInterceptors(new FailingWrites(sqliteError))));
        }
    }

    [Theory]
    [InlineData(8)]
    [InlineData(13)]
    public async Task ReadOnlyOrFullDisk_SaveSaysSoAndKeepsAnswers_SiteStillWorks(int sqliteError)
    {
        await using var factory = new FailingFactory(sqliteError);
        var client = factory.CreateBrowserLikeClient();
        var answers = Answers.HipPattern();

        var response = await CheckInClient.SaveAsync(client, answers);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("We could not save your check-in just now", html, StringComparison.Ordinal);
        Assert.Contains("Nothing was saved", html, StringComparison.Ordinal);
        Assert.Contains(answers.ToJsonString(), html, StringComparison.Ordinal);
        Assert.Contains("Try again", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/history")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/check")).StatusCode);
    }

    /// <summary>Notes when the app's save starts its insert and when its changes are saved, in order with the test's own steps.</summary>
    private sealed class WriterEvents : DbCommandInterceptor, ISaveChangesInterceptor
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Order { get; } = new();

        public TaskCompletionSource TransactionStarting { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Starting(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Starting(command);
            return ValueTask.FromResult(result);
        }

        private void Starting(DbCommand command)
        {
            if (command.CommandText.Contains("INSERT INTO \"check_ins\"", StringComparison.Ordinal))
            {
                Order.Enqueue("app writer starts");
                TransactionStarting.TrySetResult();
            }
        }

        public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Order.Enqueue("app writer saved");
            return ValueTask.FromResult(result);
        }
    }

    private sealed class WriterEventsFactory(WriterEvents events) : RunBackFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddDbContextFactory<RunBackDbContext>((_, options) => options.AddInterceptors(events)));
        }
    }

    [Fact]
    public async Task DatabaseLockedByAnotherWriter_BusyTimeoutRidesItOut()
    {
        var events = new WriterEvents();
        await using var factory = new WriterEventsFactory(events);
        var client = factory.CreateBrowserLikeClient();
        await CheckInClient.SaveOkAsync(client, Answers.NoRisk());
        events.Order.Clear();
        events.TransactionStarting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await using var blocker = new SqliteConnection($"Data Source={factory.DatabasePath}");
        await blocker.OpenAsync();
        await using (var begin = blocker.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE; INSERT INTO profiles (Id, RecoveryHash, CreatedAt) VALUES ('blocker', x'00', 0);";
            await begin.ExecuteNonQueryAsync();
        }
        var save = CheckInClient.SaveAsync(client, Answers.NoRisk().With("back_pain", 5));
        // Wait for the real condition: the app's writer has started its insert while the blocker holds the lock.
        await events.TransactionStarting.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(save.IsCompleted, "The save finished while another writer held the database.");
        events.Order.Enqueue("blocker rolls back");
        await using (var rollback = blocker.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync();
        }

        var response = await save;

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["app writer starts", "blocker rolls back", "app writer saved"], events.Order);
        Assert.Equal(3, (await client.GetStringAsync("/history/export.csv")).Trim().Split("\r\n").Length);
    }

    /// <summary>
    /// Copies the database files at the instant before the save's transaction commits and just after: exactly what a
    /// process killed at that moment leaves on disk.
    /// </summary>
    private sealed class CrashSnapshots(string databasePath, string directory) : DbTransactionInterceptor
    {
        public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            Snapshot("before-commit");
            return await base.TransactionCommittingAsync(transaction, eventData, result, cancellationToken);
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Snapshot("after-commit");
            return Task.CompletedTask;
        }

        private void Snapshot(string name)
        {
            var target = Path.Combine(directory, name);
            Directory.CreateDirectory(target);
            foreach (var suffix in new[] { "", "-wal" })
            {
                if (File.Exists(databasePath + suffix))
                {
                    using var source = new FileStream(databasePath + suffix, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                    using var copy = File.Create(Path.Combine(target, "runback.db" + suffix));
                    source.CopyTo(copy);
                }
            }
        }
    }

    private sealed class CrashFactory : RunBackFactory
    {
        public string SnapshotDirectory => Path.Combine(Directory, "snapshots");

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddDbContextFactory<RunBackDbContext>((_, options) =>
                options.AddInterceptors(new CrashSnapshots(DatabasePath, SnapshotDirectory))));
        }
    }

    [Fact]
    public async Task KilledMidSave_DatabaseConsistent_CheckInWhollyThereOrAbsent()
    {
        await using var factory = new CrashFactory();
        var client = factory.CreateBrowserLikeClient();

        // A first save creates the profile and the check-in in one transaction.
        await CheckInClient.SaveOkAsync(client, Answers.RedFlag());

        foreach (var (snapshot, expected) in new[] { ("before-commit", 0L), ("after-commit", 1L) })
        {
            var path = Path.Combine(factory.SnapshotDirectory, snapshot, "runback.db");
            await using var db = new SqliteConnection($"Data Source={path};Pooling=False");
            await db.OpenAsync();
            Assert.Equal("ok", await Scalar(db, "PRAGMA integrity_check;"));
            Assert.Equal(expected, await Scalar(db, "SELECT COUNT(*) FROM check_ins;"));
            Assert.Equal(expected, await Scalar(db, "SELECT COUNT(*) FROM profiles;"));
            Assert.Equal(expected, await Scalar(db, "SELECT COUNT(*) FROM device_keys;"));
        }
    }

    private static async Task<object?> Scalar(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
