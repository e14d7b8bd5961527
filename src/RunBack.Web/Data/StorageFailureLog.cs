namespace RunBack.Web.Data;

/// <summary>
/// Known storage failures (read-only, full or unreachable storage; see <see cref="StorageErrors"/>) logged once per
/// <see cref="Interval"/> with a count, never once per request: an outage under load would otherwise write thousands
/// of identical lines. The first failure of a period is logged at once (Error, its kind and what failed); the others
/// are counted and reported in one line when the next period's first failure comes, or when the period ends.
/// EF Core's own error events for the same failure are at Debug (DatabaseSetup), so each failed request adds nothing more.
/// </summary>
public sealed partial class StorageFailureLog(ILogger<StorageFailureLog> logger, TimeProvider clock, Common.RunBackMetrics metrics) : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private DateTimeOffset _periodStart = DateTimeOffset.MinValue;
    private int _suppressed;
    private string _lastKind = "";
    private ITimer? _flush;

    /// <summary>Reports one failure: logged now if it is the first of its period, else counted.</summary>
    public void Failed(string what, string kind)
    {
        metrics.StorageError(kind); // every failure is counted; only the log is once per period
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (now - _periodStart < Interval)
            {
                _suppressed++;
                _lastKind = kind;
                return;
            }
            FlushLocked();
            _periodStart = now;
            _flush ??= clock.CreateTimer(_ => Flush(), null, Interval, Interval);
        }
        FirstFailure(logger, what, kind, (int)Interval.TotalSeconds);
    }

    private void Flush()
    {
        lock (_lock)
        {
            FlushLocked();
        }
    }

    private void FlushLocked()
    {
        if (_suppressed > 0)
        {
            MoreFailures(logger, _suppressed, (int)Interval.TotalSeconds, _lastKind);
            _suppressed = 0;
        }
    }

    public void Dispose()
    {
        Flush();
        _flush?.Dispose();
    }

    [LoggerMessage(EventId = 22, Level = LogLevel.Error, Message = "Storage failure: {What} failed ({ErrorKind}); further storage failures are counted for {Seconds} s")]
    private static partial void FirstFailure(ILogger logger, string what, string errorKind, int seconds);

    [LoggerMessage(EventId = 23, Level = LogLevel.Error, Message = "Storage failure: {Count} more request(s) failed in the last {Seconds} s (last: {ErrorKind})")]
    private static partial void MoreFailures(ILogger logger, int count, int seconds, string errorKind);
}
