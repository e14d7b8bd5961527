using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using RunBack.Core.Content;

namespace RunBack.Core.Tests.Content;

/// <summary>
/// Issue 26 item 17: every exercise the draft release describes is shown by a line drawing with alt text, in both
/// editions; the drawings are safe, small and draw in currentColor; a missing or unsafe drawing is a content error.
/// </summary>
public sealed partial class ExerciseFigureTests : IDisposable
{
    /// <summary>The release that brought the drawings (a draft when they were drawn, published since).</summary>
    private const string Draft = "2027.3.0";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "runback-figures-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static string DraftDirectory => Path.Combine(RepoPaths.Content, ContentStore.ReleasesFolder, Draft);

    private static ContentRelease LoadDraft() => ReleaseLoader.Load(DraftDirectory, RepoPaths.Content);

    /// <summary>Which drawings each exercise item of the draft shows, in the order of its steps.</summary>
    public static TheoryData<string, string[]> ExerciseItems => new()
    {
        { "gentle-stretches", ["knee-to-chest", "childs-pose", "seated-piriformis"] },
        { "core-strength", ["dead-bug", "plank", "side-plank"] },
        { "glute-strength", ["glute-bridge"] },
        { "warm-up-routine", ["arm-swings", "leg-swings", "walking-lunge", "glute-bridge", "run-in-place"] },
    };

    [Theory]
    [MemberData(nameof(ExerciseItems))]
    public void Draft_ExerciseItem_ShowsADrawingWithAltTextForEachStep_InBothEditions(string itemId, string[] drawings)
    {
        var release = LoadDraft();
        var us = release.Edition("en-US")!;

        foreach (var edition in new[] { release, us })
        {
            var item = edition.FindItem(itemId)!;
            Assert.Equal(drawings, item.Figures.Select(f => f.Name));
            foreach (var figure in item.Figures)
            {
                Assert.True(figure.Alt.Length >= 30, $"'{figure.Name}' needs alt text that describes the movement, not '{figure.Alt}'");
                Assert.StartsWith("<svg role=\"img\" aria-label=\"", figure.Html, StringComparison.Ordinal);
                Assert.Contains($"figures/{figure.Name}", File.ReadAllText(Path.Combine(DraftDirectory, "articles", ArticleFile(itemId))), StringComparison.Ordinal);
                Assert.NotEmpty(figure.StepHtml);
                Assert.DoesNotContain("<svg", figure.StepHtml, StringComparison.Ordinal);
                Assert.Contains(figure.Html, item.Html, StringComparison.Ordinal);
                // The alt text names the drawing; it is never printed as text beside it.
                Assert.Single(Regex.Matches(item.Html, Regex.Escape(System.Net.WebUtility.HtmlEncode(figure.Alt))));
            }
        }
        // The US edition says what the UK one says in US words: no 'towards', 'forwards' or 'backwards'.
        foreach (var figure in us.FindItem(itemId)!.Figures)
        {
            Assert.DoesNotMatch(UkOnlyWords(), figure.Alt);
        }
    }

    private static string ArticleFile(string itemId) => itemId switch
    {
        "gentle-stretches" => "pain-relief.md",
        "warm-up-routine" => "warm-up-cool-down.md",
        _ => "strength.md",
    };

