using Microsoft.EntityFrameworkCore;
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
        await db.SaveChangesAsync(cancellationToken);
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
