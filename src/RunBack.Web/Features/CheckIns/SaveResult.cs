namespace RunBack.Web.Features.CheckIns;

public enum SaveOutcome
{
    Saved,
    AlreadySaved,
    KeyReusedWithOtherAnswers,
    /// <summary>A first save whose key was saved already by a post this process did not see (another app instance).</summary>
    SavedByAnotherRequest,
    /// <summary>The profile was forgotten while this save ran: nothing was saved.</summary>
    ProfileGone,
    Invalid,
    StorageUnavailable,
}

/// <summary>What a quick check-in stores beside its merged answers.</summary>
public sealed record QuickDetails(string SinceLastTime, string Helped, DateOnly CarriedFromDate, bool NewShoes = false);

public sealed record SaveResult(SaveOutcome Outcome, Guid? CheckInId = null, Guid? ProfileId = null,
    string? NewDeviceSecret = null, string? NewRecoveryCode = null, string? Message = null);
