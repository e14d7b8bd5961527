using System.Net;
using System.Text.RegularExpressions;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>Every page carries one meta description (search results and link previews; Lighthouse SEO).</summary>
public sealed partial class PageMetaTests : IClassFixture<RunBackFactory>
{
    private readonly RunBackFactory _factory;

    public PageMetaTests(RunBackFactory factory) => _factory = factory;

    [GeneratedRegex("<meta name=\"description\" content=\"([^\"]*)\"")]
    private static partial Regex Description();

    [Theory]
    [InlineData("/")]
    [InlineData("/check")]
    [InlineData("/history")]
    [InlineData("/about")]
    [InlineData("/guidance/2026.12.0/hip-flexors")]
    [InlineData("/recover")]
    [InlineData("/summary/draft")]
    [InlineData("/no-such-page")]
    [InlineData("/error/500")]
    public async Task Page_HasOneMetaDescription(string path)
    {
        var response = await _factory.CreateClient().GetAsync(path);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        var found = Description().Matches(html);
        Assert.Single(found);
        Assert.InRange(found[0].Groups[1].Value.Length, 50, 200);
    }

    [Fact]
    public async Task Article_DescriptionIsItsOwnSummary_NotTheSiteDefault()
    {
        var home = Description().Match(await _factory.CreateClient().GetStringAsync("/")).Groups[1].Value;
        var article = Description().Match(await _factory.CreateClient().GetStringAsync("/guidance/2026.12.0/hip-flexors")).Groups[1].Value;

        Assert.NotEqual(home, article);
    }
}
