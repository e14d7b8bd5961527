using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RunBack.Data;
using RunBack.Web.Common;
using RunBack.Web.Data;

namespace RunBack.Web.Features.Profiles;

/// <summary>
/// Deletes profiles unused for <c>Privacy:RetentionMonths</c> (default 24): no check-in, no recovery-code sign-in and no
/// export since the cutoff. One <c>DELETE … WHERE</c> with the cutoff inside it (device keys and check-ins go with the
/// profile by the foreign keys' cascade, in the same statement), so it is atomic and idempotent: several instances
/// sweeping at once delete each profile once (the second finds nothing left), and a save racing the sweep either
/// keeps the profile (its check-in is newer than the cutoff) or is refused as for a forgotten profile.
/// Runs at start-up and then every <see cref="Interval"/> on the app's clock.
/// </summary>
public sealed partial class ProfileRetention(IDbContextFactory<RunBackDbContext> dbFactory, TimeProvider clock, IOptions<PrivacyOptions> options,
    WriteGate writeGate, ILogger<ProfileRetention> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Profiles whose last activity is before this instant are deleted.</summary>
    public DateTimeOffset Cutoff => clock.GetUtcNow().AddMonths(-options.Value.RetentionMonths);

    /// <summary>One sweep: deletes every profile unused since the cutoff and returns how many this call deleted.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = Cutoff;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using (await writeGate.EnterAsync(cancellationToken))
        {
            return await db.Profiles
                .Where(p => p.LastActiveAt < cutoff && p.CreatedAt < cutoff && !db.CheckIns.Any(c => c.ProfileId == p.Id && c.CreatedAt >= cutoff))
                .ExecuteDeleteAsync(cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var deleted = await SweepAsync(stoppingToken);
                if (deleted > 0)
                {
                    Deleted(logger, deleted, options.Value.RetentionMonths);
                }
            }
            catch (Exception ex) when (StorageErrors.IsStorageFailure(ex))
            {
                // Storage down or busy: the next sweep tries again; nothing is half deleted (one statement).
                SweepFailed(logger, StorageErrors.Kind(ex));
            }
            await Task.Delay(Interval, clock, stoppingToken);
        }
    }

    [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "Retention: deleted {Count} profile(s) unused for {Months} months, with their check-ins")]
    private static partial void Deleted(ILogger logger, int count, int months);

    [LoggerMessage(EventId = 61, Level = LogLevel.Warning, Message = "Retention: the sweep could not run ({Kind}); it tries again in an hour")]
    private static partial void SweepFailed(ILogger logger, string kind);
}
