using Microsoft.EntityFrameworkCore;
using RunBack.Web.Common;
using RunBack.Web.Data;

namespace RunBack.Web.Features.Profiles;

/// <summary>Finds, recovers and forgets anonymous profiles. One DbContext per operation.</summary>
public sealed class ProfileService(IDbContextFactory<RunBackDbContext> dbFactory, TimeProvider clock, CookieSecurity cookies)
{
    /// <summary>Keeps this browser's device secret (the profile's key on this device).</summary>
    public void SetCookie(HttpResponse response, string deviceSecret) =>
        response.Cookies.Append(cookies.Name(ProfileCookie.Name), deviceSecret, ProfileCookie.Options(cookies.Secure));

    public void DeleteCookie(HttpResponse response) =>
        response.Cookies.Delete(cookies.Name(ProfileCookie.Name), ProfileCookie.Options(cookies.Secure));

    /// <summary>The profile a browser's cookie belongs to, or null (no cookie, a forged or cut one, or a forgotten profile).</summary>
    public async Task<Guid?> FindAsync(string? deviceSecret, CancellationToken cancellationToken = default)
    {
        if (!ProfileSecrets.LooksLikeDeviceSecret(deviceSecret))
        {
            return null;
        }
        var hash = ProfileSecrets.Hash(deviceSecret!);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ProfileBySecretHash.For(db)(db, hash, cancellationToken);
    }

    /// <summary>Compiled once: every request with a profile cookie runs it (EF's per-call query lookup cost more than the query).</summary>
    private static readonly CompiledQueries<Func<RunBackDbContext, byte[], CancellationToken, Task<Guid?>>> ProfileBySecretHash = new(() =>
        EF.CompileAsyncQuery((RunBackDbContext db, byte[] hash, CancellationToken _) =>
            db.DeviceKeys.Where(k => k.SecretHash == hash).Select(k => (Guid?)k.ProfileId).FirstOrDefault()));

    /// <summary>The request's verified profile, looked up once per request (the rate limiter asks first).</summary>
    public async Task<Guid?> FindAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(VerifiedProfileKey, out var known))
        {
            return (Guid?)known;
        }
        var profileId = await FindAsync(context.Request.Cookies[cookies.Name(ProfileCookie.Name)], context.RequestAborted);
        context.Items[VerifiedProfileKey] = profileId;
        return profileId;
    }

    private static readonly object VerifiedProfileKey = new();

    /// <summary>The verified profile if <see cref="FindAsync(HttpContext)"/> already ran for this request.</summary>
    public static Guid? KnownProfile(HttpContext context) =>
        context.Items.TryGetValue(VerifiedProfileKey, out var known) ? (Guid?)known : null;

    /// <summary>Builds a new profile with one device key, for the caller to add to its own unit of work.</summary>
    public (Profile Profile, string DeviceSecret, string RecoveryCode) NewProfile()
    {
        var now = clock.GetUtcNow();
        var secret = ProfileSecrets.NewDeviceSecret();
        var code = ProfileSecrets.NewRecoveryCode();
        var profile = new Profile
        {
            Id = Guid.CreateVersion7(now),
            CreatedAt = now,
            LastActiveAt = now,
            RecoveryHash = ProfileSecrets.Hash(ProfileSecrets.NormaliseRecoveryCode(code)!),
        };
        profile.DeviceKeys.Add(new DeviceKey { Id = Guid.CreateVersion7(now), SecretHash = ProfileSecrets.Hash(secret), CreatedAt = now });
        return (profile, secret, code);
    }

    /// <summary>Opens a profile on this browser with its recovery code: a new device key, the old ones untouched.</summary>
    public async Task<RecoveryResult> RecoverAsync(string? typedCode, CancellationToken cancellationToken = default)
    {
        var code = ProfileSecrets.NormaliseRecoveryCode(typedCode);
        if (code is null)
        {
            return new RecoveryResult(RecoveryOutcome.WrongFormat, null);
        }
        var hash = ProfileSecrets.Hash(code);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var profileId = await db.Profiles.Where(p => p.RecoveryHash == hash).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (profileId is null)
        {
            return new RecoveryResult(RecoveryOutcome.NotFound, null);
        }
        var secret = ProfileSecrets.NewDeviceSecret();
        var now = clock.GetUtcNow();
        db.DeviceKeys.Add(new DeviceKey { Id = Guid.CreateVersion7(now), ProfileId = profileId.Value, SecretHash = ProfileSecrets.Hash(secret), CreatedAt = now });
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            await db.Profiles.Where(p => p.Id == profileId.Value).ExecuteUpdateAsync(s => s.SetProperty(p => p.LastActiveAt, now), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return new RecoveryResult(RecoveryOutcome.Recovered, secret);
    }

    /// <summary>Replaces the recovery code (the old one stops working) and returns the new one, to show once.</summary>
    public async Task<string> NewRecoveryCodeAsync(Guid profileId, CancellationToken cancellationToken = default)
    {
        var code = ProfileSecrets.NewRecoveryCode();
        var hash = ProfileSecrets.Hash(ProfileSecrets.NormaliseRecoveryCode(code)!);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Profiles.Where(p => p.Id == profileId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.RecoveryHash, hash), cancellationToken);
        return code;
    }

    /// <summary>
    /// Notes that the runner used the profile (an export): it is kept another <c>Privacy:RetentionMonths</c>. Storage
    /// that refuses the write does not stop the export; the profile is then kept from its last activity.
    /// </summary>
    public async Task TouchAsync(Guid profileId, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var now = clock.GetUtcNow();
            await db.Profiles.Where(p => p.Id == profileId).ExecuteUpdateAsync(s => s.SetProperty(p => p.LastActiveAt, now), cancellationToken);
        }
        catch (Exception ex) when (StorageErrors.IsStorageFailure(ex))
        {
            // Read-only or full storage: the export itself is a read and goes on.
        }
    }

    /// <summary>When this profile will be deleted unless used again: its last activity (a check-in, a sign-in, an export) plus the retention period.</summary>
    public async Task<DateTimeOffset?> KeptUntilAsync(Guid profileId, int retentionMonths, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var active = await db.Profiles.Where(p => p.Id == profileId)
            .Select(p => new { p.LastActiveAt, LastCheckIn = db.CheckIns.Where(c => c.ProfileId == p.Id).OrderByDescending(c => c.CreatedAt).Select(c => (DateTimeOffset?)c.CreatedAt).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        return active is null ? null : (active.LastCheckIn > active.LastActiveAt ? active.LastCheckIn.Value : active.LastActiveAt).AddMonths(retentionMonths);
    }

    /// <summary>Deletes the profile, its device keys and every check-in, for real, in one transaction.</summary>
    public async Task ForgetAsync(Guid profileId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.CheckIns.Where(c => c.ProfileId == profileId).ExecuteDeleteAsync(cancellationToken);
        await db.DeviceKeys.Where(k => k.ProfileId == profileId).ExecuteDeleteAsync(cancellationToken);
        await db.Profiles.Where(p => p.Id == profileId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

public enum RecoveryOutcome
{
    Recovered,
    WrongFormat,
    NotFound,
}

public sealed record RecoveryResult(RecoveryOutcome Outcome, string? DeviceSecret);
