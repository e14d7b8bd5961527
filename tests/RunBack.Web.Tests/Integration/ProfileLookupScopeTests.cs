using System.Net;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// The profile scheme looks the device cookie up only for requests that can use a profile: a static file or a health
/// probe sent with the cookie never touches the database. Shown with the database gone (its folder moved away): the
/// lookup would fail and log "The profile lookup failed"; skipped, nothing is logged and the file is served.
/// </summary>
public sealed class ProfileLookupScopeTests
{
    [Fact]
    public async Task StaticFileAndLiveness_WithProfileCookie_NoLookup()
    {
        await using var factory = new RunBackFactory();
        var runner = factory.CreateBrowserLikeClient();
        await CheckInClient.SaveOkAsync(runner, Answers.NoRisk());
        var away = factory.Directory + "-away";
        Directory.Move(factory.Directory, away);
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { "/app.css", "/favicon.svg", "/healthz/live" })
            {
                var response = await runner.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}");
            }
            Assert.DoesNotContain("The profile lookup failed", factory.Logs.AllText(), StringComparison.Ordinal);

            // A page that can use the profile still looks it up (and so still sees the outage).
            await runner.GetAsync("/history");
            Assert.Contains("The profile lookup failed", factory.Logs.AllText(), StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Move(away, factory.Directory);
        }
    }
}
