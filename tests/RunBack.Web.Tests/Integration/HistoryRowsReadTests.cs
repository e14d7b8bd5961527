using System.Collections;
using System.Data;
using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RunBack.Web.Features.History;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// The history page's cost does not grow with the history (issue 28): with 1,000 check-ins over years, /history reads
/// the count, one page of the list and a bounded window of latest check-ins, counted as the rows the database hands
/// back for check_ins queries (never time).
/// </summary>
public sealed class HistoryRowsReadTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Many = 1000;

    /// <summary>The queries one view may send, the profile lookup and the page's own reads together (issue 28: each costs
    /// a round trip and EF's query pipeline; the extent's four became one).</summary>
    private const int MostQueries = 11;

    [Fact]
    public async Task ThousandCheckIns_HistoryReadsABoundedWindow_NotEveryRow()
    {
        await using var factory = new InterceptingFactory<RowCounter>();
        var runner = await HistoryLengthTests.RunnerWithAsync(factory, Many);

        factory.Interceptor.Reset();
        var html = WebUtility.HtmlDecode(await runner.GetStringAsync("/history"));
        output.WriteLine($"/history with {Many} check-ins: {factory.Interceptor.Queries} queries, {factory.Interceptor.Read} check-in rows read");
        Assert.InRange(factory.Interceptor.Queries, 1, MostQueries);

        // The window (at most MostCheckIns), a page of the list, the count and single rows: well under the history.
        Assert.InRange(factory.Interceptor.Read, 1, History.MostCheckIns + 2 * RunBack.Web.Features.CheckIns.CheckInService.PageSize);
        // What the page says of the whole history is still the whole history: its count, its first day, its pages.
        Assert.Contains($"{Many} check-ins from ", html, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 100", html, StringComparison.Ordinal);
        Assert.Contains($"Show all {Many} check-ins", html, StringComparison.Ordinal);
        Assert.Contains("These insights and the chart read your latest ", html, StringComparison.Ordinal);

        // An old page of the list reads that page, not the rows before it into memory.
        factory.Interceptor.Reset();
        var last = await runner.GetStringAsync("/history?page=100");
        Assert.Contains("Page 100 of 100", last, StringComparison.Ordinal);
        Assert.InRange(factory.Interceptor.Read, 1, History.MostCheckIns + 2 * RunBack.Web.Features.CheckIns.CheckInService.PageSize);

        // "Show all" reads every check-in, as it says.
        factory.Interceptor.Reset();
        await runner.GetStringAsync("/history?table=all");
        Assert.True(factory.Interceptor.Read >= Many, $"show all read {factory.Interceptor.Read} rows");
    }

    /// <summary>Counts the rows the database returns to queries on check_ins (each successful Read of their readers).</summary>
    internal sealed class RowCounter : DbCommandInterceptor
    {
        private int _read;
        private int _queries;

        public int Read => Volatile.Read(ref _read);

        /// <summary>Queries sent (any table) since the last <see cref="Reset"/>.</summary>
        public int Queries => Volatile.Read(ref _queries);

        public void Reset()
        {
            Interlocked.Exchange(ref _read, 0);
            Interlocked.Exchange(ref _queries, 0);
        }

        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) =>
            Wrap(command, result);

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
            CancellationToken cancellationToken = default) => ValueTask.FromResult(Wrap(command, result));

        private DbDataReader Wrap(DbCommand command, DbDataReader result)
        {
            Interlocked.Increment(ref _queries);
            return command.CommandText.Contains("\"check_ins\"", StringComparison.Ordinal) ? new CountingReader(result, this) : result;
        }

        private void Count() => Interlocked.Increment(ref _read);

        private sealed class CountingReader(DbDataReader inner, RowCounter counter) : DbDataReader
        {
            public override bool Read() => Counted(inner.Read());

            public override async Task<bool> ReadAsync(CancellationToken cancellationToken) => Counted(await inner.ReadAsync(cancellationToken));

            private bool Counted(bool read)
            {
                if (read)
                {
                    counter.Count();
                }
                return read;
            }

            public override object this[int ordinal] => inner[ordinal];
            public override object this[string name] => inner[name];
            public override int Depth => inner.Depth;
            public override int FieldCount => inner.FieldCount;
            public override bool HasRows => inner.HasRows;
            public override bool IsClosed => inner.IsClosed;
            public override int RecordsAffected => inner.RecordsAffected;
            public override bool GetBoolean(int ordinal) => inner.GetBoolean(ordinal);
            public override byte GetByte(int ordinal) => inner.GetByte(ordinal);
            public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => inner.GetBytes(ordinal, dataOffset, buffer, bufferOffset, length);
            public override char GetChar(int ordinal) => inner.GetChar(ordinal);
            public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => inner.GetChars(ordinal, dataOffset, buffer, bufferOffset, length);
            public override string GetDataTypeName(int ordinal) => inner.GetDataTypeName(ordinal);
            public override DateTime GetDateTime(int ordinal) => inner.GetDateTime(ordinal);
            public override decimal GetDecimal(int ordinal) => inner.GetDecimal(ordinal);
            public override double GetDouble(int ordinal) => inner.GetDouble(ordinal);
            public override IEnumerator GetEnumerator() => ((IEnumerable)inner).GetEnumerator();
            public override Type GetFieldType(int ordinal) => inner.GetFieldType(ordinal);
            public override T GetFieldValue<T>(int ordinal) => inner.GetFieldValue<T>(ordinal);
            public override float GetFloat(int ordinal) => inner.GetFloat(ordinal);
            public override Guid GetGuid(int ordinal) => inner.GetGuid(ordinal);
            public override short GetInt16(int ordinal) => inner.GetInt16(ordinal);
            public override int GetInt32(int ordinal) => inner.GetInt32(ordinal);
            public override long GetInt64(int ordinal) => inner.GetInt64(ordinal);
            public override string GetName(int ordinal) => inner.GetName(ordinal);
            public override int GetOrdinal(string name) => inner.GetOrdinal(name);
            public override string GetString(int ordinal) => inner.GetString(ordinal);
            public override object GetValue(int ordinal) => inner.GetValue(ordinal);
            public override int GetValues(object[] values) => inner.GetValues(values);
            public override bool IsDBNull(int ordinal) => inner.IsDBNull(ordinal);
            public override Task<bool> IsDBNullAsync(int ordinal, CancellationToken cancellationToken) => inner.IsDBNullAsync(ordinal, cancellationToken);
            public override bool NextResult() => inner.NextResult();
            public override Task<bool> NextResultAsync(CancellationToken cancellationToken) => inner.NextResultAsync(cancellationToken);
            public override DataTable? GetSchemaTable() => inner.GetSchemaTable();
            public override void Close() => inner.Close();

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    inner.Dispose();
                }
                base.Dispose(disposing);
            }
        }
    }
}
