namespace RunBack.Web.Data;

/// <summary>
/// One writer at a time inside this process, on SQLite only. SQLite lets one connection write at once; the others
/// get "busy" and poll with sleeps (SQLite's busy handler, then Microsoft.Data.Sqlite's retry), so 50 runners saving
/// at once waited in sleeps of up to 100 ms and more. Queued here instead, each save starts the moment the one before
/// it commits, in arrival order. PostgreSQL takes concurrent writes: there the gate lets everyone through. (SQLite is
/// for one app instance; several instances use PostgreSQL, see the README.)
/// </summary>
public sealed class WriteGate(bool serialize) : IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);

    public bool Serializes { get; } = serialize;

    /// <summary>Waits for the turn to write; dispose the result once the write has committed or failed.</summary>
    public async ValueTask<Turn> EnterAsync(CancellationToken cancellationToken = default)
    {
        if (!Serializes)
        {
            return default;
        }
        await _one.WaitAsync(cancellationToken);
        return new Turn(_one);
    }

    public void Dispose() => _one.Dispose();

    public readonly struct Turn(SemaphoreSlim? held) : IDisposable
    {
        public void Dispose() => held?.Release();
    }
}