    /// <summary>
    /// Every step the draft names as an exercise ("- **Dead bug:** lie on your back ...") has a drawing, so a named
    /// exercise added later without one fails here; an unnamed step added to a list of drawn steps fails at load.
    /// </summary>
    [Fact]
    public void Draft_EveryNamedExerciseStep_HasADrawing()
    {
        var named = 0;
        foreach (var path in Directory.EnumerateFiles(Path.Combine(DraftDirectory, "articles"), "*.md"))
        {
            var document = Markdown.Parse(File.ReadAllText(path));
            foreach (var step in document.Descendants<ListItemBlock>())
            {
                var inlines = step.Descendants<ParagraphBlock>().FirstOrDefault()?.Inline?.ToList() ?? [];
                var label = inlines.SkipWhile(i => i is LinkInline { IsImage: true } || i is LineBreakInline).FirstOrDefault() as EmphasisInline;
                var labelText = label is null ? "" : string.Concat(label.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
                if (label is { DelimiterCount: 2 } && labelText.EndsWith(':'))
                {
                    named++;
                    Assert.True(step.Descendants<LinkInline>().Any(l => l.IsImage && (l.Url ?? "").StartsWith("figures/", StringComparison.Ordinal)),
                        $"{Path.GetFileName(path)}: the exercise '{labelText}' has no drawing");
                }
            }
        }
        Assert.True(named >= 6, $"expected the draft's named exercises (knee to chest ... side plank), found {named}");
    }

    [Fact]
    public void DraftDrawings_AreWellFormedSmallSafeAndDrawInCurrentColor()
    {
        var files = Directory.GetFiles(Path.Combine(DraftDirectory, "figures"));
        var used = LoadDraft().GuidanceItems.SelectMany(i => i.Figures).Select(f => f.Name).ToHashSet();
        Assert.Equal(11, files.Length);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var bytes = new FileInfo(file).Length;
            Assert.True(bytes <= 4096, $"{name} is {bytes} bytes; a drawing is a few simple paths (4 KB at most)");
            var root = XDocument.Load(file).Root!;
            Assert.Equal(Svg + "svg", root.Name);
            var viewBox = ((string?)root.Attribute("viewBox") ?? "").Split(' ');
            Assert.True(viewBox.Length == 4 && viewBox.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)), $"{name}: viewBox");
            Assert.Equal("200", viewBox[2]);
            var elements = root.DescendantsAndSelf().Select(e => e.Name.LocalName).ToHashSet();
            Assert.Empty(elements.Except(["svg", "path", "circle"]));
            var attributes = root.DescendantsAndSelf().SelectMany(e => e.Attributes()).Where(a => !a.IsNamespaceDeclaration).ToList();
            Assert.DoesNotContain(attributes, a => a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name.LocalName is "href" or "style" or "class" or "id");
            Assert.DoesNotContain(attributes, a => a.Value.Contains("url(", StringComparison.OrdinalIgnoreCase) || a.Value.Contains("http", StringComparison.OrdinalIgnoreCase));
            Assert.All(attributes.Where(a => a.Name.LocalName is "fill" or "stroke"), a => Assert.Contains(a.Value, new[] { "currentColor", "none" }));
            Assert.Equal("currentColor", (string?)root.Attribute("stroke"));
            Assert.DoesNotContain(root.DescendantNodes().OfType<XText>(), t => !string.IsNullOrWhiteSpace(t.Value));
            Assert.Contains(Path.GetFileNameWithoutExtension(file), used);
        }
    }

    [Fact]
    public void ReleasesBeforeTheDrawings_ShowNone_AndThoseFromThenShowThem()
    {
        var store = ContentStore.Load(RepoPaths.Content);
        var first = Version.Parse(Draft);

        Assert.Contains(store.Releases, r => Version.Parse(r.Id).CompareTo(first) >= 0);
        Assert.All(store.Releases.Where(r => Version.Parse(r.Id).CompareTo(first) < 0), r => Assert.Empty(r.GuidanceItems.SelectMany(i => i.Figures)));
        Assert.All(store.Releases.Where(r => Version.Parse(r.Id).CompareTo(first) >= 0), r => Assert.NotEmpty(r.GuidanceItems.SelectMany(i => i.Figures)));
    }

    // What a broken drawing or reference does to the draft at load: a content error naming the file.

    private string CopyDraft()
    {
        TestFiles.CopyDirectory(RepoPaths.Content, _root);
        return Path.Combine(_root, ContentStore.ReleasesFolder, Draft);
    }

    private IReadOnlyList<ContentProblem> LoadCopy(string draft) => ReleaseLoader.TryLoad(draft, _root).Problems;

    private static void Replace(string path, string oldText, string newText)
    {
        var text = File.ReadAllText(path);
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    private static ContentProblem Only(IReadOnlyList<ContentProblem> problems, string messagePart)
    {
        var matching = problems.Where(p => p.Message.Contains(messagePart, StringComparison.Ordinal)).ToList();
        Assert.True(matching.Count == 1, $"expected one problem like '{messagePart}', got:\n" + string.Join("\n", problems));
        return matching[0];
    }

    [Fact]
    public void Load_DrawingFileMissing_IsAContentErrorNamingArticleAndFile()
    {
        var draft = CopyDraft();
        File.Delete(Path.Combine(draft, "figures", "plank.svg"));

        var problem = Only(LoadCopy(draft), "drawing 'figures/plank.svg' in 'core-strength' not found: add figures/plank.svg to the release");

        Assert.Equal($"releases/{Draft}/articles/strength.md", problem.Location.File);
    }

    [Theory]
    [InlineData("<path d=\"M8 132.5H192\"", "<script>alert(1)</script><path d=\"M8 132.5H192\"", "element <script> is not allowed")]
    [InlineData("<path d=\"M8 132.5H192\"", "<path onload=\"alert(1)\" d=\"M8 132.5H192\"", "attribute 'onload' is not allowed")]
    [InlineData("<path d=\"M8 132.5H192\"", "<image href=\"https://example.com/x.png\"/><path d=\"M8 132.5H192\"", "element <image> is not allowed")]
    [InlineData("<path d=\"M8 132.5H192\"", "<text>Plank</text><path d=\"M8 132.5H192\"", "element <text> is not allowed")]
    [InlineData("stroke=\"currentColor\"", "stroke=\"#000\"", "stroke=\"#000\": a drawing's colours are 'currentColor' or 'none'")]
    [InlineData(" viewBox=\"0 50 200 90\"", "", "the drawing needs a viewBox")]
    [InlineData("</svg>", "", "the drawing is not well-formed XML")]
    public void Load_UnsafeOrBrokenDrawing_IsRefusedNamingTheFile(string oldText, string newText, string message)
    {
        var draft = CopyDraft();
        Replace(Path.Combine(draft, "figures", "plank.svg"), oldText, newText);

        var problem = Only(LoadCopy(draft), message);

        Assert.Equal($"releases/{Draft}/figures/plank.svg", problem.Location.File);
    }

    [Fact]
    public void Load_DrawingWithoutAltText_IsRefused()
    {
        var draft = CopyDraft();
        Replace(Path.Combine(draft, "articles", "strength.md"),
            "![A plank on the forearms: elbows under the shoulders and the body in one straight line from head to heels.](", "![](");

        var problem = Only(LoadCopy(draft), "drawing 'figures/plank.svg' in 'core-strength' has no alt text");

        Assert.Equal($"releases/{Draft}/articles/strength.md", problem.Location.File);
    }

    [Fact]
    public void Load_StepAddedToAnExerciseListWithoutADrawing_IsRefused()
    {
        var draft = CopyDraft();
        Replace(Path.Combine(draft, "articles", "warm-up-cool-down.md"), "- ![Lying on the back with knees bent and feet flat, hips lifted into",
            "- do 10 squats\n- ![Lying on the back with knees bent and feet flat, hips lifted into");

        Only(LoadCopy(draft), "step 4 of the exercise list in 'warm-up-routine' has no drawing");
    }

    [Fact]
    public void Load_ImageThatIsNotOneOfTheReleaseDrawings_IsRefused()
    {
        var draft = CopyDraft();
        Replace(Path.Combine(draft, "articles", "strength.md"), "](figures/plank.svg)", "](https://example.com/plank.png)");

        Only(LoadCopy(draft), "image 'https://example.com/plank.png' in 'core-strength' is not allowed");
    }

    [Fact]
    public void UsOverlay_RewordsAltText_AndAnUnknownDrawingIsReported()
    {
        var us = LoadDraft().Edition("en-US")!;
        var knee = us.FindItem("gentle-stretches")!.Figures[0];
        Assert.Equal("Lying on the back with knees bent. Both hands draw one knee in toward the chest.", knee.Alt);
        Assert.Contains("aria-label=\"Lying on the back with knees bent. Both hands draw one knee in toward the chest.\"", us.FindItem("gentle-stretches")!.Html, StringComparison.Ordinal);
        Assert.Contains("towards the chest", LoadDraft().FindItem("gentle-stretches")!.Figures[0].Alt, StringComparison.Ordinal);

        var draft = CopyDraft();
        Replace(Path.Combine(draft, "locales", "en-US.yaml"), "  knee-to-chest: {", "  knee-to-toe: {");

        var problem = Only(LoadCopy(draft), "unknown figure id 'knee-to-toe'");
        Assert.Equal($"releases/{Draft}/locales/en-US.yaml", problem.Location.File);
    }

    [GeneratedRegex(@"\b(towards|forwards|backwards)\b", RegexOptions.IgnoreCase)]
    private static partial Regex UkOnlyWords();
}
