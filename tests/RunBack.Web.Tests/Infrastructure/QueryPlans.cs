using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RunBack.Web.Tests.Infrastructure;

/// <summary>
/// Asks SQLite how it would run each query on check_ins (EXPLAIN QUERY PLAN, same parameters) before it runs. SQLite's
/// plan names each table access: SEARCH (an index seek) or SCAN (every row, or every index entry).
/// </summary>
internal sealed class QueryPlans : DbCommandInterceptor
{
    private readonly List<(string Sql, IReadOnlyList<string> Steps)> _queries = [];

    /// <summary>Every step of every plan, in order.</summary>
    public List<string> Steps { get; } = [];

    public int Queries
    {
        get
        {
            lock (_queries)
            {
                return _queries.Count;
            }
        }
    }

    /// <summary>The plan of each query whose SQL contains <paramref name="text"/>.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Of(string text)
    {
        lock (_queries)
        {
            return [.. _queries.Where(q => q.Sql.Contains(text, StringComparison.Ordinal)).Select(q => q.Steps)];
        }
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (!command.CommandText.Contains("check_ins", StringComparison.Ordinal))
        {
            return result;
        }
        await using var explain = command.Connection!.CreateCommand();
        explain.Transaction = command.Transaction;
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        foreach (DbParameter parameter in command.Parameters)
        {
            var copy = explain.CreateParameter();
            copy.ParameterName = parameter.ParameterName;
            copy.Value = parameter.Value;
            explain.Parameters.Add(copy);
        }
        var steps = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                steps.Add(reader.GetString(3));
            }
        }
        lock (_queries)
        {
            _queries.Add((command.CommandText, steps));
            Steps.AddRange(steps);
        }
        return result;
    }
}
