using System.Net;
using Ical.Net;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>The weekly reminder file, parsed back with Ical.Net; bad query values get a message beside the field.</summary>
public sealed class ReminderTests(RunBackFactory factory) : IClassFixture<RunBackFactory>
{
    [Fact]
    public async Task Ics_ParsesBack_WeeklyOnTheChosenDayAndTime_LinksTheQuickCheckIn_NothingPersonal()
    {
        var client = factory.CreateBrowserLikeClient();
        await CheckInClient.SaveOkAsync(client, Answers.NoRisk());

        var response = await client.GetAsync("/history/reminder.ics?day=wednesday&time=07:45");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var calendar = Calendar.Load(text)!;
        var reminder = Assert.Single(calendar.Events);
        Assert.Equal(new DateTime(2026, 11, 25, 7, 45, 0), reminder.DtStart!.Value); // the next Wednesday after Monday 23 November
        Assert.False(reminder.DtStart.IsUtc);
        Assert.Null(reminder.DtStart.TzId); // floating: the runner's own local time
        var rule = reminder.RecurrenceRule!;
        Assert.Equal(FrequencyType.Weekly, rule.Frequency);
        Assert.Equal(DayOfWeek.Wednesday, Assert.Single(rule.ByDay).DayOfWeek);
        Assert.EndsWith("/check-in/quick", reminder.Url!.ToString(), StringComparison.Ordinal);
        Assert.Contains("BEGIN:VCALENDAR", text, StringComparison.Ordinal);
        Assert.Contains("PRODID:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("back_pain", text, StringComparison.Ordinal);
        Assert.All(text.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, "RFC 5545 folds lines at 75 octets: " + line));
        var alarm = Assert.Single(reminder.Alarms); // without an alarm many calendar apps add the event but never ring
        Assert.Equal("DISPLAY", alarm.Action);
        Assert.Equal(TimeSpan.Zero, alarm.Trigger!.Duration!.Value.ToTimeSpanUnspecified());
        Assert.False(string.IsNullOrWhiteSpace(alarm.Description));
    }

    [Fact]
    public async Task Ics_ThirtyMinutesBefore_AlarmRingsHalfAnHourEarly()
    {
        var text = await factory.CreateBrowserLikeClient().GetStringAsync("/history/reminder.ics?day=sunday&time=18:00&alert=30-min");

        var alarm = Assert.Single(Assert.Single(Calendar.Load(text)!.Events).Alarms);
        Assert.Equal(TimeSpan.FromMinutes(-30), alarm.Trigger!.Duration!.Value.ToTimeSpanUnspecified());
        Assert.Contains("TRIGGER:-PT30M", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// A second, independent iCalendar parser (Python's icalendar, Debian's python3-icalendar, which .ci/test.sh installs)
    /// reads the file the way another calendar app would: one weekly event, its floating start, and a display alarm.
    /// </summary>
    [Theory]
    [InlineData("at-time", "0:00:00")]
    [InlineData("30-min", "-1 day, 23:30:00")]
    public async Task Ics_ReadByASecondParser_WeeklyEventWithItsAlarm(string alert, string trigger)
    {
        var text = await factory.CreateBrowserLikeClient().GetStringAsync($"/history/reminder.ics?day=wednesday&time=07:45&alert={alert}");
        var file = Path.Combine(Path.GetTempPath(), $"runback-reminder-{Guid.NewGuid():N}.ics");
        await File.WriteAllTextAsync(file, text);
        try
        {
            const string Script = """
                import sys, icalendar
                cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
                events = [c for c in cal.walk('VEVENT')]
                alarms = [a for e in events for a in e.walk('VALARM')]
                print(len(events), events[0].decoded('DTSTART').isoformat(), events[0]['RRULE'].to_ical().decode(), len(alarms),
                      alarms[0]['ACTION'], alarms[0].decoded('TRIGGER'), sep='|')
                """;
            var psi = new System.Diagnostics.ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add(Script);
            psi.ArgumentList.Add(file);
            using var python = System.Diagnostics.Process.Start(psi)!;
            var output = await python.StandardOutput.ReadToEndAsync();
            var error = await python.StandardError.ReadToEndAsync();
            await python.WaitForExitAsync();
            Assert.True(python.ExitCode == 0, "python3-icalendar could not read the file: " + error);
            Assert.Equal($"1|2026-11-25T07:45:00|FREQ=WEEKLY;BYDAY=WE|1|DISPLAY|{trigger}", output.Trim());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("?day=someday&time=07:45", "reminder-day-error", "Choose a day")]
    [InlineData("?day=monday&time=25:00", "reminder-time-error", "hours and minutes")]
    [InlineData("?day=monday", "reminder-time-error", "hours and minutes")]
    [InlineData("?time=%00%ff", "reminder-day-error", "Choose a day")]
    [InlineData("?day=monday&time=07:45&alert=never", "reminder-alert-error", "when the reminder should ring")]
    public async Task BadValues_StyledPage_MessageBesideTheField(string query, string errorId, string message)
    {
        var response = await factory.CreateBrowserLikeClient().GetAsync("/history/reminder.ics" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<link rel=\"stylesheet\"", html, StringComparison.Ordinal);
        var at = html.IndexOf($"id=\"{errorId}\"", StringComparison.Ordinal);
        Assert.True(at > 0, "No message beside the field");
        Assert.Contains(message, html[at..], StringComparison.Ordinal);
    }
}
