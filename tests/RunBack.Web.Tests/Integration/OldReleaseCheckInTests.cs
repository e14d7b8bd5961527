using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// A check-in saved under 2026.11.0 while the app serves 2026.12.0 is still listed, summarised and exported with
/// 2026.11.0's questions and words; the JSON API says which release answered.
/// </summary>
public sealed class OldReleaseCheckInTests(RunBackFactory factory) : IClassFixture<RunBackFactory>
{
    private const string OldRelease = "2026.11.0";
    private static string NewRelease => RepoPaths.ServedRelease;

    /// <summary>A runner with a fever, answered as 2026.11.0 asked: no health history, no pain pattern, no "began before 45".</summary>
    private static JsonObject OldFeverAnswers()
    {
        var answers = Answers.NoRisk();
        answers.Remove("health_history");
        answers.Remove("pain_pattern");
        answers.Remove("first_before_45");
        answers["serious_signs"] = new JsonArray("fever");
        answers["back_pain"] = 5;
        return answers;
    }

    [Fact]
    public async Task SavedUnder2026_11_0_HistorySummaryAndExportKeepItsQuestionsAndWords()
    {
        var client = factory.CreateBrowserLikeClient();
        Assert.Equal(NewRelease, await CheckInClient.CurrentReleaseAsync(client));

        var response = await CheckInClient.SaveAsync(client, OldFeverAnswers(), release: OldRelease);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = Guid.Parse(response.Headers.Location!.ToString()["/history?saved=".Length..]);

        var history = WebUtility.HtmlDecode(await client.GetStringAsync("/history"));
        Assert.Contains($"/summary/{id}", history, StringComparison.Ordinal);
        Assert.Contains("advised a doctor the same day", history, StringComparison.Ordinal);

        var summary = WebUtility.HtmlDecode(await client.GetStringAsync($"/summary/{id}"));
        Assert.Contains($"<dd>{OldRelease}</dd>", summary, StringComparison.Ordinal);
        Assert.DoesNotContain(NewRelease, summary, StringComparison.Ordinal);
        // 2026.11.0 called the question "Warning signs" (2026.12.0: "Warning signs now") and had no health history.
        Assert.Matches("<tr class=\"is-warning\"><th scope=\"row\">Warning signs</th>", summary);
        Assert.Contains("Pain wakes you now and then", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Warning signs now", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Health history", summary, StringComparison.Ordinal);

        var csv = (await client.GetStringAsync("/history/export.csv")).Trim().Split("\r\n");
        var row = Assert.Single(csv, line => line.StartsWith(id.ToString(), StringComparison.Ordinal));
        Assert.Contains($",{OldRelease},", row, StringComparison.Ordinal);
        Assert.Contains(",urgent,", row, StringComparison.Ordinal);
        Assert.DoesNotContain("health_history", row, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(await client.GetStringAsync("/history/export.json"));
        var saved = json.RootElement.GetProperty("checkIns").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal(OldRelease, saved.GetProperty("release").GetString());
        Assert.Equal("urgent", saved.GetProperty("triage").GetString());
        Assert.Equal("fever", saved.GetProperty("answers").GetProperty("serious_signs")[0].GetString());
        Assert.False(saved.GetProperty("answers").TryGetProperty("health_history", out _));
    }

    [Fact]
    public async Task AssessmentApi_SaysWhichReleaseAnswered()
    {
        var client = factory.CreateClient();
        var body = new JsonObject { ["answers"] = Answers.NoRisk() };

        var response = await client.PostAsync("/api/assessments", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(NewRelease, json.RootElement.GetProperty("release").GetString());
        Assert.All(json.RootElement.GetProperty("guidance").EnumerateArray(),
            g => Assert.StartsWith($"/guidance/{NewRelease}/", g.GetProperty("readMore").GetString(), StringComparison.Ordinal));
    }
}
