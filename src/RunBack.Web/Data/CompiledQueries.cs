using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace RunBack.Web.Data;

/// <summary>
/// A query compiled once per EF model (EF refuses to run a compiled query against another model, and the tests run
/// SQLite and PostgreSQL apps in one process). A hot query compiled this way skips EF's per-call query-cache lookup.
/// </summary>
public sealed class CompiledQueries<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = new();

    public TQuery For(DbContext db)
    {
        var model = db.Model;
        if (_byModel.TryGetValue(model, out var query))
        {
            return query;
        }
        query = compile();
        return _byModel.TryAdd(model, query) ? query : _byModel.TryGetValue(model, out var other) ? other : query;
    }
}
