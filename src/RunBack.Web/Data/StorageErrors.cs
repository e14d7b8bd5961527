using System.Globalization;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace RunBack.Web.Data;

/// <summary>
/// The one place that knows what a database error means, so features never look at provider error codes.
/// SQLite: 19 is a constraint violation; busy, locked, read-only, I/O, full and cannot-open are storage failures.
/// PostgreSQL: SQLSTATE 23505 is a unique violation; a lost connection, a server shutting down, too many connections,
/// a full disk or a serialization/deadlock abort are storage failures (Npgsql reports them as NpgsqlException).
/// </summary>
public static class StorageErrors
{
    private const int SqliteConstraint = 19;

    private const int SqliteConstraintForeignKey = 787;

    /// <summary>A unique index refused the row: another request saved the same thing first.</summary>
    public static bool IsUniqueViolation(Exception ex) => ex is DbUpdateException
    {
        InnerException: SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: not SqliteConstraintForeignKey }
            or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation },
    };

    /// <summary>The row's parent is gone (a check-in saved while its profile was being forgotten).</summary>
    public static bool IsMissingParent(Exception ex) => ex is DbUpdateException
    {
        InnerException: SqliteException { SqliteExtendedErrorCode: SqliteConstraintForeignKey }
            or PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation },
    };

    /// <summary>The storage itself failed (locked, read-only, full, gone): nothing was written and trying later may work.</summary>
    public static bool IsStorageFailure(Exception ex) =>
        Sqlite(ex) is not null || Postgres(ex) is not null || Find<IOException>(ex) is not null
        || Find<UnauthorizedAccessException>(ex) is not null || Find<SocketException>(ex) is not null;

    /// <summary>Another writer held the database past the busy timeout (SQLite 5/6): the storage itself is fine.</summary>
    public static bool IsBusy(Exception ex) => Sqlite(ex) is { SqliteErrorCode: 5 or 6 };

    /// <summary>A short kind for the log ("sqlite 13", "postgres 53100", "IOException"), never the message, which may hold a path.</summary>
    public static string Kind(Exception ex) => ex switch
    {
        _ when Sqlite(ex) is { } sqlite => "sqlite " + sqlite.SqliteErrorCode.ToString(CultureInfo.InvariantCulture),
        _ when Postgres(ex) is PostgresException { } server => "postgres " + server.SqlState,
        _ when Postgres(ex) is not null => "postgres connection",
        _ => ex.GetType().Name,
    };

    private static SqliteException? Sqlite(Exception ex) => Find<SqliteException>(ex);

    private static NpgsqlException? Postgres(Exception ex) => Find<NpgsqlException>(ex);

    /// <summary>
    /// The provider's error anywhere in the chain: EF's retry strategy, a render error or an aggregate can wrap it more than
    /// one level deep (a PostgreSQL stop under load gave styled 500s on /history where a 503 was meant).
    /// </summary>
    private static T? Find<T>(Exception ex) where T : Exception
    {
        for (var (e, depth) = (ex, 0); e is not null && depth < 8; depth++)
        {
            if (e is T found)
            {
                return found;
            }

            e = e is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : e.InnerException;
        }

        return null;
    }
}
