using System.Data.Common;
using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RunBack.Web.Features.History;
using RunBack.Web.Tests.Features;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// Issue 26 item 16 over real SQLite: a runner's own note on a check-in, through both save forms, storage, the history,
/// the check-in page, the summary and every export; refused with its text kept when too long or holding a control
/// character; never logged; never read by the rules; deleted with the check-in and with forget-me.
/// </summary>
public sealed class RunnerNoteTests(RunBackFactory factory) : IClassFixture<RunBackFactory>
{
    /// <summary>A marker no other test writes, so finding it anywhere can only mean this note.</summary>
    private static string Marker() => "zq" + Guid.NewGuid().ToString("N")[..12] + "qz";

    private static Guid SavedId(HttpResponseMessage response) => response.Headers.Location!.ToString() is var location
        && location.StartsWith("/history?saved=", StringComparison.Ordinal)
        ? Guid.Parse(location["/history?saved=".Length..])
        : Guid.Parse(location.Split('/')[^1].Split('?')[0]);

    private Task<RunBack.Data.CheckIn> StoredAsync(Guid id) => factory.QueryAsync(db => db.CheckIns.SingleAsync(c => c.Id == id));

    private Task<int> CountAsync() => factory.QueryAsync(db => db.CheckIns.CountAsync());

