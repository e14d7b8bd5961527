namespace RunBack.Web.Features.SelfCheck;

/// <summary>
/// Where a runner is in the self-check, kept in protected (encrypted) browser session storage so that leaving and
/// coming back in the same tab, a reload, or a lost connection resumes with every answer.
/// </summary>
public sealed record SelfCheckSnapshot(
    string ReleaseId,
    int Step,
    string AnswersJson,
    Dictionary<string, string> RawText,
    Guid IdempotencyKey,
    bool ShowingResult);
