using System.Net;
using System.Text.RegularExpressions;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// Issue 26 item 5: on the pages a runner reads, a number stays on the line with its unit ("10 %", "500 miles",
/// "800 km"): no ordinary space between them in the page's text, on the home page and in the articles (the content's
/// own text is joined when it is loaded).
/// </summary>
public sealed partial class NumbersWithUnitsTests(RunBackFactory factory) : IClassFixture<RunBackFactory>
{
    [GeneratedRegex(@"\d (%|km|miles)(?![\p{L}])")]
    private static partial Regex NumberSpaceUnit();

    [GeneratedRegex(@"<(script|style)[^>]*>.*?</\1>|<[^>]+>", RegexOptions.Singleline)]
    private static partial Regex Markup();

    private async Task<string> TextOfAsync(string path)
    {
        var html = await factory.CreateClient().GetStringAsync(path);
        return WebUtility.HtmlDecode(Markup().Replace(html, " "));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/guidance/2027.3.0/training-load")]
    [InlineData("/guidance/2027.3.0/shoes")]
    public async Task Page_NoNumberSplitFromItsUnit(string path)
    {
        var text = await TextOfAsync(path);

        var split = NumberSpaceUnit().Matches(text).Select(m => text.Substring(Math.Max(0, m.Index - 30), Math.Min(50, text.Length - Math.Max(0, m.Index - 30)))).ToList();
        Assert.True(split.Count == 0, $"{path}: a number split from its unit in: " + string.Join(" | ", split));
    }

    [Fact]
    public async Task Home_TenPercentAndTheShoeRange_KeptWithTheirUnits()
    {
        var text = await TextOfAsync("/");

        Assert.Contains("10\u00A0%", text, StringComparison.Ordinal);
        Assert.DoesNotContain("10%", text, StringComparison.Ordinal);
        Assert.Contains("300–500\u00A0miles, about 480–800\u00A0km", text, StringComparison.Ordinal);
    }
}
