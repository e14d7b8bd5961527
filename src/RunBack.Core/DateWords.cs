using System.Globalization;

namespace RunBack.Core;

/// <summary>
/// Dates in the order and words of the current culture, without a weekday: "15 December 2026" (en-GB),
/// "December 15, 2026" (en-US). The patterns come from the culture itself, so no edition is named in code.
/// </summary>
public static class DateWords
{
    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    /// <summary>The culture's long date without the weekday and with a one-digit day: d MMMM yyyy, MMMM d, yyyy.</summary>
    public static string LongPattern(CultureInfo culture)
    {
        var pattern = culture.DateTimeFormat.LongDatePattern.Replace("dddd, ", "", StringComparison.Ordinal)
            .Replace("dddd ", "", StringComparison.Ordinal).Replace("dddd", "", StringComparison.Ordinal).Trim(' ', ',');
        return pattern.Contains("dd", StringComparison.Ordinal) ? pattern.Replace("dd", "d", StringComparison.Ordinal) : pattern;
    }

    /// <summary>15 December 2026, December 15, 2026.</summary>
    public static string Full(DateOnly date) => date.ToString(LongPattern(Culture), Culture);

    /// <summary>15 December 2026, December 15, 2026.</summary>
    public static string Full(DateTimeOffset at) => at.ToString(LongPattern(Culture), Culture);

    /// <summary>15 Dec 2026, Dec 15, 2026.</summary>
    public static string Brief(DateTimeOffset at) => at.ToString(ShortPattern(), Culture);

    /// <summary>15 Dec, Dec 15 (chart labels).</summary>
    public static string DayMonth(DateTimeOffset at) =>
        at.ToString(Culture.DateTimeFormat.MonthDayPattern.Replace("MMMM", "MMM", StringComparison.Ordinal).Replace("dd", "d", StringComparison.Ordinal), Culture);

    /// <summary>
    /// A span of days, for a training week: "1 Dec – 7 Dec 2026", "Dec 1 – Dec 7, 2026"; the year on both ends when it
    /// differs ("28 Dec 2026 – 3 Jan 2027").
    /// </summary>
    public static string Span(DateOnly from, DateOnly to)
    {
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return $"{(from.Year == to.Year ? DayMonth(start) : Brief(start))} – {Brief(end)}";
    }

    /// <summary>15 December 2026, 14:05 / December 15, 2026, 2:05 PM.</summary>
    public static string LongWithTime(DateTimeOffset at) => $"{Full(at)}, {at.ToString(Culture.DateTimeFormat.ShortTimePattern, Culture)}";

    /// <summary>15 Dec 2026, 14:05 / Dec 15, 2026, 2:05 PM.</summary>
    public static string ShortWithTime(DateTimeOffset at) => $"{Brief(at)}, {at.ToString(Culture.DateTimeFormat.ShortTimePattern, Culture)}";

    private static string ShortPattern() => LongPattern(Culture).Replace("MMMM", "MMM", StringComparison.Ordinal);
}
