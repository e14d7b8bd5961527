using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RunBack.Web.Features.Assessments;
using RunBack.Web.Features.CheckIns;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>Saves that race: a double-submitted first save, the same key from one profile, a save racing "forget me".</summary>
public sealed class SaveRaceTests
{
    private static async Task<long> CountAsync(RunBackFactory factory, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A browser whose cookies the test can read, as a double-click sends them: the same cookies on every copy.</summary>
    private static (HttpClient Client, CookieContainer Jar) Browser(RunBackFactory factory)
    {
        var jar = new CookieContainer();
        return (factory.CreateDefaultClient(new Uri("https://localhost"), new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(jar)), jar);
    }

    /// <summary>
    /// The same form posted <paramref name="copies"/> times at once from one browser (a double-click): every copy leaves
    /// with the cookies the browser had when the form was read, before any answer comes back.
    /// </summary>
    private static async Task<HttpResponseMessage[]> PostAtOnceAsync(RunBackFactory factory, (HttpClient Client, CookieContainer Jar) browser, Guid key, int copies)
    {
        var token = await Html.AntiforgeryTokenAsync(browser.Client, "/forget");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["answers"] = Answers.NoRisk().ToJsonString(),
            ["release"] = await CheckInClient.CurrentReleaseAsync(browser.Client),
            ["date"] = Answers.Today.ToString("yyyy-MM-dd"),
            ["key"] = key.ToString(),
        };
        var cookies = browser.Jar.GetCookieHeader(new Uri("https://localhost/check-ins"));
        using var wire = factory.CreateDefaultClient(new Uri("https://localhost"));
        using var start = new SemaphoreSlim(0);
        var posts = Enumerable.Range(0, copies).Select(_ => Task.Run(async () =>
        {
            await start.WaitAsync();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/check-ins") { Content = new FormUrlEncodedContent(fields) };
            request.Headers.Add("Cookie", cookies);
            return await wire.SendAsync(request);
        })).ToList();
        start.Release(copies);
        return await Task.WhenAll(posts);
    }

    private static string? ProfileCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';')[0]).FirstOrDefault(c => c.Contains("__Host-rb_profile=", StringComparison.Ordinal) && !c.EndsWith('='))
            : null;

    [Fact]
    public async Task ConcurrentFirstSaves_SameKey_OneProfileOneCheckIn_EveryResponseSetsItsCookie()
    {
        await using var factory = new RunBackFactory();
        const int rounds = 10;
        for (var round = 0; round < rounds; round++)
        {
            var responses = await PostAtOnceAsync(factory, Browser(factory), Guid.NewGuid(), copies: 3);

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
            Assert.Single(responses.Select(r => r.Headers.Location!.ToString()).Distinct());
            // Whichever response the browser keeps, its cookie opens the one profile made.
            var cookies = responses.Select(ProfileCookie).ToList();
            Assert.All(cookies, Assert.NotNull);
            Assert.Single(cookies.Distinct());
        }

        Assert.Equal(rounds, await CountAsync(factory, "profiles"));
        Assert.Equal(rounds, await CountAsync(factory, "device_keys"));
        Assert.Equal(rounds, await CountAsync(factory, "check_ins"));
    }

    [Fact]
    public async Task FirstSave_SameKeyAfterTheRememberedWindow_ClearMessageNoSecondProfile()
    {
        await using var factory = new RunBackFactory();
        var key = Guid.NewGuid();
        await CheckInClient.SaveOkAsync(factory.CreateBrowserLikeClient(), Answers.NoRisk(), key);
        factory.Clock.Advance(FirstSaves.Remembered + TimeSpan.FromSeconds(1));

        // As a racing post on another app instance would: the key is in the database, not in this process's memory.
        var response = await CheckInClient.SaveAsync(factory.CreateBrowserLikeClient(), Answers.NoRisk(), key);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("already saved a moment ago", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(ProfileCookie(response));
        Assert.Equal(1, await CountAsync(factory, "profiles"));
        Assert.Equal(1, await CountAsync(factory, "check_ins"));
    }

    [Fact]
    public async Task ConcurrentSaves_SameKey_ExistingProfile_OneCheckIn()
    {
        await using var factory = new RunBackFactory();
        var browser = Browser(factory);
        await CheckInClient.SaveOkAsync(browser.Client, Answers.NoRisk());

        var responses = await PostAtOnceAsync(factory, browser, Guid.NewGuid(), copies: 4);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location!.ToString()).Distinct());
        Assert.Equal(1, await CountAsync(factory, "profiles"));
        Assert.Equal(2, await CountAsync(factory, "check_ins"));
    }

    [Fact]
    public async Task Save_ProfileForgottenMeanwhile_SaysSoNotAConflict()
    {
        await using var factory = new RunBackFactory();
        var browser = factory.CreateBrowserLikeClient();
        await CheckInClient.SaveOkAsync(browser, Answers.NoRisk());
        var profileId = Guid.Parse(await ProfileIdAsync(factory));
        var intake = factory.Services.GetRequiredService<AnswerIntake>();
        var read = intake.FromForm(new PostedAnswers(Answers.NoRisk().ToJsonString(), intake.Assessments.Current.Id, null, null), null).Checked;
        // "Forget me" runs between the save's look-up of the profile and its insert.
        Assert.Equal(HttpStatusCode.Redirect, (await CheckInClient.PostFormAsync(browser, "/forget", new() { ["confirm"] = "yes" })).StatusCode);

        var result = await factory.Services.GetRequiredService<CheckInService>().SaveAsync(profileId, read!, Guid.NewGuid());

        Assert.Equal(SaveOutcome.ProfileGone, result.Outcome);
        Assert.Contains("forget me", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(factory, "check_ins"));
    }

    private static async Task<string> ProfileIdAsync(RunBackFactory factory)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM profiles";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
