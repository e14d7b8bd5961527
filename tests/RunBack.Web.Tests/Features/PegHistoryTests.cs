using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RunBack.Web.Features.CheckIns;
using RunBack.Web.Features.History;
using RunBack.Web.Tests.Infrastructure;
using RunBack.Web.Tests.Integration;

namespace RunBack.Web.Tests.Features;

/// <summary>
/// PEG-3 (Krebs et al. 2009) over time, end to end with the served release (PEG from 2027.2.0, now published; drafts
/// are not served, so a newer draft does not move it): the history's series and its 30 % marker, the exports' column, and the quick check-in asking it afresh.
/// Check-ins without a PEG score show none, never a 0.
/// </summary>
public sealed partial class PegHistoryTests : IDisposable
{
    private readonly RunBackFactory _factory = new();

    private string Today => DateOnly.FromDateTime(_factory.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static JsonObject WithPeg(JsonObject answers, int pain, int enjoyment, int activity) =>
        answers.With("peg_pain", pain).With("peg_enjoyment", enjoyment).With("peg_activity", activity);

    private async Task SaveAsync(HttpClient client, JsonObject answers)
    {
        var response = await CheckInClient.SaveAsync(client, answers, date: Today);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>6.0, a check-in without the PEG, then 4.0 (down 33 %), with back pain 3, 3, 6.</summary>
    private async Task<HttpClient> ThreeWeeksAsync()
    {
        var client = _factory.CreateBrowserLikeClient();
        Assert.Equal(RepoPaths.ServedRelease, await CheckInClient.CurrentReleaseAsync(client));
        await SaveAsync(client, WithPeg(Answers.NoRisk(), 6, 6, 6));
        _factory.Clock.Advance(TimeSpan.FromDays(7));
        await SaveAsync(client, Answers.NoRisk());
        _factory.Clock.Advance(TimeSpan.FromDays(7));
        await SaveAsync(client, WithPeg(Answers.NoRisk().With("back_pain", 6), 4, 4, 4));
        return client;
    }

    [Fact]
    public async Task History_ShowsThePegSeries_MarksA30PercentChange_AndNothingForACheckInWithout()
    {
        var client = await ThreeWeeksAsync();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/history"));

        Assert.Contains("PEG score: 4.0 out of 10, down 33\u00A0% from 6.0 at the check-in before: a meaningful change (30\u00A0% or more).", html, StringComparison.Ordinal);
        // The 2-point rule for back pain is as before.
        Assert.Contains("Back pain has worsened by 3 points over the last 14\u00A0days", html, StringComparison.Ordinal);
        Assert.Equal(["6.0", "–", "4.0 down 33\u00A0%, meaningful"], Cells(html));
        // Two charts (wide and phone), each with one PEG line and two points, the second ringed.
        Assert.Equal(2, Regex.Count(html, "class=\"history-chart__peg\""));
        Assert.Equal(4, Regex.Count(html, "class=\"history-chart__peg-point"));
        Assert.Equal(2, Regex.Count(html, "history-chart__peg-point--meaningful"));
        Assert.Contains("<title>PEG 4.0, down 33\u00A0% (meaningful)</title>", html, StringComparison.Ordinal);
        Assert.Contains("PEG 4.0/10", html, StringComparison.Ordinal);
        Assert.DoesNotContain("PEG 0.0", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_HaveThePegColumn_EmptyForACheckInWithout()
    {
        var client = await ThreeWeeksAsync();

        var rows = Csv(await client.GetStringAsync("/history/export.csv"));
        var json = JsonNode.Parse(await client.GetStringAsync("/history/export.json"))!["checkIns"]!.AsArray();

        var column = rows[0].IndexOf(HistoryExport.PegColumn);
        Assert.True(column >= 0, string.Join(" | ", rows[0]));
        Assert.Equal(["6.0", "", "4.0"], OrderedByDay(rows, column));
        Assert.Equal([6.0, null, 4.0], json.OrderBy(c => c!["createdAt"]!.GetValue<DateTime>()).Select(c => c!["peg"]?.GetValue<double>()));
    }

    [Fact]
    public async Task QuickCheckIn_AsksThePegAfresh_AndSavesIt()
    {
        var client = _factory.CreateBrowserLikeClient();
        await SaveAsync(client, WithPeg(Answers.NoRisk(), 6, 6, 6));

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/check-in/quick"));

        Assert.Contains("PEG: pain, enjoyment and general activity (Krebs et al. 2009)", page, StringComparison.Ordinal);
        foreach (var id in new[] { "peg_pain", "peg_enjoyment", "peg_activity" })
        {
            Assert.Contains($"id=\"q-{id}\"", page, StringComparison.Ordinal);
        }
        Assert.Contains("What number best describes your pain on average in the past week?", page, StringComparison.Ordinal);
        _factory.Clock.Advance(TimeSpan.FromHours(1));

        var response = await CheckInClient.PostQuickAsync(client, Quick(("q-peg_pain", "3"), ("q-peg_enjoyment", "3"), ("q-peg_activity", "3")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        _factory.Clock.Advance(TimeSpan.FromHours(2));
        // Without answers the PEG is not carried over from earlier check-ins: that check-in has no score.
        Assert.Equal(HttpStatusCode.Redirect, (await CheckInClient.PostQuickAsync(client, Quick())).StatusCode);

        var saved = await _factory.QueryAsync(db => db.CheckIns.OrderBy(c => c.CreatedAt).Select(c => c.AnswersJson).ToListAsync());
        Assert.Equal([6.0, 3.0, null], saved.Select(json => Core.History.PegScore.FromAnswersJson(json)?.Value));
        var history = WebUtility.HtmlDecode(await client.GetStringAsync("/history"));
        Assert.Equal(["6.0", "3.0 down 50\u00A0%, meaningful", "–"], Cells(history));
    }

    [Fact]
    public async Task QuickCheckIn_PegOutOfRange_IsShownBesideItsField_AndNothingIsSaved()
    {
        var client = _factory.CreateBrowserLikeClient();
        await SaveAsync(client, Answers.NoRisk());

        var response = await CheckInClient.PostQuickAsync(client, Quick(("q-peg_pain", "12"), ("q-peg_enjoyment", "3"), ("q-peg_activity", "3")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("href=\"/check-in/quick#q-peg_pain\"", html, StringComparison.Ordinal);
        Assert.Equal(1, await _factory.QueryAsync(db => db.CheckIns.CountAsync()));
    }

    private Dictionary<string, string[]> Quick(params (string Field, string Value)[] extra)
    {
        var fields = new Dictionary<string, string[]>
        {
            ["date"] = [Today],
            ["q-back_pain"] = ["4"],
            ["q-hip_pain"] = ["1"],
            ["q-since_last_time"] = ["better"],
            ["q-serious_signs"] = ["none"],
            ["q-health_history"] = ["none"],
            ["q-leg_symptoms"] = ["none"],
            ["q-night_waking"] = ["no"],
            ["q-distance"] = ["20"],
        };
        foreach (var (field, value) in extra)
        {
            fields[field] = [value];
        }
        return fields;
    }

    private static List<string> OrderedByDay(List<List<string>> rows, int column)
    {
        var day = rows[0].IndexOf("Saved at (UTC, ISO 8601)");
        return [.. rows.Skip(1).OrderBy(r => r[day], StringComparer.Ordinal).Select(r => r[column])];
    }

    /// <summary>RFC 4180: quoted cells may hold commas, doubled quotes and line breaks.</summary>
    private static List<List<string>> Csv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    row.Add(cell.ToString());
                    cell.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(cell.ToString());
                    cell.Clear();
                    rows.Add(row);
                    row = [];
                    break;
                default:
                    cell.Append(c);
                    break;
            }
        }
        return rows;
    }

    /// <summary>The PEG column of the history's table, oldest first, as read (tags removed).</summary>
    private static List<string> Cells(string html) => [.. PegCells().Matches(html).Select(m => Regex.Replace(m.Groups[1].Value, "<[^>]+>", "").Trim())];

    [GeneratedRegex("<td class=\"peg-cell\">(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex PegCells();

    public void Dispose() => _factory.Dispose();
}
