using RunBack.Core.Content;

namespace RunBack.Core.Rules;

/// <summary>
/// A saved check-in's result as it was told: the stored <see cref="ResultSnapshot"/> decides the tier, the warning signs,
/// the factors with their strength and evidence, the hip component, the guidance in its order and the rules that fired.
/// A replay under the same release only lends the words that explain them (labels, reasons, hip patterns, computed values)
/// where it agrees; whatever the replay says differently, the snapshot wins. An answer saved before numbers were joined to
/// their units (engine 1) is shown with the no-break space too: the same words, kept on one line.
/// </summary>
public static class StoredResult
{
    public static Assessment Apply(ResultSnapshot snapshot, ContentRelease release, Assessment replay)
    {
        var triage = TriageLevels.Ids.Parse(snapshot.Triage) ?? replay.Triage;
        var fired = snapshot.FiredRules.ToHashSet(StringComparer.Ordinal);
        var flags = snapshot.Flags.Select(f => new RaisedFlag(f.Rule,
            replay.Flags.FirstOrDefault(r => r.RuleId == f.Rule)?.Label ?? release.Rules.Rules.FirstOrDefault(r => r.Id == f.Rule)?.Flag ?? f.Rule,
            TriageLevels.Ids.Parse(f.Triage) ?? triage, Evidence(f.Evidence, release, replay))).ToList();
        var factors = snapshot.Factors.Select(f =>
        {
            var definition = release.Rules.FindFactor(f.Id);
            var replayed = replay.Factors.FirstOrDefault(r => r.Id == f.Id);
            return new RaisedFactor(f.Id, definition?.Label ?? replayed?.Label ?? f.Id, definition?.Description ?? replayed?.Description ?? "",
                f.Strength, Evidence(f.Evidence, release, replay), replayed?.RuleIds ?? []);
        }).ToList();
        var component = HipComponents.Ids.Parse(snapshot.Hip) ?? replay.Hip.Component;
        var hip = component == replay.Hip.Component ? replay.Hip : new HipAssessment(component, [], false);
        var guidance = new List<SelectedGuidance>(snapshot.Guidance.Count);
        foreach (var id in snapshot.Guidance)
        {
            if (replay.Guidance.FirstOrDefault(g => g.Item.Id == id) is { } replayed)
            {
                guidance.Add(replayed);
            }
            else if (release.FindItem(id) is { } item)
            {
                var safety = release.Rules.Rules.Any(r => fired.Contains(r.Id) && r.Triage > TriageLevel.SelfCare && r.Guidance.Contains(id));
                guidance.Add(new SelectedGuidance(item, safety, [], [], []));
            }
        }
        return new Assessment(snapshot.Release, triage, flags, factors, hip, guidance, replay.Computed, snapshot.FiredRules);
    }

    private static List<Evidence> Evidence(IReadOnlyList<SnapshotEvidence> evidence, ContentRelease release, Assessment replay) =>
        [.. evidence.Select(e => new Evidence(e.Question, release.Questionnaire.Find(e.Question)?.Label
            ?? replay.FindComputed(e.Question)?.Label ?? e.Question, Typography.KeepUnits(e.Answer)))];
}
