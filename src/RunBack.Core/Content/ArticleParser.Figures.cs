using System.Net;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace RunBack.Core.Content;

/// <summary>Rendering a guidance item whose steps show the release's exercise drawings.</summary>
internal static partial class ArticleParser
{
    [GeneratedRegex(@"^figures/(?<name>[a-z0-9][a-z0-9-]*)\.svg$")]
    private static partial Regex FigureUrl();

    /// <summary>
    /// Renders a guidance item's Markdown. An image may only be one of the release's drawings,
    /// <c>![what the drawing shows](figures/knee-to-chest.svg)</c>: it is placed inline (so it draws in the page's
    /// colour) with its alt text as the accessible name (an edition's own wording from <paramref name="altText"/>), and
    /// its paragraph or list item is marked as an exercise step. A list with a drawing in one step needs one in each.
    /// </summary>
    internal static (string Html, IReadOnlyList<ExerciseFigure> Figures) Render(
        string markdown, IReadOnlyDictionary<string, string> figures, IReadOnlyDictionary<string, string>? altText,
        string itemId, SourceLocation location, List<ContentProblem> problems)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        if (!document.Descendants<LinkInline>().Any(l => l.IsImage))
        {
            return (Markdown.ToHtml(markdown, Pipeline), []);
        }
        foreach (var list in document.Descendants<ListBlock>())
        {
            var steps = list.OfType<ListItemBlock>().ToList();
            var drawn = steps.Select(s => s.Descendants<LinkInline>().Any(l => l.IsImage)).ToList();
            if (drawn.Contains(true))
            {
                for (var i = 0; i < steps.Count; i++)
                {
                    if (!drawn[i])
                    {
                        problems.Add(new(location, $"step {i + 1} of the exercise list in '{itemId}' has no drawing: when one step of a list shows a drawing, every step needs one, like ![what it shows](figures/<name>.svg)"));
                    }
                }
            }
        }
        var result = new List<ExerciseFigure>();
        foreach (var paragraph in document.Descendants<ParagraphBlock>().ToList())
        {
            var images = paragraph.Inline?.Descendants<LinkInline>().Where(l => l.IsImage).ToList() ?? [];
            if (images.Count > 1)
            {
                problems.Add(new(location, $"a step in '{itemId}' shows {images.Count} drawings: give each exercise its own step and drawing"));
                continue;
            }
            if (images.Count == 0)
            {
                continue;
            }
            var image = images[0];
            var url = image.Url ?? "";
            var match = FigureUrl().Match(url);
            if (!match.Success)
            {
                problems.Add(new(location, $"image '{url}' in '{itemId}' is not allowed: an article shows only the release's own drawings, like ![what it shows](figures/knee-to-chest.svg)"));
                continue;
            }
            var name = match.Groups["name"].Value;
            if (!figures.TryGetValue(name, out var svg))
            {
                problems.Add(new(location, $"drawing '{url}' in '{itemId}' not found: add {FigureFiles.Folder}/{name}.svg to the release"));
                continue;
            }
            var alt = altText?.GetValueOrDefault(name) ?? string.Concat(image.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim();
            if (alt.Length == 0)
            {
                problems.Add(new(location, $"drawing '{url}' in '{itemId}' has no alt text: describe the movement between the brackets, like ![Lying on the back, drawing one knee towards the chest]({url})"));
                continue;
            }
            var step = markdown[paragraph.Span.Start..(paragraph.Span.End + 1)].Replace(markdown[image.Span.Start..(image.Span.End + 1)], "", StringComparison.Ordinal).Trim();
            var figureHtml = "<svg role=\"img\" aria-label=\"" + WebUtility.HtmlEncode(alt) + "\" focusable=\"false\"" + svg["<svg".Length..];
            // The alt text is the drawing's accessible name, never text beside it: drop it before the image is replaced.
            while (image.FirstChild is { } child)
            {
                child.Remove();
            }
            image.ReplaceBy(new HtmlInline("<span class=\"exercise__figure\">" + figureHtml + "</span>"));
            (paragraph.Parent is ListItemBlock item ? (MarkdownObject)item : paragraph).GetAttributes().AddClass("exercise");
            result.Add(new ExerciseFigure(name, alt, figureHtml, Markdown.ToHtml(step, Pipeline).Trim()));
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return (writer.ToString(), result);
    }
}
