using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace RunBack.Web.Common;

/// <summary>
/// RunBack's own metrics (the "RunBack" meter): saves by outcome and their latency, storage errors, open circuits, the PDF
/// queue, and check-ins by triage tier. Tags are fixed words only (an outcome, a tier, an error kind): never an answer,
/// an id or anything else that could point to a runner.
/// </summary>
public sealed class RunBackMetrics
{
    public const string MeterName = "RunBack";

    private readonly Counter<long> _saves;
    private readonly Histogram<double> _saveDuration;
    private readonly Counter<long> _storageErrors;
    private readonly UpDownCounter<long> _openCircuits;
    private readonly UpDownCounter<long> _pdfQueued;
    private readonly Histogram<double> _pdfWait;
    private readonly Counter<long> _checkInsByTier;

    public RunBackMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _saves = meter.CreateCounter<long>("runback.checkin.saves", "{save}", "Check-in saves, by outcome.");
        _saveDuration = meter.CreateHistogram<double>("runback.checkin.save.duration", "s", "How long a check-in save took.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        _storageErrors = meter.CreateCounter<long>("runback.storage.errors", "{error}", "Storage failures (database unavailable, locked, timed out), by kind.");
        _openCircuits = meter.CreateUpDownCounter<long>("runback.circuits.open", "{circuit}", "Open interactive (Blazor Server) circuits.");
        _pdfQueued = meter.CreateUpDownCounter<long>("runback.pdf.queue.length", "{request}", "PDF requests admitted and not yet finished (waiting or printing).");
        _pdfWait = meter.CreateHistogram<double>("runback.pdf.queue.wait", "s", "How long a PDF request waited for its turn.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30] });
        _checkInsByTier = meter.CreateCounter<long>("runback.checkins.by_tier", "{check-in}", "Saved check-ins by triage tier (a count only).");
    }

    public void Saved(string outcome, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        _saves.Add(1, tag);
        _saveDuration.Record(elapsed.TotalSeconds, tag);
    }

    public void CheckInSaved(string tier) => _checkInsByTier.Add(1, new KeyValuePair<string, object?>("tier", tier));

    public void StorageError(string kind) => _storageErrors.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void PdfQueued(int delta) => _pdfQueued.Add(delta);

    public void PdfWaited(TimeSpan wait) => _pdfWait.Record(wait.TotalSeconds);

    /// <summary>
    /// The one count of open circuits, from their opening to their removal (a disconnected circuit counts while it is
    /// retained): it feeds the <c>runback.circuits.open</c> metric and the load harness's <c>/_diagnostics/memory</c> alike.
    /// </summary>
    public sealed class CircuitCounter(RunBackMetrics metrics) : CircuitHandler
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            metrics._openCircuits.Add(1);
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Decrement(ref _count);
            metrics._openCircuits.Add(-1);
            return Task.CompletedTask;
        }
    }

    /// <summary>Elapsed time since <paramref name="start"/> (a <see cref="Stopwatch.GetTimestamp"/>): real time, not the app's clock.</summary>
    public static TimeSpan Since(long start) => Stopwatch.GetElapsedTime(start);
}
