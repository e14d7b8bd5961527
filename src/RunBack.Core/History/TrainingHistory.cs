namespace RunBack.Core.History;

/// <summary>
/// One stored check-in as the training log reads it: its columns, never its answers. At is when the check-in counts
/// (its day, at the time it was saved); SavedAt when it was saved (the later of two reports of one week wins); Full is a
/// full self-check, whose shoe distance is the runner's own answer (a quick check-in carries it over).
/// </summary>
public sealed record HistoryRow(Guid Id, DateTimeOffset At, DateOnly Day, DateTimeOffset SavedAt, int Back,
    IReadOnlyList<string> Helped, HistoryFacts Facts, bool Full)
{
    /// <summary>A quick check-in whose runner said they have new shoes: its shoe distance is given afresh (0 or their figure).</summary>
    public bool NewShoes { get; init; }
}

/// <summary>A history read as a training log: weekly distances reported, the entries the insights read, the shoe
/// distance given at each full self-check (formatted in that check-in's unit), the runner's unit and the jump threshold.</summary>
public sealed record HistoryLog(IReadOnlyList<DistanceReport> Reports, IReadOnlyList<TrainingEntry> Entries,
    IReadOnlyDictionary<Guid, string?> Shoes, bool Miles, double ThresholdPercent);

public static class TrainingHistory
{
    /// <summary>The week-on-week rise the training insights call a jump: the self-check's own threshold (load-jump, 10 %).</summary>
    public const double RiseThresholdPercent = 10;

    /// <summary>
    /// The training log of a history. The runner's unit is their latest answer; with none yet, <paramref name="defaultMiles"/>
    /// (the edition's unit, chosen at the edge).
    /// </summary>
    public static HistoryLog Log(IEnumerable<HistoryRow> rows, bool defaultMiles)
    {
        var reports = new List<DistanceReport>();
        var entries = new List<TrainingEntry>();
        var shoes = new Dictionary<Guid, string?>();
        bool? miles = null;
        foreach (var row in rows.OrderBy(r => r.At))
        {
            entries.Add(new TrainingEntry(row.At, row.Day, row.Back, row.Helped));
            var facts = row.Facts;
            reports.AddRange(TrainingLog.Reports(facts, row.Day, row.SavedAt));
            miles = facts.DistanceUnit is null ? miles : facts.Miles;
            if (row.Full && facts.ShoeDistance is { } shoe)
            {
                shoes[row.Id] = TrainingLog.Format(TrainingLog.ToKm(shoe, facts.Miles), facts.Miles);
            }
        }
        return new HistoryLog(reports, entries, shoes, miles ?? defaultMiles, RiseThresholdPercent);
    }
}
