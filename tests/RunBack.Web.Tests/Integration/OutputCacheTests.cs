using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using RunBack.Web.Hosting;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// Content pages (home, About, articles) are kept in the output cache, one entry per release and edition (culture);
/// pages with a runner's data or an antiforgery token never are. A response served from the cache carries an Age header.
/// </summary>
public sealed class OutputCacheTests
{
    private static RunBackFactory TwoEditions()
    {
        var factory = new RunBackFactory();
        factory.Settings["Localization:SupportedCultures:0"] = "en-GB";
        factory.Settings["Localization:SupportedCultures:1"] = "en-US";
        return factory;
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }
        return await client.SendAsync(request);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/about")]
    [InlineData("/guidance/2026.11.0/training-load")]
    public async Task ContentPage_SecondRequest_ServedFromCacheWithoutTokenOrCookie(string path)
    {
        await using var factory = new RunBackFactory();
        var client = factory.CreateBrowserLikeClient();

        var first = await GetAsync(client, path);
        var second = await GetAsync(client, path);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("Age"));
        Assert.True(second.Headers.Contains("Age"), $"{path} was rendered again instead of served from the cache");
        foreach (var response in new[] { first, second })
        {
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{path} set a cookie");
            Assert.DoesNotContain("RequestVerificationToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ContentPage_EachEditionCachedApart_NeverMixed()
    {
        await using var factory = TwoEditions();
        var client = factory.CreateBrowserLikeClient();

        var us = await GetAsync(client, "/about", "en-US");
        var gb = await GetAsync(client, "/about", "en-GB");
        var usAgain = await GetAsync(client, "/about", "en-US");
        var gbAgain = await GetAsync(client, "/about", "en-GB,en;q=0.8");

        Assert.Contains("lang=\"en-US\"", await us.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(gb.Headers.Contains("Age"), "the en-GB edition was served the en-US page from the cache");
        Assert.Contains("lang=\"en-GB\"", await gb.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(usAgain.Headers.Contains("Age"));
        Assert.Contains("lang=\"en-US\"", await usAgain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(gbAgain.Headers.Contains("Age"));
        Assert.Contains("lang=\"en-GB\"", await gbAgain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void EditionKey_HoldsReleaseAndResolvedCulture()
    {
        using var factory = TwoEditions();
        var release = factory.Services.GetRequiredService<RunBack.Core.Content.ContentStore>().Current.Id;

        string KeyFor(string culture)
        {
            var context = new DefaultHttpContext { RequestServices = factory.Services };
            context.Features.Set<IRequestCultureFeature>(new RequestCultureFeature(new RequestCulture(culture), provider: null));
            return OutputCacheHosting.EditionKey(context);
        }

        Assert.Contains(release, KeyFor("en-GB"), StringComparison.Ordinal);
        Assert.Contains("en-US", KeyFor("en-US"), StringComparison.Ordinal);
        Assert.NotEqual(KeyFor("en-GB"), KeyFor("en-US"));
    }

    [Fact]
    public async Task RunnerPages_AndPagesWithForms_NeverCached()
    {
        await using var factory = new RunBackFactory();
        var runnerA = factory.CreateBrowserLikeClient();
        var runnerB = factory.CreateBrowserLikeClient();
        await CheckInClient.SaveOkAsync(runnerA, Answers.NoRisk().With("back_pain", 3));
        await CheckInClient.SaveOkAsync(runnerB, Answers.NoRisk().With("back_pain", 7));

        foreach (var path in new[] { "/history", "/check", "/forget", "/recover", "/?forgotten=1" })
        {
            await GetAsync(runnerA, path);
            var again = await GetAsync(runnerB, path);
            Assert.False(again.Headers.Contains("Age"), $"{path} was served from the cache");
        }
        var historyA = await (await GetAsync(runnerA, "/history")).Content.ReadAsStringAsync();
        var historyB = await (await GetAsync(runnerB, "/history")).Content.ReadAsStringAsync();
        Assert.NotEqual(historyA, historyB);
        Assert.Contains("Your history and profile have been deleted", await (await GetAsync(runnerA, "/?forgotten=1")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Your history and profile have been deleted", await (await GetAsync(runnerA, "/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_ForARunnerWithAProfile_RenderedAfresh_AndNeverCachedForOthers()
    {
        await using var factory = new RunBackFactory();
        var newcomer = factory.CreateBrowserLikeClient();
        var returning = factory.CreateBrowserLikeClient();
        await CheckInClient.SaveOkAsync(returning, Answers.NoRisk());

        // The newcomer's page is cached first; the returning runner still gets theirs, offering the quick check-in.
        await GetAsync(newcomer, "/");
        var cachedForNewcomer = await GetAsync(newcomer, "/");
        Assert.True(cachedForNewcomer.Headers.Contains("Age"));
        Assert.DoesNotContain("/check-in/quick", await cachedForNewcomer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var forReturning = await GetAsync(returning, "/");
        Assert.False(forReturning.Headers.Contains("Age"), "a runner with a profile was served the shared cached home page");
        Assert.Contains("/check-in/quick", await forReturning.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // And the returning runner's page never reaches a newcomer, however the cache was emptied.
        await using var fresh = new RunBackFactory();
        var first = fresh.CreateBrowserLikeClient();
        await CheckInClient.SaveOkAsync(first, Answers.NoRisk());
        await GetAsync(first, "/");
        var stranger = await GetAsync(fresh.CreateBrowserLikeClient(), "/");
        Assert.False(stranger.Headers.Contains("Age"));
        Assert.DoesNotContain("/check-in/quick", await stranger.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
