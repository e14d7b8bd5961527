using Microsoft.EntityFrameworkCore;
using RunBack.Data;
using RunBack.Web.Common;
using RunBack.Web.Data;

namespace RunBack.Web.Features.Profiles;

/// <summary>
/// Makes, recovers and forgets anonymous profiles and sets or clears the device cookie. One DbContext per operation.
/// Which profile a request belongs to is read only by the profile authentication scheme (<see cref="ProfileAuthenticationHandler"/>).
/// </summary>
public sealed class ProfileService(IDbContextFactory<RunBackDbContext> dbFactory, TimeProvider clock, CookieSecurity cookies)
{
    /// <summary>Keeps this browser's device secret (the profile's key on this device).</summary>
    public void SetCookie(HttpResponse response, string deviceSecret) =>
        response.Cookies.Append(cookies.Name(ProfileCookie.Name), deviceSecret, ProfileCookie.Options(cookies.Secure));

    public void DeleteCookie(HttpResponse response) =>
        response.Cookies.Delete(cookies.Name(ProfileCookie.Name), ProfileCookie.Options(cookies.Secure));

    /// <summary>The country kept with a profile (ISO alpha-2, or ZZ for "another country"); null when none was kept.</summary>
    public async Task<string?> CountryAsync(Guid profileId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await CountryOf.For(db)(db, profileId, cancellationToken);
    }

    /// <summary>Compiled once: every request with a profile runs it (the country middleware), a save among them.</summary>
    private static readonly CompiledQueries<Func<RunBackDbContext, Guid, CancellationToken, Task<string?>>> CountryOf = new(() =>
        EF.CompileAsyncQuery((RunBackDbContext db, Guid profileId, CancellationToken _) =>
            db.Profiles.Where(p => p.Id == profileId).Select(p => p.Country).FirstOrDefault()));

    /// <summary>Keeps the runner's country with their profile (when it differs from the one kept).</summary>
    public async Task KeepCountryAsync(Guid profileId, string country, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Profiles.Where(p => p.Id == profileId && p.Country != country)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Country, country), cancellationToken);
    }

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

    /// <summary>
    /// Replaces the recovery code (the old one stops working) and signs out every other device (their device keys are
    /// deleted, so their cookies open nothing), in one transaction; returns the new code, to show once. Whoever had the
    /// old code, and opened the history with it, loses it here.
    /// </summary>
    public async Task<string> NewRecoveryCodeAsync(Guid profileId, byte[]? thisDevice, CancellationToken cancellationToken = default)
    {
        var code = ProfileSecrets.NewRecoveryCode();
        var hash = ProfileSecrets.Hash(ProfileSecrets.NormaliseRecoveryCode(code)!);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Profiles.Where(p => p.Id == profileId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.RecoveryHash, hash), cancellationToken);
        await OtherDevices(db, profileId, thisDevice).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return code;
    }

    /// <summary>Signs out every device but this one (deletes their device keys); returns how many were signed out.</summary>
    public async Task<int> SignOutOtherDevicesAsync(Guid profileId, byte[]? thisDevice, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await OtherDevices(db, profileId, thisDevice).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>How many devices (browsers) can open this profile's history, this one included.</summary>
    public async Task<int> DeviceCountAsync(Guid profileId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.DeviceKeys.CountAsync(k => k.ProfileId == profileId, cancellationToken);
    }

    private static IQueryable<DeviceKey> OtherDevices(RunBackDbContext db, Guid profileId, byte[]? thisDevice)
    {
        var keep = thisDevice ?? [];
        return db.DeviceKeys.Where(k => k.ProfileId == profileId && k.SecretHash != keep);
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
