using System.Net;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// The database goes away under a returning runner (a real SQLite file whose folder is moved out from under the app, so
/// every new connection fails to open it): the profile lookup fails once, in the profile authentication scheme, and
/// the request goes on with the profile unknown. Content pages keep working; whatever needs storage answers the styled
/// 503 (a save with the answers kept); nothing treats the runner as a newcomer, and everything is there once it is back.
/// </summary>
public sealed class ProfileOutageTests
{
    [Fact]
    public async Task DatabaseGone_ReturningRunner_ContentWorks_StorageNeedsGetStyled503_NothingLost()
    {
        await using var factory = new RunBackFactory();
        var runner = factory.CreateBrowserLikeClient();
        var saved = await CheckInClient.SaveOkAsync(runner, Answers.NoRisk());
        // Forms loaded while storage was up (their tokens stay valid: they are not tied to the profile).
        var quickToken = await Html.AntiforgeryTokenAsync(runner, "/check-in/quick");
        var away = factory.Directory + "-away";
        Directory.Move(factory.Directory, away);
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

            // Content pages, the self-check and the public API work without the database.
            foreach (var path in new[] { "/", "/check", "/about", "/api/questionnaire" })
            {
                var response = await runner.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}");
            }

            // Pages that need the runner's data: the styled 503, never a 500 or an empty page.

            foreach (var path in new[] { "/history", "/check-in/quick", $"/check-in/{saved}", $"/summary/{saved}", $"/history/delete/{saved}",
                "/history/export.csv", "/history/export.json", $"/summary/{saved}.pdf" })
            {
                await AssertStyled503Async(await runner.GetAsync(path), "GET " + path);
            }

            // A save keeps what was typed; the other posts say storage is not available; the cookie is kept.
            var answers = Answers.HipPattern().With("back_pain", 6);
            var save = await CheckInClient.SaveAsync(runner, answers);
            var saveHtml = WebUtility.HtmlDecode(await save.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, save.StatusCode);
            Assert.Contains("We could not save your check-in just now", saveHtml, StringComparison.Ordinal);
            Assert.Contains(answers.ToJsonString(), saveHtml, StringComparison.Ordinal);
            Assert.False(save.Headers.Contains("Set-Cookie") && save.Headers.GetValues("Set-Cookie").Any(c => c.Contains("rb_profile", StringComparison.Ordinal)),
                "A refused save must not replace the runner's profile cookie.");
            foreach (var (path, fields) in new[]
            {
                ("/forget", new Dictionary<string, string> { ["confirm"] = "yes" }),
                ("/recovery-code", new Dictionary<string, string>()),
                ($"/check-ins/{saved}/delete", new Dictionary<string, string>()),
            })
            {
                var response = await CheckInClient.PostFormAsync(runner, path, fields);
                await AssertStyled503Async(response, "POST " + path);
                Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.Contains("rb_profile", StringComparison.Ordinal)),
                    $"POST {path} touched the profile cookie while storage was down.");
            }
            var quick = await runner.PostAsync("/check-in/quick", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = quickToken,
                ["_handler"] = "quick",
                ["key"] = Guid.NewGuid().ToString(),
            }));
            await AssertStyled503Async(quick, "POST /check-in/quick");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Move(away, factory.Directory);
        }

        // Back: the same profile (nothing was forgotten, no second profile), and saving works again.
        var again = await CheckInClient.SaveOkAsync(runner, Answers.NoRisk().With("back_pain", 2));
        var csv = await runner.GetStringAsync("/history/export.csv");
        Assert.Contains(saved.ToString(), csv, StringComparison.Ordinal);
        Assert.Contains(again.ToString(), csv, StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Profiles)));
    }

    private static async Task AssertStyled503Async(HttpResponseMessage response, string what)
    {
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{what} answered {(int)response.StatusCode}: {html[html.IndexOf("<main", StringComparison.Ordinal)..][..600]}");
        Assert.Contains("storage on our side is not available", html, StringComparison.Ordinal);
        Assert.Contains("<main", html, StringComparison.Ordinal); // the site's layout, not an empty or bare page
    }
}
