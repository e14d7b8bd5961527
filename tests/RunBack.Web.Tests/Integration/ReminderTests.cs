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
    }

    [Theory]
    [InlineData("?day=someday&time=07:45", "reminder-day-error", "Choose a day")]
    [InlineData("?day=monday&time=25:00", "reminder-time-error", "hours and minutes")]
    [InlineData("?day=monday", "reminder-time-error", "hours and minutes")]
    [InlineData("?time=%00%ff", "reminder-day-error", "Choose a day")]
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
