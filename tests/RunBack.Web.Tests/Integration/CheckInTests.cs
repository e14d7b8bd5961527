using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>Saving, history, profiles, recovery, forget-me and idempotency on SQLite; CheckInTestsOnPostgres (RunBack.SystemTests) runs them all on PostgreSQL.</summary>
public partial class CheckInTests : IClassFixture<RunBackFactory>
{
    private readonly RunBackFactory _factory;

    public CheckInTests(RunBackFactory factory) => _factory = factory;

    [GeneratedRegex("<code>([0-9A-Z]{4}(?:-[0-9A-Z]{4}){6})</code>")]
    private static partial Regex RecoveryCodePattern();

    internal static async Task<string> RecoveryCodeShownAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/history");
        var match = RecoveryCodePattern().Match(html);
        Assert.True(match.Success, "No recovery code on the history page");
        return match.Groups[1].Value;
    }

    [Fact]
    public async Task FirstSave_CreatesProfileCookieAndShowsRecoveryCodeOnce()
    {
        var client = _factory.CreateBrowserLikeClient();

        var response = await CheckInClient.SaveAsync(client, Answers.NoRisk());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("__Host-rb_profile=", StringComparison.Ordinal));
        Assert.Equal("no-store", (await client.GetAsync("/history/export.csv")).Headers.CacheControl!.ToString());
        Assert.Equal("no-store", (await client.GetAsync("/history/export.json")).Headers.CacheControl!.ToString());
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        await RecoveryCodeShownAsync(client);
        var again = await client.GetStringAsync("/history");
        Assert.DoesNotMatch(RecoveryCodePattern(), again);
        Assert.Contains("Pain and running over time", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Database_StoresHashesOnly_NoSecretOrCode()
    {
        var client = _factory.CreateBrowserLikeClient();
        var response = await CheckInClient.SaveAsync(client, Answers.NoRisk());
        var secret = response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("__Host-rb_profile=", StringComparison.Ordinal)).Split(';')[0]["__Host-rb_profile=".Length..];
        var code = await RecoveryCodeShownAsync(client);

        var text = await _factory.StoredTextAsync();

        // The scan can find what is there: the two hashes and this runner's answers.
        Assert.True(await _factory.StoresBytesAsync(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret))), "device-key hash not found by the scan");
        Assert.True(await _factory.StoresBytesAsync(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(code.Replace("-", "", StringComparison.Ordinal)))), "recovery hash not found by the scan");
        Assert.Contains("\"pain_trend\":\"better\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(code.Replace("-", "", StringComparison.Ordinal), text, StringComparison.Ordinal);
        Assert.DoesNotContain(code, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveListExportDelete_RoundTrip()
    {
        var client = _factory.CreateBrowserLikeClient();
        var first = await CheckInClient.SaveOkAsync(client, Answers.NoRisk());
        // A second later, so "oldest first" has one answer on every provider (equal times sort in any order).
        _factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await CheckInClient.SaveOkAsync(client, Answers.HipPattern().With("back_pain", 6));

        var history = await client.GetStringAsync("/history");
        Assert.Contains($"/summary/{first}", history, StringComparison.Ordinal);
        Assert.Contains($"/summary/{second}", history, StringComparison.Ordinal);

        var csv = await client.GetStringAsync("/history/export.csv");
        Assert.Equal(3, csv.Trim().Split("\r\n").Length);
        Assert.Contains(second.ToString(), csv, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(await client.GetStringAsync("/history/export.json"));
        Assert.Equal("runback.history/1", json.RootElement.GetProperty("schema").GetString());
        var checkIns = json.RootElement.GetProperty("checkIns");
        Assert.Equal(2, checkIns.GetArrayLength());
        Assert.Equal(6, checkIns[1].GetProperty("backPain").GetInt32());
        Assert.Equal("likely", checkIns[1].GetProperty("hipComponent").GetString());
        Assert.Equal(9, checkIns[1].GetProperty("answers").GetProperty("sitting_hours").GetInt32());

        var delete = await CheckInClient.PostFormAsync(client, $"/check-ins/{first}/delete");
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        var after = await client.GetStringAsync("/history");
        Assert.DoesNotContain($"/summary/{first}", after, StringComparison.Ordinal);
        Assert.Contains($"/summary/{second}", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_ListsTenPerPage_NewestFirst()
    {
        var client = _factory.CreateBrowserLikeClient();
        var ids = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            // A second between saves, as between a runner's check-ins: "newest first" needs saves that are not all at one
            // instant (PostgreSQL's sort leaves equal times in any order).
            _factory.Clock.Advance(TimeSpan.FromSeconds(1));
            ids.Add(await CheckInClient.SaveOkAsync(client, Answers.NoRisk().With("back_pain", i % 11)));
        }

        var first = await client.GetStringAsync("/history");
        var second = await client.GetStringAsync("/history?page=2");
        var beyond = await client.GetStringAsync("/history?page=99");

        Assert.Contains($"/history/delete/{ids[11]}", first, StringComparison.Ordinal);
        Assert.Contains($"/history/delete/{ids[2]}", first, StringComparison.Ordinal);
        Assert.DoesNotContain($"/history/delete/{ids[1]}", first, StringComparison.Ordinal);
        Assert.True(first.IndexOf(ids[11].ToString(), StringComparison.Ordinal) < first.IndexOf($"/history/delete/{ids[10]}", StringComparison.Ordinal));
        Assert.Contains($"/history/delete/{ids[1]}", second, StringComparison.Ordinal);
        Assert.Contains($"/history/delete/{ids[0]}", second, StringComparison.Ordinal);
        Assert.Contains("Page 2 of 2", second, StringComparison.Ordinal);
        Assert.Contains("Page 2 of 2", beyond, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoubleSubmit_SameKey_SavesOnce()
    {
        var client = _factory.CreateBrowserLikeClient();
        var key = Guid.NewGuid();

        var first = await CheckInClient.SaveOkAsync(client, Answers.NoRisk(), key);
        var second = await CheckInClient.SaveOkAsync(client, Answers.NoRisk(), key);

        Assert.Equal(first, second);
        var csv = await client.GetStringAsync("/history/export.csv");
        Assert.Equal(2, csv.Trim().Split("\r\n").Length);
    }

    [Fact]
    public async Task SameKey_OtherAnswers_RefusedWithAnswersKept()
    {
        var client = _factory.CreateBrowserLikeClient();
        var key = Guid.NewGuid();
        await CheckInClient.SaveOkAsync(client, Answers.NoRisk(), key);

        var response = await CheckInClient.SaveAsync(client, Answers.NoRisk().With("back_pain", 8), key);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("already saved with different answers", html, StringComparison.Ordinal);
        Assert.Contains("name=\"answers\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(key.ToString(), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_InvalidAnswers_ClearMessageNothingSaved()
    {
        var client = _factory.CreateBrowserLikeClient();

        var response = await CheckInClient.SaveAsync(client, Answers.NoRisk().With("back_pain", 42));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Your check-in was not saved", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("__Host-rb_profile=", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"back_pain\": \"<script>alert(1)</script>\"}")]
    [InlineData("")]
    public async Task Save_TamperedAnswers_ClearMessage(string answers)
    {
        var client = _factory.CreateBrowserLikeClient();
        var token = await Html.AntiforgeryTokenAsync(client, "/forget");

        var response = await client.PostAsync("/check-ins", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["answers"] = answers,
            ["key"] = Guid.NewGuid().ToString(),
        }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Your check-in was not saved", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-guid")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public async Task Save_BadIdempotencyKey_Refused(string key)
    {
        var client = _factory.CreateBrowserLikeClient();
        var token = await Html.AntiforgeryTokenAsync(client, "/forget");

        var response = await client.PostAsync("/check-ins", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["answers"] = Answers.NoRisk().ToJsonString(),
            ["key"] = key,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AnotherRunnersCheckIn_Always404()
    {
        var owner = _factory.CreateBrowserLikeClient();
        var id = await CheckInClient.SaveOkAsync(owner, Answers.RedFlag());
        var stranger = _factory.CreateBrowserLikeClient();
        await CheckInClient.SaveOkAsync(stranger, Answers.NoRisk());

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/summary/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/summary/{id}.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CheckInClient.PostFormAsync(stranger, $"/check-ins/{id}/delete")).StatusCode);
        Assert.DoesNotContain(id.ToString(), await stranger.GetStringAsync("/history/export.json"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.CreateClient().GetAsync($"/summary/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/summary/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("1")]
    [InlineData("..%2f..%2fetc%2fpasswd")]
    public async Task DeleteWithIdThatIsNotAGuid_404(string id)
    {
        var client = _factory.CreateBrowserLikeClient();
        await CheckInClient.SaveOkAsync(client, Answers.NoRisk());

        var response = await CheckInClient.PostFormAsync(client, $"/check-ins/{id}/delete");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("__Host-rb_profile=forged")]
    [InlineData("__Host-rb_profile=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("__Host-rb_profile=%00%01%02")]
    public async Task ForgedOrCutCookie_TreatedAsNoProfile(string cookie)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", cookie);

        var history = await client.GetAsync("/history");

        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        Assert.Contains("There is no history on this browser yet", await history.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/history/export.csv")).StatusCode);
    }

    [Fact]
    public async Task RecoveryCode_OpensSameHistoryOnSecondDevice()
    {
        var phone = _factory.CreateBrowserLikeClient();
        var id = await CheckInClient.SaveOkAsync(phone, Answers.HipPattern());
        var code = await RecoveryCodeShownAsync(phone);
        var laptop = _factory.CreateBrowserLikeClient();

        var response = await CheckInClient.PostFormAsync(laptop, "/recover", new() { ["code"] = code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal) }, "/recover");

        Assert.Equal("/history?recovered=1", response.Headers.Location!.ToString());
        Assert.Contains($"/summary/{id}", await laptop.GetStringAsync("/history"), StringComparison.Ordinal);
        Assert.Contains($"/summary/{id}", await phone.GetStringAsync("/history"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ABCD", "does not look like a recovery code")]
    [InlineData("<script>alert(1)</script>", "does not look like a recovery code")]
    [InlineData("0000-0000-0000-0000-0000-0000-0000", "No history matches that recovery code")]
    [InlineData("   ", "Enter your recovery code")]
    public async Task WrongRecoveryCode_ClearMessage_WhatWasTypedKept(string code, string expected)
    {
        var client = _factory.CreateBrowserLikeClient();

        var response = await CheckInClient.PostFormAsync(client, "/recover", new() { ["code"] = code }, "/recover");

        // The page itself answers the post (a code never goes into an address), in the site's layout, with the message
        // beside the field and what was typed still in it.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("class=\"question__error\"", page, StringComparison.Ordinal);
        Assert.Contains(expected, page, StringComparison.Ordinal);
        Assert.Contains("class=\"site-header\"", page, StringComparison.Ordinal);
        if (!string.IsNullOrWhiteSpace(code))
        {
            Assert.Contains($"value=\"{System.Net.WebUtility.HtmlEncode(code)}\"", page, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewRecoveryCode_ReplacesOldOne()
    {
        var client = _factory.CreateBrowserLikeClient();
        await CheckInClient.SaveOkAsync(client, Answers.NoRisk());
        var oldCode = await RecoveryCodeShownAsync(client);

        await CheckInClient.PostFormAsync(client, "/recovery-code");
        var newCode = await RecoveryCodeShownAsync(client);

        Assert.NotEqual(oldCode, newCode);
        var other = _factory.CreateBrowserLikeClient();
        var withOld = await CheckInClient.PostFormAsync(other, "/recover", new() { ["code"] = oldCode }, "/recover");
        Assert.Equal(HttpStatusCode.BadRequest, withOld.StatusCode);
        Assert.Contains("No history matches that recovery code", await withOld.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var withNew = await CheckInClient.PostFormAsync(other, "/recover", new() { ["code"] = newCode }, "/recover");
        Assert.Equal("/history?recovered=1", withNew.Headers.Location!.ToString());
    }

    [Fact]
    public async Task ForgetMe_NeedsConfirmation_ThenDeletesEverything()
    {
        var client = _factory.CreateBrowserLikeClient();
        var save = await CheckInClient.SaveAsync(client, Answers.NoRisk());
        var id = Guid.Parse(save.Headers.Location!.ToString()["/history?saved=".Length..]);
        var secret = save.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("__Host-rb_profile=", StringComparison.Ordinal)).Split(';')[0]["__Host-rb_profile=".Length..];
        var keyHash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));
        var code = await RecoveryCodeShownAsync(client);
        // The same queries that must find nothing afterwards find the rows now.
        var profileId = await _factory.QueryAsync(db => db.DeviceKeys.Where(k => k.SecretHash == keyHash).Select(k => k.ProfileId).SingleAsync());
        Assert.Equal(1, await _factory.QueryAsync(db => db.CheckIns.CountAsync(c => c.Id == id)));
        Assert.Equal(1, await _factory.QueryAsync(db => db.DeviceKeys.CountAsync(k => k.SecretHash == keyHash)));
        Assert.Equal(1, await _factory.QueryAsync(db => db.Profiles.CountAsync(p => p.Id == profileId)));

        var unconfirmed = await CheckInClient.PostFormAsync(client, "/forget");
        Assert.Equal("/forget?error=confirm", unconfirmed.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/summary/{id}")).StatusCode);

        var confirmed = await CheckInClient.PostFormAsync(client, "/forget", new() { ["confirm"] = "yes" });
        Assert.Equal("/?forgotten=1", confirmed.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/summary/{id}")).StatusCode);
        var other = _factory.CreateBrowserLikeClient();
        var recover = await CheckInClient.PostFormAsync(other, "/recover", new() { ["code"] = code }, "/recover");
        Assert.Equal(HttpStatusCode.BadRequest, recover.StatusCode);
        Assert.Contains("No history matches that recovery code", await recover.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(0, await _factory.QueryAsync(db => db.CheckIns.CountAsync(c => c.Id == id)));
        Assert.Equal(0, await _factory.QueryAsync(db => db.DeviceKeys.CountAsync(k => k.SecretHash == keyHash)));
        Assert.Equal(0, await _factory.QueryAsync(db => db.Profiles.CountAsync(p => p.Id == profileId)));
        Assert.DoesNotContain(id.ToString(), await _factory.StoredTextAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ManyParallelSaves_FromSeveralProfiles_NothingLost()
    {
        var clients = Enumerable.Range(0, 4).Select(_ => _factory.CreateBrowserLikeClient()).ToList();
        foreach (var client in clients)
        {
            await CheckInClient.SaveOkAsync(client, Answers.NoRisk());
        }
        const int perClient = 10;

        var saves = clients.SelectMany(client => Enumerable.Range(0, perClient)
            .Select(i => CheckInClient.SaveAsync(client, Answers.NoRisk().With("back_pain", i))));
        var responses = await Task.WhenAll(saves);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        foreach (var client in clients)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync("/history/export.json"));
            Assert.Equal(perClient + 1, json.RootElement.GetProperty("checkIns").GetArrayLength());
        }
        Assert.DoesNotContain("locked", _factory.Logs.AllText(), StringComparison.OrdinalIgnoreCase);
    }
}
