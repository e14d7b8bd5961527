using System.Net;
using Microsoft.EntityFrameworkCore;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// /history reads the distances, unit, shoes and PEG score stored beside each check-in at save time (issue 22), never
/// each check-in's answers JSON: a row whose JSON no longer reads still shows them.
/// </summary>
public sealed class HistoryColumnsTests
{
    [Fact]
    public async Task History_AnswersJsonUnreadable_DistancesShoesAndPegStillShownFromColumns()
    {
        await using var factory = new RunBackFactory();
        var runner = factory.CreateBrowserLikeClient();
        var answers = Answers.NoRisk().With("distance_unit", "miles").With("distance_week_1", 21.5).With("distance_week_2", 18)
            .With("shoe_distance", 300).With("peg_pain", 4).With("peg_enjoyment", 5).With("peg_activity", 4);
        var id = await CheckInClient.SaveOkAsync(runner, answers);
        // The stored answers no longer parse (as if damaged): only the columns can give the history its numbers.
        Assert.Equal(1, await factory.QueryAsync(db => db.CheckIns.Where(c => c.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.AnswersJson, "not json {"))));

        var response = await runner.GetAsync("/history");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("class=\"weeks-table\"", html, StringComparison.Ordinal);
        var weeks = html[html.IndexOf("class=\"weeks-table\"", StringComparison.Ordinal)..];
        Assert.Contains("Distance run per week (miles)", weeks, StringComparison.Ordinal);
        Assert.Contains("<td>21.5\u00A0miles</td>", weeks, StringComparison.Ordinal);
        Assert.Contains("<td>18\u00A0miles</td>", weeks, StringComparison.Ordinal);
        Assert.Contains("<td>300\u00A0miles</td>", html, StringComparison.Ordinal);
        // PEG (4 + 5 + 4) / 3 = 4.3, in the table and on the check-in's card.
        Assert.Contains("<td class=\"peg-cell\">4.3</td>", html, StringComparison.Ordinal);
        Assert.Contains("PEG 4.3/10", html, StringComparison.Ordinal);
    }
}
