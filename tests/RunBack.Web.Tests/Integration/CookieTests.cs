using System.Net;
using System.Text.RegularExpressions;
using RunBack.Web.Features.Profiles;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>Cookie names and flags, and the one-shot recovery-code cookie.</summary>
public sealed partial class CookieTests
{
    [GeneratedRegex("<code>([0-9A-Z]{4}(?:-[0-9A-Z]{4}){6})</code>")]
    private static partial Regex RecoveryCodePattern();

    private static List<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values] : [];

    private static string CookiePair(HttpResponseMessage response, string name) =>
        SetCookies(response).Select(c => c.Split(';')[0]).Single(c => c.StartsWith(name + "=", StringComparison.Ordinal));

    [Fact]
    public async Task SecureCookies_AllHostPrefixed_SecurePathRootNoDomain()
    {
        await using var factory = new RunBackFactory();
        var client = factory.CreateBrowserLikeClient();
        var page = await client.GetAsync("/forget");
        var save = await CheckInClient.SaveAsync(client, Answers.NoRisk());
        var draft = await CheckInClient.PostFormAsync(client, "/summary/draft", new()
        {
            ["answers"] = Answers.NoRisk().ToJsonString(),
            ["release"] = await CheckInClient.CurrentReleaseAsync(client),
            ["date"] = Answers.Today.ToString("yyyy-MM-dd"),
        });

        var all = SetCookies(page).Concat(SetCookies(save)).Concat(SetCookies(draft)).ToList();
        var names = all.Select(c => c.Split('=')[0]).ToHashSet();
        Assert.Superset(new HashSet<string> { "__Host-rb_af", "__Host-rb_profile", "__Host-rb_code", "__Host-rb_draft" }, names);
        Assert.All(all, cookie =>
        {
            Assert.StartsWith("__Host-", cookie, StringComparison.Ordinal);
            Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; path=/", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task NotSecureCookies_PlainNames()
    {
        await using var factory = new RunBackFactory();
        factory.Settings["Security:SecureCookies"] = "false";
        var client = factory.CreateBrowserLikeClient();

        var save = await CheckInClient.SaveAsync(client, Answers.NoRisk());

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.Contains(SetCookies(save), c => c.StartsWith("rb_profile=", StringComparison.Ordinal));
        Assert.DoesNotContain(SetCookies(save), c => c.StartsWith("__Host-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecoveryCodeCookie_ShowsOnce_ReplayedCopyShowsNothing()
    {
        await using var factory = new RunBackFactory();
        var save = await CheckInClient.SaveAsync(factory.CreateBrowserLikeClient(), Answers.NoRisk());
        var cookies = CookiePair(save, "__Host-rb_profile") + "; " + CookiePair(save, "__Host-rb_code");

        var first = await GetWithCookiesAsync(factory, "/history", cookies);
        var replay = await GetWithCookiesAsync(factory, "/history", cookies);

        Assert.Matches(RecoveryCodePattern(), first);
        Assert.Contains("/history/export.csv", replay, StringComparison.Ordinal);
        Assert.DoesNotMatch(RecoveryCodePattern(), replay);
    }

    [Fact]
    public async Task RecoveryCodeCookie_AfterTenMinutes_ShowsNothing()
    {
        await using var factory = new RunBackFactory();
        var save = await CheckInClient.SaveAsync(factory.CreateBrowserLikeClient(), Answers.NoRisk());
        var cookies = CookiePair(save, "__Host-rb_profile") + "; " + CookiePair(save, "__Host-rb_code");
        factory.Clock.Advance(RecoveryCodeMessage.Lifetime - TimeSpan.FromSeconds(1));
        var inTime = await GetWithCookiesAsync(factory, "/history", cookies);
        var again = await CheckInClient.SaveAsync(factory.CreateBrowserLikeClient(), Answers.NoRisk());
        var laterCookies = CookiePair(again, "__Host-rb_profile") + "; " + CookiePair(again, "__Host-rb_code");
        factory.Clock.Advance(RecoveryCodeMessage.Lifetime);

        var late = await GetWithCookiesAsync(factory, "/history", laterCookies);

        Assert.Matches(RecoveryCodePattern(), inTime);
        Assert.Contains("/history/export.csv", late, StringComparison.Ordinal);
        Assert.DoesNotMatch(RecoveryCodePattern(), late);
    }

    private static async Task<string> GetWithCookiesAsync(RunBackFactory factory, string path, string cookies)
    {
        var client = factory.CreateClient(new() { BaseAddress = new Uri("https://localhost"), HandleCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookies);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Theory]
    [InlineData("k7qm 2f9x ab01 cdef ghjk mnpq rstv", "K7QM2F9XAB01CDEFGHJKMNPQRSTV")]
    [InlineData("K7QM-2F9X-ABOI-CDEF-GHJK-MNPQ-RSTV", "K7QM2F9XAB01CDEFGHJKMNPQRSTV")]
    [InlineData("k7qm-2f9x-abol-cdef-ghjk-mnpq-rstv", "K7QM2F9XAB01CDEFGHJKMNPQRSTV")]
    [InlineData("\tK7QM2F9XABO1CDEFGHJKMNPQRSTV ", "K7QM2F9XAB01CDEFGHJKMNPQRSTV")]
    public void NormaliseRecoveryCode_ReadsOAsZeroAndIOrLAsOne(string typed, string expected) =>
        Assert.Equal(expected, ProfileSecrets.NormaliseRecoveryCode(typed));

    [Theory]
    [InlineData("K7QM-2F9X-AB01-CDEF-GHJK-MNPQ-RST")]
    [InlineData("K7QM-2F9X-AB01-CDEF-GHJK-MNPQ-RSTVW")]
    [InlineData("K7QM-2F9X-AB01-CDEF-GHJK-MNPQ-RSTU")]
    [InlineData("")]
    public void NormaliseRecoveryCode_WrongLengthOrLetter_Null(string typed) =>
        Assert.Null(ProfileSecrets.NormaliseRecoveryCode(typed));

    [Fact]
    public async Task Recover_CodeTypedWithOAndLAndLowerCase_OpensTheProfile()
    {
        await using var factory = new RunBackFactory();
        var owner = factory.CreateBrowserLikeClient();
        await CheckInClient.SaveOkAsync(owner, Answers.NoRisk());
        var code = RecoveryCodePattern().Match(await owner.GetStringAsync("/history")).Groups[1].Value;
        Assert.NotEmpty(code);
        var typed = code.Replace('0', 'O').Replace('1', 'l').Replace('-', ' ').ToLowerInvariant();

        var device = factory.CreateBrowserLikeClient();
        var response = await CheckInClient.PostFormAsync(device, "/recover", new() { ["code"] = typed }, "/recover");

        Assert.Equal("/history?recovered=1", response.Headers.Location?.ToString());
        Assert.Equal(await owner.GetStringAsync("/history/export.csv"), await device.GetStringAsync("/history/export.csv"));
    }
}
