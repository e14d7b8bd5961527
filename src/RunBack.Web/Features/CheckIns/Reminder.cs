using System.Globalization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace RunBack.Web.Features.CheckIns;

/// <summary>What the reminder form asks: a weekday and a time. Read by hand, so bad values become messages, never a binding failure.</summary>
public sealed record ReminderChoice(string? Day, string? Time, string? Alert = null)
{
    /// <summary>When the calendar app rings: at the event's time, or half an hour before it.</summary>
    public static readonly IReadOnlyList<(string Id, int MinutesBefore, string Label)> Alerts =
        [("at-time", 0, "At the time"), ("30-min", 30, "30\u00A0minutes before")];

    public static readonly IReadOnlyList<DayOfWeek> Days =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static string DayId(DayOfWeek day) => day.ToString().ToLowerInvariant();

    /// <summary>The weekday, time and minutes of warning, or a message per field ("day", "time", "alert"). No alert chosen = at the time.</summary>
    public (DayOfWeek Day, TimeOnly Time, int MinutesBefore)? Read(out Dictionary<string, string> errors)
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
        var alert = Alerts.Where(a => a.Id == (Alert ?? Alerts[0].Id)).Select(a => (int?)a.MinutesBefore).FirstOrDefault();
        if (alert is null)
        {
            errors["alert"] = "Choose when the reminder should ring from the list.";
        }
        return errors.Count == 0 ? (day!.Value, time, alert!.Value) : null;
    }
}

/// <summary>
/// The weekly reminder as an iCalendar file (RFC 5545, written by Ical.Net): one recurring event at the runner's local
/// time (a floating time, so it follows their calendar's time zone) with a link to the quick check-in and nothing else.
/// It carries an alarm (VALARM, a display alert at the event's time or before it): without one, many calendar apps add the
/// event but never notify.
/// </summary>
public static class Reminder
{
    public static string Calendar(DayOfWeek day, TimeOnly time, int minutesBefore, Uri quickCheckIn, DateOnly today)
    {
        var first = today.AddDays(((int)day - (int)today.DayOfWeek + 7) % 7);
        var start = first.ToDateTime(time);
        var end = start.AddMinutes(5);
        var reminder = new CalendarEvent
        {
            // Stable for a day and time: importing the file again updates the event instead of adding another.
            Uid = $"runback-quick-check-in-{ReminderChoice.DayId(day)}-{time:HHmm}-{minutesBefore}@runback",
            Summary = "RunBack quick check-in",
            Description = "About 30 seconds: how your back and hip are this week. " + quickCheckIn,
            Url = quickCheckIn,
            DtStart = new CalDateTime(start.Year, start.Month, start.Day, start.Hour, start.Minute, 0),
            DtEnd = new CalDateTime(end.Year, end.Month, end.Day, end.Hour, end.Minute, 0),
            RecurrenceRule = new RecurrencePattern(FrequencyType.Weekly, 1) { ByDay = [new WeekDay(day)] },
        };
        reminder.Alarms.Add(new Alarm
        {
            Action = AlarmAction.Display,
            Description = "RunBack quick check-in: how your back and hip are this week",
            Trigger = new Trigger(Duration.FromMinutes(-minutesBefore)),
        });
        var calendar = new Ical.Net.Calendar { ProductId = "-//RunBack//Quick check-in reminder//EN" };
        calendar.Events.Add(reminder);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
