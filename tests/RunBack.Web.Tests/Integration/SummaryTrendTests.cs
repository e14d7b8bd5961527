using System.Net;
using System.Text.RegularExpressions;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// The printable summary shows back, hip and PEG pain over the 12 weeks ending on the check-in's day, as a small SVG chart
/// and a table beside it, and reads only those weeks' check-ins from the database (never the whole history).
/// </summary>
public sealed partial class SummaryTrendTests
{
    [GeneratedRegex("<tr[^>]*>\\s*<th scope=\"row\">(?<week>[^<]*)</th>(?<cells>.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex TrendRow();

    /// <summary>One check-in a week for 15 weeks: back falls 9, 8, … and hip rises; PEG answered in the last two weeks only.</summary>
    private static async Task<(RunBackFactory Factory, HttpClient Runner, Guid Last)> FifteenWeeksAsync()
    {
        var factory = new RunBackFactory();
        factory.Settings["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
        var runner = factory.CreateBrowserLikeClient();
        var last = Guid.Empty;
        for (var week = 0; week < 15; week++)
        {
            var day = Answers.Today.AddDays(7 * week);
            var answers = Answers.NoRisk(day).With("back_pain", Math.Max(0, 9 - week)).With("hip_pain", Math.Min(10, week));
            if (week >= 13)
            {
                answers = answers.With("peg_pain", week == 13 ? 6 : 3).With("peg_enjoyment", week == 13 ? 6 : 3).With("peg_activity", week == 13 ? 6 : 3);
            }
            last = await CheckInClient.SaveOkAsync(runner, answers, date: day);
            factory.Clock.Advance(TimeSpan.FromDays(7));
        }
        return (factory, runner, last);
    }

    [Fact]
    public async Task Summary_TwelveWeeks_ChartAndTableBesideThisCheckIn_OlderWeeksLeftOut()
    {
        var (factory, runner, last) = await FifteenWeeksAsync();
        await using var owned = factory;

        var response = await runner.GetAsync($"/summary/{last}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Pain over the last 12\u00A0weeks", html, StringComparison.Ordinal);
        var rows = TrendRow().Matches(html).Where(m => m.Groups["week"].Value.Contains('–')).ToList();
        Assert.Equal(12, rows.Count);
        // Week 3 (back 6, hip 3) is the oldest of the 12; weeks 0–2 (back 9, 8, 7) are older and not read.
        Assert.Matches(@"<td>6</td><td>3</td>\s*<td>–</td>", rows[0].Groups["cells"].Value);
        Assert.Contains("(this check-in)", rows[^1].Groups["week"].Value, StringComparison.Ordinal);
        Assert.Matches(@"<td>0</td><td>10</td>\s*<td>3\.0<strong> \(down 50\s%\)</strong></td>", rows[^1].Groups["cells"].Value);
        // The chart: an SVG image with one line each for back, hip and PEG, told apart without colour.
        Assert.Contains("<svg class=\"summary__trend-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"trend__line back\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"trend__line hip\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"trend__line peg\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_ReadsOnlyTheTwelveWeeksOfCheckIns_NotTheWholeHistory()
    {
        var (factory, runner, last) = await FifteenWeeksAsync();
        await using var owned = factory;
        var before = factory.Logs.Events.Count;

        Assert.Equal(HttpStatusCode.OK, (await runner.GetAsync($"/summary/{last}")).StatusCode);

        var queries = factory.Logs.Events.Skip(before)
            .Where(e => e.Properties.TryGetValue("commandText", out _))
            .Select(e => e.Properties["commandText"].ToString())
            .Where(sql => sql.Contains("check_ins", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(queries);
        // Each read of check-ins is by the check-in's id or bounded by the first day of the 12 weeks (a WHERE on CheckInDate;
        // the column named in the SELECT list alone does not count). The log escapes the SQL's quotes.
        Assert.All(queries, sql => Assert.True(Regex.IsMatch(sql, @"\.\\?""Id\\?"" = ") || Regex.IsMatch(sql, @"\.\\?""CheckInDate\\?"" (>=|<) "),
            "An unbounded read of the history: " + sql));
    }
}
