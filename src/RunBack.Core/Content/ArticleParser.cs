using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace RunBack.Core.Content;

/// <summary>
/// Reads articles: Markdown with a YAML header between '---' lines. Each '## Title {#item-id}' heading starts a
/// guidance item; '{#item-id kind=explanation}' marks one that explains a factor instead of saying what to do. Markdown is rendered with raw HTML disabled, and links may only point to http(s) or to a path.
/// </summary>
internal static partial class ArticleParser
{
    internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    [GeneratedRegex(@"^##\s+(?<title>.+?)\s*\{#(?<id>[a-z0-9][a-z0-9-]*)(?:\s+kind=(?<kind>[^\s}]*))?\}\s*$")]
    private static partial Regex ItemHeading();

    public static List<Article> ParseAll(string folder, Func<string, string> display, IReadOnlyList<SourceReference> sources, List<ContentProblem> problems)
        => ParseAll(folder, display, sources, new Dictionary<string, string>(), problems);

    public static List<Article> ParseAll(string folder, Func<string, string> display, IReadOnlyList<SourceReference> sources, IReadOnlyDictionary<string, string> figures, List<ContentProblem> problems)
    {
        var articles = new List<Article>();
        if (!Directory.Exists(folder))
        {
            problems.Add(new(new(display(folder), 0), "articles folder not found"));
            return articles;
        }
        foreach (var path in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            var article = Parse(display(path), File.ReadAllText(path), sources, figures, problems);
            if (article is not null)
            {
                articles.Add(article);
            }
        }
        if (articles.Count == 0 && problems.Count == 0)
        {
            problems.Add(new(new(display(folder), 0), "no articles (*.md) found"));
        }
        return articles;
    }

    public static Article? Parse(string file, string text, IReadOnlyList<SourceReference> sources, List<ContentProblem> problems)
        => Parse(file, text, sources, new Dictionary<string, string>(), problems);

    public static Article? Parse(string file, string text, IReadOnlyList<SourceReference> sources, IReadOnlyDictionary<string, string> figures, List<ContentProblem> problems)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length < 3 || lines[0].Trim() != "---")
        {
            problems.Add(new(new(file, 1), "an article must start with a YAML header between '---' lines"));
            return null;
        }
        var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (end < 0)
        {
            problems.Add(new(new(file, 1), "the YAML header is not closed by a '---' line"));
            return null;
        }
        var before = problems.Count;
        var reader = new YamlReader(file, problems, lineOffset: 1);
        var header = reader.LoadDocument(string.Join('\n', lines[1..end]));
        if (header is null)
        {
            return null;
        }
        reader.AllowKeys(header, "id", "title", "summary", "sources", "reviewed");
        var id = reader.Text(header, "id");
        var title = reader.Text(header, "title");
        var summary = reader.Text(header, "summary");
        var reviewed = reader.Date(header, "reviewed");
        var sourceIds = reader.TextList(header, "sources");
        var location = new SourceLocation(file, 1);
        if (sourceIds.Count == 0)
        {
            problems.Add(new(location, "article has no source: list at least one source id under 'sources'"));
        }
        var cited = new List<SourceReference>();
        foreach (var sourceId in sourceIds)
        {
            var source = sources.FirstOrDefault(s => s.Id == sourceId);
            if (source is null)
            {
                problems.Add(new(location, $"article cites unknown source '{sourceId}'"));
            }
            else
            {
                cited.Add(source);
            }
        }

        // Split the body into an intro and items at '## ... {#id}' headings.
        var items = new List<GuidanceItem>();
        var intro = new List<string>();
        string? itemId = null, itemTitle = null;
        var itemKind = GuidanceKind.Action;
        var itemLine = 0;
        var body = new List<string>();
        void Flush()
        {
            if (itemId is null)
            {
                return;
            }
            var markdown = string.Join('\n', body).Trim();
            if (markdown.Length == 0)
            {
                problems.Add(new(new(file, itemLine), $"guidance item '{itemId}' has no text"));
                return;
            }
            CheckLinks(markdown, new(file, itemLine), problems);
            var (html, itemFigures) = Render(markdown, figures, null, itemId, new(file, itemLine), problems);
            items.Add(new GuidanceItem
            {
                Id = itemId,
                ArticleId = id ?? "",
                Title = itemTitle!,
                Summary = Typography.KeepUnits(FirstParagraph(markdown)),
                Html = Typography.KeepUnits(html),
                Figures = itemFigures,
                Markdown = markdown,
                Sources = cited,
                Location = new(file, itemLine),
                Kind = itemKind,
            });
        }
        for (var i = end + 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                var match = ItemHeading().Match(line);
                if (!match.Success)
                {
                    problems.Add(new(new(file, i + 1), "a '## ' heading starts a guidance item and must end with its id, like '## Ice first {#ice-first}'"));
                    continue;
                }
                Flush();
                itemId = match.Groups["id"].Value;
                itemTitle = match.Groups["title"].Value;
                itemKind = ParseKind(match.Groups["kind"], new(file, i + 1), itemId, problems);
                itemLine = i + 1;
                body.Clear();
            }
            else if (itemId is null)
            {
                intro.Add(line);
            }
            else
            {
                body.Add(line);
            }
        }
        Flush();
        if (items.Count == 0)
        {
            problems.Add(new(location, "article has no guidance items ('## Title {#item-id}' headings)"));
        }
        var introMarkdown = string.Join('\n', intro).Trim();
        CheckLinks(introMarkdown, location, problems);

        if (problems.Count > before || id is null || title is null || summary is null || reviewed is null)
        {
            return null;
        }
        return new Article
        {
            Id = id,
            Title = title,
            Summary = summary,
            Reviewed = reviewed.Value,
            Sources = cited,
            Items = items,
            IntroHtml = introMarkdown.Length == 0 ? "" : Typography.KeepUnits(Markdown.ToHtml(introMarkdown, Pipeline)),
            Location = location,
        };
    }

    private static GuidanceKind ParseKind(Group kind, SourceLocation location, string itemId, List<ContentProblem> problems)
    {
        switch (kind.Success ? kind.Value : "action")
        {
            case "action":
                return GuidanceKind.Action;
            case "explanation":
                return GuidanceKind.Explanation;
            default:
                problems.Add(new(location, $"guidance item '{itemId}': unknown kind '{kind.Value}' (use kind=action or kind=explanation)"));
                return GuidanceKind.Action;
        }
    }

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)\s*")]
    private static partial Regex Image();

    /// <summary>The first paragraph as plain text, without any drawing (its alt text belongs to the drawing, not the card).</summary>
    internal static string FirstParagraph(string markdown)
    {
        var paragraph = Image().Replace(markdown, "").Split("\n\n", 2, StringSplitOptions.TrimEntries)[0];
        return Markdown.ToPlainText(paragraph, Pipeline).Trim().ReplaceLineEndings(" ");
    }

    internal static void CheckLinks(string markdown, SourceLocation location, List<ContentProblem> problems)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(l => !l.IsImage))
        {
            var url = link.Url ?? "";
            var safe = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
                || url.StartsWith('#');
            if (!safe)
            {
                problems.Add(new(location, $"link '{url}' is not allowed: use an http(s) address or a path starting with '/'"));
            }
        }
    }
}
