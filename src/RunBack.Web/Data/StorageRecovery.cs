using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RunBack.Web.Data;

/// <summary>
/// Lets the app recover from a read-only or full disk without a restart. SQLite opens a file it may not write as a
/// read-only connection, and the pool keeps that connection for good: every later write fails even once the disk is
/// writable again. So a storage failure empties the pool (open connections are dropped when returned), and a pooled
/// connection that turns out to be read-only is reopened before use.
/// </summary>
internal sealed class StorageRecovery : DbCommandInterceptor, IDbTransactionInterceptor
{
    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Reset(command.Connection, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Reset(command.Connection, eventData.Exception);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Reset(transaction.Connection, eventData.Exception);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Reset(transaction.Connection, eventData.Exception);
        return Task.CompletedTask;
    }

    private static void Reset(DbConnection? connection, Exception exception)
    {
        if (connection is SqliteConnection sqlite && StorageErrors.IsStorageFailure(exception) && !StorageErrors.IsBusy(exception))
        {
            SqliteConnection.ClearPool(sqlite);
        }
    }

    /// <summary>
    /// True when SQLite opened the main database read-only (it falls back to that when the file cannot be opened for
    /// writing). Such a connection must not be reused once the disk is writable again.
    /// </summary>
    public static bool IsReadOnly(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && SQLitePCL.raw.sqlite3_db_readonly(handle, "main") == 1;

    /// <summary>Replaces a pooled read-only connection with a fresh one (read-only again only if the disk still is).</summary>
    public static void ReopenIfReadOnly(DbConnection connection)
    {
        if (IsReadOnly(connection))
        {
            SqliteConnection.ClearPool((SqliteConnection)connection);
            connection.Close();
            connection.Open();
        }
    }
}
