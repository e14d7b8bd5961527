namespace RunBack.Core.History;

/// <summary>
/// The shoes' distance counted from the check-ins (issue 26 item 14): the distance the runner last gave (a full
/// self-check's shoe answer, or new shoes on a quick check-in) on <see cref="GivenOn"/>, plus every week reported since.
/// </summary>
public sealed record ShoeCount(double Km, double GivenKm, DateOnly GivenOn, bool GivenInMiles)
{
    /// <summary>The running total in the runner's unit, rounded to the half unit a distance is answered in.</summary>
    public double In(bool miles) => TrainingLog.Round(TrainingLog.FromKm(Km, miles));
}

public static class ShoeCounter
{
    private const int DaysPerWeek = 7;

    /// <summary>
    /// The shoes' running total after <paramref name="rows"/>, or null when the runner never gave their shoes' distance.
    /// The last row that gives the distance (a full self-check with a shoe answer, or a quick check-in with new shoes) is
    /// where the count starts; the weeks reported by the check-ins after it are added once each (a week reported twice
    /// counts once, the later report wins: <see cref="TrainingLog.Weekly"/>), and a week that began before that day
    /// counts only for its days after it.
    /// </summary>
    public static ShoeCount? Count(IEnumerable<HistoryRow> rows)
    {
        var ordered = rows.OrderBy(r => r.At).ThenBy(r => r.SavedAt).ToList();
        var start = ordered.FindLastIndex(r => r.Facts.ShoeDistance is not null && (r.Full || r.NewShoes));
        if (start < 0)
        {
            return null;
        }
        var origin = ordered[start];
        var given = TrainingLog.ToKm(origin.Facts.ShoeDistance!.Value, origin.Facts.Miles);
        var reports = ordered.Skip(start + 1).SelectMany(r => TrainingLog.Reports(r.Facts, r.Day, r.SavedAt))
            .Where(r => r.WeekEnd > origin.Day);
        var since = 0.0;
        foreach (var week in TrainingLog.Weekly(reports))
        {
            var days = Math.Min(DaysPerWeek, week.WeekEnd.DayNumber - origin.Day.DayNumber);
            since += week.Km * days / DaysPerWeek;
        }
        return new ShoeCount(given + since, given, origin.Day, origin.Facts.Miles);
    }
}
