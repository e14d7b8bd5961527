using System.Globalization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace RunBack.Web.Features.CheckIns;

/// <summary>What the reminder form asks: a weekday and a time. Read by hand, so bad values become messages, never a binding failure.</summary>
public sealed record ReminderChoice(string? Day, string? Time)
{
    public static readonly IReadOnlyList<DayOfWeek> Days =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static string DayId(DayOfWeek day) => day.ToString().ToLowerInvariant();

    /// <summary>The weekday and time, or a message per field ("day", "time").</summary>
    public (DayOfWeek Day, TimeOnly Time)? Read(out Dictionary<string, string> errors)
    {
        errors = new(StringComparer.Ordinal);
        var day = Days.Where(d => DayId(d) == Day).Select(d => (DayOfWeek?)d).FirstOrDefault();
        if (day is null)
        {
            errors["day"] = "Choose a day of the week from the list.";
        }
        if (!TimeOnly.TryParseExact(Time ?? "", "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            errors["time"] = "Enter a time as hours and minutes, for example 08:30.";
        }
        return errors.Count == 0 ? (day!.Value, time) : null;
    }
}

/// <summary>
/// The weekly reminder as an iCalendar file (RFC 5545, written by Ical.Net): one recurring event at the runner's local
/// time (a floating time, so it follows their calendar's time zone) with a link to the quick check-in and nothing else.
/// </summary>
public static class Reminder
{
    public static string Calendar(DayOfWeek day, TimeOnly time, Uri quickCheckIn, DateOnly today)
    {
        var first = today.AddDays(((int)day - (int)today.DayOfWeek + 7) % 7);
        var start = first.ToDateTime(time);
        var end = start.AddMinutes(5);
        var reminder = new CalendarEvent
        {
            // Stable for a day and time: importing the file again updates the event instead of adding another.
            Uid = $"runback-quick-check-in-{ReminderChoice.DayId(day)}-{time:HHmm}@runback",
            Summary = "RunBack quick check-in",
            Description = "About 30 seconds: how your back and hip are this week. " + quickCheckIn,
            Url = quickCheckIn,
            DtStart = new CalDateTime(start.Year, start.Month, start.Day, start.Hour, start.Minute, 0),
            DtEnd = new CalDateTime(end.Year, end.Month, end.Day, end.Hour, end.Minute, 0),
            RecurrenceRule = new RecurrencePattern(FrequencyType.Weekly, 1) { ByDay = [new WeekDay(day)] },
        };
        var calendar = new Ical.Net.Calendar { ProductId = "-//RunBack//Quick check-in reminder//EN" };
        calendar.Events.Add(reminder);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
