using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RunBack.Web.Data;

/// <summary>
/// Sets the busy timeout, foreign keys, synchronous=NORMAL and secure delete (deleted rows are overwritten) on every SQLite
/// connection. All four belong to the connection and stay set while the pool keeps it, so they are run once per real
/// connection (SQLite handle), not at every open from the pool: a save opens a connection three to five times, and the
/// four statements were run each time. A connection reopened after a storage failure is a new handle and gets them again.
/// </summary>
internal sealed class SqlitePragmas(int busyTimeoutMilliseconds) : DbConnectionInterceptor
{
    private readonly ConditionalWeakTable<object, object> _configured = [];
    private long _applied;

    /// <summary>How many times the pragmas were run (once per real connection this interceptor saw opened).</summary>
    public long Applied => Interlocked.Read(ref _applied);

    private string Pragmas => $"PRAGMA busy_timeout={busyTimeoutMilliseconds}; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        StorageRecovery.ReopenIfReadOnly(connection);
        if (NeedsPragmas(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            Configured(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        StorageRecovery.ReopenIfReadOnly(connection);
        if (NeedsPragmas(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            Configured(connection);
        }
    }

    private bool NeedsPragmas(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || !_configured.TryGetValue(handle, out _);

    /// <summary>Remembered only after the pragmas ran: a failure on the way leaves the handle to be set up at its next open.</summary>
    private void Configured(DbConnection connection)
    {
        Interlocked.Increment(ref _applied);
        if (connection is SqliteConnection { Handle: { } handle })
        {
            _configured.AddOrUpdate(handle, handle);
        }
    }
}
