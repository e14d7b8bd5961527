using RunBack.Core.Content;

namespace RunBack.Core.Tests.Content;

public class ArticleRenderingTests
{
    private static readonly SourceReference Source = new("s", "A source", "Publisher", "ref", SourceLocation.None);

    private static Article Parse(string body)
    {
        var problems = new List<ContentProblem>();
        var article = ArticleParser.Parse("test.md", $"""
            ---
            id: a
            title: T
            summary: S
            sources: [s]
            reviewed: 2026-11-22
            ---
            ## Item {"{"}#item{"}"}

            {body}
            """, [Source], problems);
        Assert.Empty(problems);
        return article!;
    }

    [Fact]
    public void RawHtmlInMarkdown_IsEscapedNotRendered()
    {
        var item = Parse("Hello <script>alert(1)</script> <img src=x onerror=alert(1)> world").Items[0];

        Assert.DoesNotContain("<script", item.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", item.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", item.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void ShippedArticles_ContainNoRawHtml()
    {
        foreach (var item in ContentStore.Load(RepoPaths.Content).Current.GuidanceItems)
        {
            Assert.DoesNotContain("<script", item.Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("onerror", item.Html, StringComparison.OrdinalIgnoreCase);
            Assert.NotEmpty(item.Summary);
            Assert.NotEmpty(item.Sources);
        }
    }

    [Fact]
    public void Summary_IsFirstParagraphAsPlainText()
    {
        var item = Parse("First **bold** part.\n\nSecond paragraph.").Items[0];

        Assert.Equal("First bold part.", item.Summary);
        Assert.Contains("<strong>bold</strong>", item.Html, StringComparison.Ordinal);
    }
}
