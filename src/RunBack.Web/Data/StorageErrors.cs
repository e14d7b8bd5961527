using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace RunBack.Web.Data;

/// <summary>
/// The one place that knows what a database error means, so features never look at provider error codes.
/// SQLite today: 19 is a constraint violation; busy, locked, read-only, I/O, full and cannot-open are storage failures.
/// </summary>
public static class StorageErrors
{
    private const int SqliteConstraint = 19;

    private const int SqliteConstraintForeignKey = 787;

    /// <summary>A unique index refused the row: another request saved the same thing first.</summary>
    public static bool IsUniqueViolation(Exception ex) =>
        ex is DbUpdateException { InnerException: SqliteException { SqliteErrorCode: SqliteConstraint } sqlite }
        && sqlite.SqliteExtendedErrorCode != SqliteConstraintForeignKey;

    /// <summary>The row's parent is gone (a check-in saved while its profile was being forgotten).</summary>
    public static bool IsMissingParent(Exception ex) =>
        ex is DbUpdateException { InnerException: SqliteException { SqliteExtendedErrorCode: SqliteConstraintForeignKey } };

    /// <summary>The storage itself failed (locked, read-only, full, gone): nothing was written and trying later may work.</summary>
    public static bool IsStorageFailure(Exception ex) =>
        Sqlite(ex) is not null || ex is IOException || ex is UnauthorizedAccessException;

    /// <summary>Another writer held the database past the busy timeout: the storage itself is fine.</summary>
    public static bool IsBusy(Exception ex) => Sqlite(ex) is { SqliteErrorCode: 5 or 6 };

    /// <summary>A short kind for the log ("sqlite 13", "IOException"), never the message, which may hold a path.</summary>
    public static string Kind(Exception ex) =>
        Sqlite(ex) is { } sqlite ? "sqlite " + sqlite.SqliteErrorCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : ex.GetType().Name;

    private static SqliteException? Sqlite(Exception ex) => ex as SqliteException ?? ex.InnerException as SqliteException;
}
