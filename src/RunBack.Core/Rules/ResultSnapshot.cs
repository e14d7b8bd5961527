using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using RunBack.Core.Content;

namespace RunBack.Core.Rules;

/// <summary>
/// The result as it was told, kept beside a check-in and checked in as the replay goldens: the tier and its action, the
/// warning signs, the factors with the answers behind them, the hip component, the guidance ids in rank order and the
/// rules that fired, under a release and an engine version (<see cref="RulesEngine.Version"/>).
/// </summary>
public sealed record ResultSnapshot(
    int Engine,
    string Release,
    string Triage,
    string? Action,
    IReadOnlyList<SnapshotFlag> Flags,
    IReadOnlyList<SnapshotFactor> Factors,
    string Hip,
    IReadOnlyList<string> Guidance,
    IReadOnlyList<string> FiredRules)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The snapshot of a full assessment (evidence included) under its release.</summary>
    public static ResultSnapshot From(ContentRelease release, Assessment assessment) => new(
        RulesEngine.Version,
        assessment.ReleaseId,
        assessment.Triage.Id(),
        release.Actions.Defaults.TryGetValue(assessment.Triage, out var action) ? action.Label : null,
        [.. assessment.Flags.Select(f => new SnapshotFlag(f.RuleId, f.Level.Id(), [.. f.Evidence.Select(SnapshotEvidence.From)]))],
        [.. assessment.Factors.Select(f => new SnapshotFactor(f.Id, f.Strength, [.. f.Evidence.Select(SnapshotEvidence.From)]))],
        assessment.Hip.Component.Id(),
        [.. assessment.Guidance.Select(g => g.Item.Id)],
        assessment.FiredRuleIds);

    public string ToJson() => JsonSerializer.Serialize(this, Json).ReplaceLineEndings("\n");

    /// <summary>A stored snapshot; null when the text is not one (a row saved before snapshots were kept).</summary>
    public static ResultSnapshot? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<ResultSnapshot>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Same result told: compared through the stored form, so list contents (not references) decide.</summary>
    public bool SameAs(ResultSnapshot other) => ToJson() == other.ToJson();
}

public sealed record SnapshotFlag(string Rule, string Triage, IReadOnlyList<SnapshotEvidence> Evidence);

public sealed record SnapshotFactor(string Id, int Strength, IReadOnlyList<SnapshotEvidence> Evidence);

/// <summary>An answer behind a flag or factor: the question (or computed value) and the answer as shown.</summary>
public sealed record SnapshotEvidence(string Question, string Answer)
{
    public static SnapshotEvidence From(Evidence evidence) => new(evidence.Id, evidence.Answer);
}