    [Fact]
    public async Task FullSave_WithANote_StoredAsTyped_ShownEscapedInHistoryCheckInPageAndSummary()
    {
        var client = factory.CreateBrowserLikeClient();
        var marker = Marker();
        var note = $"<script>alert(1)</script> hilly 10k on Sunday {marker}\r\n  second line \U0001F3C3 ";

        var response = await CheckInClient.SaveAsync(client, Answers.NoRisk(), note: note);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = SavedId(response);
        var expected = $"<script>alert(1)</script> hilly 10k on Sunday {marker}\n  second line \U0001F3C3";
        Assert.Equal(expected, (await StoredAsync(id)).Note);
        foreach (var page in new[] { "/history", $"/summary/{id}", $"/check-in/{id}" })
        {
            var html = await client.GetStringAsync(page);
            // Escaped: the markup shows as text, never as markup.
            Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; hilly 10k on Sunday " + marker, html, StringComparison.Ordinal);
            Assert.Contains("runner-note", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task FullSave_Of501Characters_RefusedBesideTheField_TextKept_NothingSaved_500Saves()
    {
        var client = factory.CreateBrowserLikeClient();
        var before = await CountAsync();
        // An emoji is one character, as the page's counter counts it: 499 letters and one runner make 500.
        var tooLong = new string('a', 500) + "b";

        var response = await CheckInClient.SaveAsync(client, Answers.NoRisk(), note: tooLong);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"note-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Your note is 501 characters long. Please shorten it to 500 characters or fewer (1 too many).", html, StringComparison.Ordinal);
        Assert.Matches("<textarea[^>]*id=\"note\"[^>]*>" + tooLong + "</textarea>", html);
        Assert.Contains("aria-describedby=\"note-help note-count note-error\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"answers\"", html, StringComparison.Ordinal); // the answers are still there to save again
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());

        var fits = new string('a', 499) + "\U0001F3C3";
        var saved = await CheckInClient.SaveAsync(client, Answers.NoRisk(), note: fits);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(fits, (await StoredAsync(SavedId(saved))).Note);
    }

    [Theory]
    [InlineData("hilly\u0007 10k")]
    [InlineData("tab\there")]
    [InlineData("reads \u202Ebackwards")]
    public async Task FullSave_WithAControlCharacter_RefusedBesideTheField_TextKept_NothingSaved(string note)
    {
        var client = factory.CreateBrowserLikeClient();
        var before = await CountAsync();

        var response = await CheckInClient.SaveAsync(client, Answers.NoRisk(), note: note);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Your note has a hidden control character in it", html, StringComparison.Ordinal);
        Assert.Contains("id=\"note-error\"", html, StringComparison.Ordinal);
        Assert.Contains(">" + note + "</textarea>", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task QuickCheckIn_WithANote_Saved_ShownOnItsPage_AndBadNotesComeBackInTheOpenFold()
    {
        var client = factory.CreateBrowserLikeClient();
        await CheckInClient.SaveOkAsync(client, Answers.NoRisk());
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var before = await CountAsync();
        var fields = CheckInClient.QuickForm(Answers.Today);
        fields["note"] = [new string('x', 501)];

        var refused = await CheckInClient.PostQuickAsync(client, fields);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("<details class=\"quick-fold\" id=\"note-fold\" open", html, StringComparison.Ordinal);
        Assert.Contains("id=\"note-error\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/check-in/quick#note\">Your note is 501 characters long.", html, StringComparison.Ordinal);
        Assert.Contains(">" + new string('x', 501) + "</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"20\"", html, StringComparison.Ordinal); // the other answers are kept too
        Assert.Equal(before, await CountAsync());

        fields["note"] = ["bell\u0007"];
        refused = await CheckInClient.PostQuickAsync(client, fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Your note has a hidden control character in it", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());

        var marker = Marker();
        fields["note"] = ["Hilly 10k on Sunday " + marker];
        var saved = await CheckInClient.PostQuickAsync(client, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = SavedId(saved);
        Assert.Equal("Hilly 10k on Sunday " + marker, (await StoredAsync(id)).Note);
        Assert.Contains("Hilly 10k on Sunday " + marker, await client.GetStringAsync($"/check-in/{id}"), StringComparison.Ordinal);
        // A page without a note has the field folded and empty.
        var fresh = await client.GetStringAsync("/check-in/quick");
        Assert.Contains("<details class=\"quick-fold\" id=\"note-fold\">", fresh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_CsvJsonAndFhir_CarryTheNote_CsvDefusesAFormula()
    {
        var client = factory.CreateBrowserLikeClient();
        var note = "=HYPERLINK(\"http://evil.example\"), hilly 10k\nline two";
        var id = SavedId(await CheckInClient.SaveAsync(client, Answers.NoRisk(), note: note));
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var without = await CheckInClient.SaveOkAsync(client, Answers.NoRisk());

        var rows = HistoryExportTests.Parse((await client.GetStringAsync("/history/export.csv")).TrimStart('\uFEFF'));
        var header = rows[0];
        var column = header.IndexOf(HistoryExport.NoteColumn);
        Assert.Equal(header.Count - 1, column);
        var byId = rows.Skip(1).Where(r => r.Count == header.Count).ToDictionary(r => r[0], r => r[column]);
        Assert.Equal("'" + note, byId[id.ToString()]);
        Assert.Equal("", byId[without.ToString()]);

        using var json = JsonDocument.Parse(await client.GetStringAsync("/history/export.json"));
        var checkIns = json.RootElement.GetProperty("checkIns").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);
        Assert.Equal(note, checkIns[id.ToString()].GetProperty("note").GetString());
        Assert.False(checkIns[without.ToString()].TryGetProperty("note", out _));

        // FHIR: the QuestionnaireResponse's last item, linkId runner-note, answered with the note as a valueString.
        using var fhir = JsonDocument.Parse(await client.GetStringAsync("/history/export.fhir.json"));
        var notes = fhir.RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource"))
            .Where(r => r.GetProperty("resourceType").GetString() == "QuestionnaireResponse")
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("item").EnumerateArray().Last() is var last
                && last.GetProperty("linkId").GetString() == "runner-note" ? last.GetProperty("answer")[0].GetProperty("valueString").GetString() : null);
        Assert.Equal(note, notes[id.ToString()]);
        Assert.Null(notes[without.ToString()]);
    }

    [Fact]
    public async Task TheRules_NeverReadTheNote_SameResultWithOrWithoutIt_AndNotInTheSnapshotOrAnswers()
    {
        var client = factory.CreateBrowserLikeClient();
        // A note that would be a warning sign if it were an answer: it must change nothing.
        var marker = Marker();
        var note = $"chest pain, numb between my legs, both legs weak, fever {marker}";
        var with = await StoredAsync(SavedId(await CheckInClient.SaveAsync(client, Answers.NoRisk(), note: note)));
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var without = await StoredAsync(await CheckInClient.SaveOkAsync(client, Answers.NoRisk()));

        Assert.Equal(note, with.Note);
        Assert.Equal("self_care", with.Triage);
        Assert.Equal(without.Triage, with.Triage);
        Assert.Equal(without.FactorIds, with.FactorIds);
        Assert.Equal(without.GuidanceIds, with.GuidanceIds);
        Assert.Equal(without.FiredRuleIds, with.FiredRuleIds);
        Assert.Equal(without.ResultSnapshot, with.ResultSnapshot);
        Assert.Equal(without.AnswersJson, with.AnswersJson);
        Assert.DoesNotContain(marker, with.ResultSnapshot!, StringComparison.Ordinal);
        Assert.DoesNotContain(marker, with.AnswersJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNote_IsDeletedWithTheCheckIn_AndWithForgetMe()
    {
        var client = factory.CreateBrowserLikeClient();
        var deleted = Marker();
        var forgotten = Marker();
        var first = SavedId(await CheckInClient.SaveAsync(client, Answers.NoRisk(), note: "to delete " + deleted));
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await CheckInClient.SaveAsync(client, Answers.NoRisk(), note: "to forget " + forgotten);
        Assert.Contains(deleted, await factory.StoredTextAsync(), StringComparison.Ordinal); // the scan finds it while it is kept

        var delete = await CheckInClient.PostFormAsync(client, $"/check-ins/{first}/delete");
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.DoesNotContain(deleted, await factory.StoredTextAsync(), StringComparison.Ordinal);
        Assert.Contains(forgotten, await factory.StoredTextAsync(), StringComparison.Ordinal);

        var forget = await CheckInClient.PostFormAsync(client, "/forget", new() { ["confirm"] = "yes" });
        Assert.Equal("/?forgotten=1", forget.Headers.Location!.ToString());
        Assert.DoesNotContain(forgotten, await factory.StoredTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNote_IsNeverLogged_OnSaves_Refusals_Pages_Exports()
    {
        var client = factory.CreateBrowserLikeClient();
        var marker = Marker();
        var id = SavedId(await CheckInClient.SaveAsync(client, Answers.NoRisk(), note: "full " + marker));
        await CheckInClient.SaveAsync(client, Answers.NoRisk(), note: "too long " + marker + new string('a', 500));
        await CheckInClient.SaveAsync(client, Answers.NoRisk(), note: "control\u0007 " + marker);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var fields = CheckInClient.QuickForm(Answers.Today);
        fields["note"] = ["quick " + marker];
        Assert.Equal(HttpStatusCode.Redirect, (await CheckInClient.PostQuickAsync(client, fields)).StatusCode);
        fields["note"] = ["quick too long " + marker + new string('a', 500)];
        Assert.Equal(HttpStatusCode.BadRequest, (await CheckInClient.PostQuickAsync(client, fields)).StatusCode);
        foreach (var page in new[] { "/history", $"/summary/{id}", $"/check-in/{id}", "/history/export.csv", "/history/export.json", "/history/export.fhir.json" })
        {
            Assert.Contains(marker, await client.GetStringAsync(page), StringComparison.Ordinal);
        }

        // The request log and EF's command log ran at Verbose for all of it; nothing holds the note.
        Assert.Contains(factory.Logs.Events, e => e.RenderMessage().Contains("/check-ins", StringComparison.Ordinal));
        Assert.DoesNotContain(marker, factory.Logs.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNote_IsNeverLogged_WhenTheSaveFails_AndComesBackInTheField()
    {
        await using var failing = new InterceptingFactory<FailingCheckInInsert>();
        var client = failing.CreateBrowserLikeClient();
        await CheckInClient.SaveOkAsync(client, Answers.NoRisk());
        var marker = Marker();
        failing.Interceptor.Failing = true;

        var response = await CheckInClient.SaveAsync(client, Answers.NoRisk(), note: "storage down " + marker);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains(">storage down " + marker + "</textarea>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The failure is logged (EF's failed command and the app's storage line), the note is not.
        Assert.Contains(failing.Logs.Events, e => e.Exception is not null || e.Level >= Serilog.Events.LogEventLevel.Error);
        Assert.DoesNotContain(marker, failing.Logs.AllText(), StringComparison.Ordinal);
    }

    /// <summary>Fails every insert into check_ins as a full disk would, while <see cref="Failing"/> is set.</summary>
    internal sealed class FailingCheckInInsert : DbCommandInterceptor
    {
        public bool Failing { get; set; }

        private void Check(DbCommand command)
        {
            if (Failing && command.CommandText.Contains("INSERT INTO \"check_ins\"", StringComparison.Ordinal))
            {
                throw new SqliteException("disk I/O error", 10);
            }
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
