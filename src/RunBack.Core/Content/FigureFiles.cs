using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace RunBack.Core.Content;

/// <summary>
/// The exercise drawings of a release (<c>figures/&lt;name&gt;.svg</c>, from 2027.3.0): line drawings that an article
/// shows beside an exercise's steps. Each is checked at load: well-formed XML, an <c>svg</c> root with a viewBox, only
/// plain shapes (no script, text, style, image or link, no attribute that could load anything), every colour
/// <c>currentColor</c> or <c>none</c> (so it follows light, dark and print), and small. The checked drawing is kept
/// re-serialised without comments, ready to be placed inline in a page.
/// </summary>
internal static class FigureFiles
{
    public const string Folder = "figures";
    public const int MaxBytes = 8 * 1024;

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly HashSet<string> Elements = new(StringComparer.Ordinal)
    {
        "svg", "g", "path", "circle", "ellipse", "line", "polyline", "polygon", "rect",
    };

    private static readonly HashSet<string> Attributes = new(StringComparer.Ordinal)
    {
        "viewBox", "fill", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin", "stroke-dasharray", "opacity",
        "d", "cx", "cy", "r", "rx", "ry", "x", "y", "x1", "y1", "x2", "y2", "points", "width", "height", "transform",
    };

    /// <summary>The drawings by name (the file name without '.svg'); an empty map when the release has no figures folder.</summary>
    public static Dictionary<string, string> Load(string folder, Func<string, string> display, List<ContentProblem> problems)
    {
        var figures = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return figures;
        }
        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var file = display(path);
            if (Path.GetExtension(path) != ".svg")
            {
                problems.Add(new(new(file, 0), "the figures folder holds only drawings named like knee-to-chest.svg"));
                continue;
            }
            if (Check(file, File.ReadAllBytes(path), problems) is { } markup)
            {
                figures[Path.GetFileNameWithoutExtension(path)] = markup;
            }
        }
        return figures;
    }

    /// <summary>Checks one drawing; returns its markup for inline use, or null after reporting what is wrong.</summary>
    internal static string? Check(string file, byte[] bytes, List<ContentProblem> problems)
    {
        var before = problems.Count;
        void Problem(int line, string message) => problems.Add(new(new(file, line), message));
        if (bytes.Length > MaxBytes)
        {
            Problem(0, $"the drawing is {bytes.Length} bytes; keep it under {MaxBytes} (a few simple paths)");
        }
        XDocument document;
        try
        {
            using var stream = new MemoryStream(bytes);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            Problem(e.LineNumber, $"the drawing is not well-formed XML: {e.Message}");
            return null;
        }
        var root = document.Root!;
        if (root.Name != Svg + "svg")
        {
            Problem(Line(root), "the drawing's root must be <svg xmlns=\"http://www.w3.org/2000/svg\">");
            return null;
        }
        var viewBox = ((string?)root.Attribute("viewBox"))?.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        if (viewBox is not { Length: 4 } || !viewBox.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            Problem(Line(root), "the drawing needs a viewBox of four numbers, like viewBox=\"0 0 200 140\"");
        }
        var usesCurrentColor = false;
        foreach (var element in root.DescendantsAndSelf())
        {
            if (element.Name.Namespace != Svg || !Elements.Contains(element.Name.LocalName))
            {
                Problem(Line(element), $"element <{element.Name.LocalName}> is not allowed in a drawing: use only {string.Join(", ", Elements.Order(StringComparer.Ordinal))}");
                continue;
            }
            foreach (var attribute in element.Attributes())
            {
                if (attribute.IsNamespaceDeclaration)
                {
                    continue;
                }
                var name = attribute.Name.NamespaceName.Length == 0 ? attribute.Name.LocalName : attribute.Name.ToString();
                if (attribute.Name.Namespace != XNamespace.None || !Attributes.Contains(name))
                {
                    Problem(Line(element), $"attribute '{name}' is not allowed in a drawing (no scripts, styles, links or ids)");
                }
                else if (name is "fill" or "stroke")
                {
                    if (attribute.Value == "currentColor")
                    {
                        usesCurrentColor = true;
                    }
                    else if (attribute.Value != "none")
                    {
                        Problem(Line(element), $"{name}=\"{attribute.Value}\": a drawing's colours are 'currentColor' or 'none', so it follows the page in light, dark and print");
                    }
                }
            }
            if (element.Nodes().OfType<XText>().Any(t => !string.IsNullOrWhiteSpace(t.Value)))
            {
                Problem(Line(element), "a drawing holds no text: describe it in the article's alt text instead");
            }
        }
        if (!usesCurrentColor)
        {
            Problem(Line(root), "the drawing must draw in currentColor (stroke=\"currentColor\")");
        }
        if (problems.Count > before)
        {
            return null;
        }
        foreach (var comment in root.DescendantNodes().OfType<XComment>().ToList())
        {
            comment.Remove();
        }
        return root.ToString(SaveOptions.DisableFormatting);
    }

    private static int Line(XElement element) => ((IXmlLineInfo)element).LineNumber;
}
