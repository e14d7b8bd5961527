using RunBack.Core;
using RunBack.Data;

namespace RunBack.Web.Features.CheckIns;

/// <summary>When a check-in happened, for ordering, the chart and labels: the moment it was saved, or midday of the day it was dated back to.</summary>
public static class CheckInTime
{
    public static bool IsBackdated(this CheckIn c) => DateOnly.FromDateTime(c.CreatedAt.ToLocalTime().DateTime) != c.CheckInDate;

    public static DateTimeOffset At(this CheckIn c)
    {
        if (!c.IsBackdated())
        {
            return c.CreatedAt;
        }
        var midday = c.CheckInDate.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Local);
        return new DateTimeOffset(midday, TimeZoneInfo.Local.GetUtcOffset(midday));
    }

    /// <summary>"23 Nov 2026, 09:15", or "20 Nov 2026 (added later)" for a check-in dated back (in the runner's culture).</summary>
    public static string Label(this CheckIn c) => c.IsBackdated()
        ? DateWords.Brief(new DateTimeOffset(c.CheckInDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)) + " (added later)"
        : DateWords.ShortWithTime(c.CreatedAt.ToLocalTime());
}
