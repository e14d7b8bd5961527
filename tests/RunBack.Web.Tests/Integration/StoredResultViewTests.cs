using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RunBack.Core.Rules;
using RunBack.Web.Features.Assessments;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// Issue 22 item 2: a saved check-in's page, its printable summary and the CSV/JSON exports show the result stored at
/// save time, not a fresh evaluation. The stored snapshot is overwritten with another tier and one more factor (standing in
/// for an engine change that would make a replay say something else): every view must show the stored record.
/// </summary>
public sealed class StoredResultViewTests
{
    private static async Task<string?> StoredAsync(RunBackFactory factory)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ResultSnapshot FROM check_ins";
        return await command.ExecuteScalarAsync() as string;
    }

    private static async Task StoreAsync(RunBackFactory factory, string? snapshot)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE check_ins SET ResultSnapshot = $s";
        command.Parameters.AddWithValue("$s", (object?)snapshot ?? DBNull.Value);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    /// <summary>The saved no-risk result (self-care, no factors) changed to "see a professional" with a factor the answers never raised.</summary>
    private static (ResultSnapshot Changed, string FactorId, string FactorLabel) Changed(RunBackFactory factory, ResultSnapshot saved)
    {
        Assert.Equal("self_care", saved.Triage);
        var release = factory.Services.GetRequiredService<AssessmentService>().Find(saved.Release)!;
        var extra = release.Rules.Factors.First(f => saved.Factors.All(s => s.Id != f.Id));
        var changed = saved with
        {
            Triage = "see_professional",
            Factors = [.. saved.Factors, new SnapshotFactor(extra.Id, 2, [])],
        };
        return (changed, extra.Id, extra.Label);
    }

    private static async Task AssertShowsStoredAsync(HttpClient client, Guid id, string factorId, string factorLabel)
    {
        var summary = WebUtility.HtmlDecode(await client.GetStringAsync($"/summary/{id}"));
        Assert.Contains("summary__triage triage--see_professional", summary);
        Assert.Contains(factorLabel, summary);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/check-in/{id}"));
        Assert.Contains("triage triage--see_professional", page);
        Assert.DoesNotContain("triage--self_care", page);
        Assert.Contains(factorLabel, page);

        var csv = await client.GetStringAsync("/history/export.csv");
        var row = csv.Split("\r\n")[1];
        Assert.Contains(",see_professional,", row);
        Assert.Contains(factorId, row);

        var json = JsonNode.Parse(await client.GetStringAsync("/history/export.json"))!;
        var item = json["checkIns"]![0]!;
        Assert.Equal("see_professional", (string?)item["triage"]);
        Assert.Contains(factorId, item["factors"]!.AsArray().Select(f => (string?)f));
    }

    [Fact]
    public async Task SavedCheckIn_PageSummaryAndExports_ShowTheStoredResult_NotAFreshEvaluation()
    {
        await using var factory = new RunBackFactory();
        var client = factory.CreateBrowserLikeClient();
        var id = await CheckInClient.SaveOkAsync(client, Answers.NoRisk());
        var saved = ResultSnapshot.FromJson(await StoredAsync(factory))!;
        var (changed, factorId, factorLabel) = Changed(factory, saved);

        await StoreAsync(factory, changed.ToJson());

        await AssertShowsStoredAsync(client, id, factorId, factorLabel);
    }

    [Fact]
    public async Task SavedCheckIn_WithoutSnapshot_GetsItKeptOnce_ThenTheStoredOneIsShown()
    {
        await using var factory = new RunBackFactory();
        var client = factory.CreateBrowserLikeClient();
        var id = await CheckInClient.SaveOkAsync(client, Answers.NoRisk());
        var kept = await StoredAsync(factory);
        await StoreAsync(factory, null);

        var first = WebUtility.HtmlDecode(await client.GetStringAsync($"/summary/{id}"));

        Assert.Contains("summary__triage triage--self_care", first);
        Assert.Equal(kept, await StoredAsync(factory));

        // Kept once: a changed stored record is what later views show, it is never computed again over it.
        var (changed, factorId, factorLabel) = Changed(factory, ResultSnapshot.FromJson(kept)!);
        await StoreAsync(factory, changed.ToJson());
        await AssertShowsStoredAsync(client, id, factorId, factorLabel);
        Assert.Equal(changed.ToJson(), await StoredAsync(factory));
    }
}
