using Microsoft.EntityFrameworkCore;

using RunBack.Data;

namespace RunBack.Web.Data;

/// <summary>
/// One writer at a time inside this process, on SQLite only. SQLite lets one connection write at once; the others
/// get "busy" and poll with sleeps (SQLite's busy handler, then Microsoft.Data.Sqlite's retry), so 50 runners saving
/// at once waited in sleeps of up to 100 ms and more. Queued here instead, each write starts the moment the one before
/// it commits, in arrival order. PostgreSQL takes concurrent writes: there the gate lets everyone through. (SQLite is
/// for one app instance; several instances use PostgreSQL, see the README.)
/// <para>
/// Saves go through <see cref="SaveAsync"/>: group commit. A save joins the queue; the first writer to get the turn
/// takes what is waiting (up to <see cref="MaxBatch"/>) and commits it in one transaction, so on a busy app one commit
/// (one fsync) carries many saves and throughput rises with load instead of latency. Each caller is answered only
/// after the commit that holds its save (a crash before that loses only unanswered saves), and gets its own outcome:
/// if the batch fails, its members are tried again one at a time, so one bad save (a forgotten profile, a reused key)
/// fails alone with its own error. Two saves with the same idempotency key never share a batch: the second waits for
/// the next commit and meets the first one's row through the unique index, as it did before.
/// </para>
/// </summary>
public sealed class WriteGate(bool serialize, IDbContextFactory<RunBackDbContext>? dbFactory = null) : IDisposable
{
    /// <summary>The most saves one commit takes: bounds the transaction (and the time the others wait behind it).</summary>
    public const int MaxBatch = 64;

    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly Queue<PendingSave> _queue = new();
    private long _commits;
    private long _saves;

    public bool Serializes { get; } = serialize;

    /// <summary>Saves waiting in the queue for a commit (not yet taken by a writer).</summary>
    public int Waiting
    {
        get
        {
            lock (_queue)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Commits made through <see cref="SaveAsync"/> (a batch counts once, each one-at-a-time retry once).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Saves committed through <see cref="SaveAsync"/>.</summary>
    public long Saves => Interlocked.Read(ref _saves);

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

    /// <summary>
    /// Adds what <paramref name="add"/> puts in a context and commits it, alone or with other waiting saves. Returns once
    /// committed; throws the save's own error (a <see cref="DbUpdateException"/>, a storage failure) otherwise.
    /// <paramref name="add"/> may run more than once (on a fresh context each time), so it only adds the same entities.
    /// </summary>
    public async Task SaveAsync(Action<RunBackDbContext> add, Guid idempotencyKey, CancellationToken cancellationToken = default)
    {
        var factory = dbFactory ?? throw new InvalidOperationException("This gate was made without a database factory.");
        if (!Serializes)
        {
            await CommitAloneAsync(factory, add, cancellationToken);
            return;
        }
        var save = new PendingSave(add, idempotencyKey);
        lock (_queue)
        {
            _queue.Enqueue(save);
        }
        try
        {
            await _one.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (!save.TryCancel())
        {
            // A writer took this save already: its outcome follows, whatever the caller wanted.
            await save.Outcome;
            return;
        }
        try
        {
            // Another writer may have committed this save while this caller waited; otherwise lead until it is done.
            while (!save.Outcome.IsCompleted)
            {
                await CommitWaitingAsync(factory);
            }
        }
        finally
        {
            _one.Release();
        }
        await save.Outcome;
    }

    /// <summary>Takes what waits (in order, up to the limit, no key twice) and commits it; runs holding the turn.</summary>
    private async Task CommitWaitingAsync(IDbContextFactory<RunBackDbContext> factory)
    {
        var batch = new List<PendingSave>();
        lock (_queue)
        {
            var keys = new HashSet<Guid>();
            var later = new List<PendingSave>();
            while (_queue.Count > 0 && batch.Count < MaxBatch)
            {
                var next = _queue.Dequeue();
                if (keys.Contains(next.IdempotencyKey))
                {
                    later.Add(next);
                }
                else if (next.TryTake())
                {
                    keys.Add(next.IdempotencyKey);
                    batch.Add(next);
                }
            }
            // Same-key saves go first next time, before anything that came after them.
            foreach (var waiting in _queue)
            {
                later.Add(waiting);
            }
            _queue.Clear();
            foreach (var waiting in later)
            {
                _queue.Enqueue(waiting);
            }
        }
        if (batch.Count == 0)
        {
            return;
        }
        if (batch.Count > 1)
        {
            try
            {
                await using var db = await factory.CreateDbContextAsync(CancellationToken.None);
                foreach (var save in batch)
                {
                    save.Add(db);
                }
                await db.SaveChangesAsync(CancellationToken.None);
                Committed(batch.Count);
                foreach (var save in batch)
                {
                    save.Succeed();
                }
                return;
            }
            catch (Exception)
            {
                // Rolled back as a whole: each member again on its own, so only the bad one fails, with its own error.
            }
        }
        foreach (var save in batch)
        {
            try
            {
                await CommitAloneAsync(factory, save.Add, CancellationToken.None);
                save.Succeed();
            }
            catch (Exception ex)
            {
                save.Fail(ex);
            }
        }
    }

    private async Task CommitAloneAsync(IDbContextFactory<RunBackDbContext> factory, Action<RunBackDbContext> add, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        add(db);
        await db.SaveChangesAsync(cancellationToken);
        Committed(1);
    }

    private void Committed(int saves)
    {
        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _saves, saves);
    }

    public void Dispose() => _one.Dispose();

    public readonly struct Turn(SemaphoreSlim? held) : IDisposable
    {
        public void Dispose() => held?.Release();
    }

    private sealed class PendingSave(Action<RunBackDbContext> add, Guid idempotencyKey)
    {
        private const int Queued = 0, Taken = 1, Cancelled = 2;
        private readonly TaskCompletionSource _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _state;

        public Action<RunBackDbContext> Add { get; } = add;

        public Guid IdempotencyKey { get; } = idempotencyKey;

        public Task Outcome => _outcome.Task;

        /// <summary>A writer takes it for a commit; false when its caller gave up first.</summary>
        public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;

        /// <summary>Its caller gives up; false when a writer took it first (then the outcome follows).</summary>
        public bool TryCancel()
        {
            if (Interlocked.CompareExchange(ref _state, Cancelled, Queued) != Queued)
            {
                return false;
            }
            _outcome.TrySetCanceled();
            return true;
        }

        public void Succeed() => _outcome.TrySetResult();

        public void Fail(Exception error) => _outcome.TrySetException(error);
    }
}
