namespace RunBack.Data;

/// <summary>An anonymous runner: no name, no e-mail, no address. Only hashes of its two secrets are kept.</summary>
public sealed class Profile
{
    public Guid Id { get; set; }
    /// <summary>SHA-256 of the recovery code the runner can write down.</summary>
    public byte[] RecoveryHash { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>
    /// The runner's country (ISO 3166 alpha-2, or ZZ for "another country"), which the emergency numbers follow: kept
    /// when a check-in is saved or the country is changed, so it holds on every device the profile is used on.
    /// Null for profiles saved before the country was asked.
    /// </summary>
    public string? Country { get; set; }

    /// <summary>
    /// The last time the runner signed in with the recovery code or exported (a check-in counts by its own time): the
    /// retention job deletes a profile when both are older than <c>Privacy:RetentionMonths</c>.
    /// </summary>
    public DateTimeOffset LastActiveAt { get; set; }

    /// <summary>
    /// When one of the profile's check-ins was last deleted. A shoe total a quick check-in stored before then counted a
    /// check-in that is gone, so the history counts the shoes again from the check-ins (RunBack.Core.History.ShoeCounter).
    /// </summary>
    public DateTimeOffset? CheckInDeletedAt { get; set; }
    public List<DeviceKey> DeviceKeys { get; set; } = [];
    public List<CheckIn> CheckIns { get; set; } = [];
}

/// <summary>One browser's access to a profile: the SHA-256 of the random secret in that browser's cookie.</summary>
public sealed class DeviceKey
{
    public Guid Id { get; set; }
    public Guid ProfileId { get; set; }
    public Profile? Profile { get; set; }
    public byte[] SecretHash { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One saved self-check: the answers as given and what the rules made of them, with the release used.</summary>
public sealed class CheckIn
{
    public Guid Id { get; set; }
    public Guid ProfileId { get; set; }
    public Profile? Profile { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The day the answers were evaluated for (days since onset and the like depend on it).</summary>
    public DateOnly CheckInDate { get; set; }
    public Guid IdempotencyKey { get; set; }
    /// <summary>SHA-256 of the answers JSON: a reused idempotency key with other answers is refused.</summary>
    public string AnswersHash { get; set; } = "";
    public string ReleaseId { get; set; } = "";
    public string AnswersJson { get; set; } = "{}";
    public int BackPain { get; set; }
    public int HipPain { get; set; }
    public string Triage { get; set; } = "";
    public string HipComponent { get; set; } = "";
    public string FactorIds { get; set; } = "";
    public string GuidanceIds { get; set; } = "";
    public string FiredRuleIds { get; set; } = "";
    /// <summary>
    /// The result as told at save time (RunBack.Core.Rules.ResultSnapshot as JSON: tier, action, factors with their evidence,
    /// guidance ids in order, release and engine version). Null for check-ins saved before it was kept until first read.
    /// </summary>
    public string? ResultSnapshot { get; set; }
    /// <summary>"full" for a whole self-check, "quick" for a quick check-in (answers merged with the last self-check).</summary>
    public string Kind { get; set; } = CheckInKinds.Full;
    /// <summary>Quick check-ins: how it has been since the last check-in (an option id of content/checkin/quick.yaml).</summary>
    public string? SinceLastTime { get; set; }
    /// <summary>Quick check-ins: what helped since last time, option ids of content/checkin/quick.yaml, space-separated.</summary>
    public string Helped { get; set; } = "";
    /// <summary>Quick check-ins: the day of the full self-check whose other answers were carried over.</summary>
    public DateOnly? CarriedFromDate { get; set; }
    /// <summary>Quick check-ins: the runner said they have new shoes, so <see cref="ShoeDistance"/> is given afresh (0 or
    /// their figure) and the shoes' running total (RunBack.Core.History.ShoeCounter) starts again here.</summary>
    public bool NewShoes { get; set; }

    /// <summary>
    /// The runner's own note on this check-in (issue 26 item 16): free text up to 500 characters, line breaks as \n,
    /// no control characters; null when none. The only free text a runner gives: never logged, never searched or
    /// indexed, never read by the rules, deleted with the check-in and with the profile.
    /// </summary>
    public string? Note { get; set; }

    // What the history reads of the answers (RunBack.Core.History.HistoryFacts), stored at save time so /history never
    // parses AnswersJson row by row. Filled for older rows by the D_HistoryColumns migration from their JSON.
    /// <summary>distance_week_1 … distance_week_4 as answered, in <see cref="DistanceUnit"/>; null when not answered.</summary>
    public double? DistanceWeek1 { get; set; }
    public double? DistanceWeek2 { get; set; }
    public double? DistanceWeek3 { get; set; }
    public double? DistanceWeek4 { get; set; }
    /// <summary>The distance unit answered ("km" or "miles"); null when not answered.</summary>
    public string? DistanceUnit { get; set; }
    /// <summary>shoe_distance as answered, in <see cref="DistanceUnit"/>; null when not answered.</summary>
    public double? ShoeDistance { get; set; }
    /// <summary>The PEG total (the three items added, 0–30; the score is its mean); null unless all three were answered.</summary>
    public double? PegTotal { get; set; }
}

public static class CheckInKinds
{
    public const string Full = "full";
    public const string Quick = "quick";
}

/// <summary>
/// A fixed-window counter shared by every app instance (recovery-code tries above all). The key is a hash of the
/// policy and the client's partition (never an address in clear).
/// </summary>
public sealed class RateLimitWindow
{
    public string Key { get; set; } = "";
    /// <summary>The window's start, UTC milliseconds since 1970.</summary>
    public long WindowStart { get; set; }
    public int Count { get; set; }
}
