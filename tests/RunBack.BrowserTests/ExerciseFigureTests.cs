using Microsoft.Playwright;
using RunBack.Core.Content;
using Xunit.Abstractions;

namespace RunBack.BrowserTests;

/// <summary>
/// Issue 26 item 17 on a phone (390×844) in Chromium, with the draft release 2027.3.0 served (Content:IncludeDrafts):
/// every exercise drawing beside its step in the articles, named by its alt text, in the text colour in light and
/// dark mode, black and unsplit in print (the result's card: ExerciseFigureCardTests, bunit). Screenshots:
/// exercises-&lt;article&gt;-&lt;locale&gt;-&lt;mode&gt;.png.
/// </summary>
public sealed class ExerciseFigureTests(DraftContentAppFixture app, ITestOutputHelper output) : IClassFixture<DraftContentAppFixture>
{
    private const string Draft = "2027.3.0";

    private static ContentRelease DraftRelease(string locale)
    {
        var release = ContentStore.Load(RepoPaths.Content, includeDrafts: true).Find(Draft)!;
        return locale == "en-GB" ? release : release.Edition(locale)!;
    }

    public static TheoryData<string, string> Pages => new()
    {
        { "pain-relief", "en-GB" },
        { "strength", "en-GB" },
        { "warm-up-cool-down", "en-GB" },
        { "pain-relief", "en-US" },
        { "warm-up-cool-down", "en-US" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Article_AtPhoneWidth_ShowsEachDrawingBesideItsStep_InLightDarkAndPrint(string articleId, string locale)
    {
        var release = DraftRelease(locale);
        var figures = release.FindArticle(articleId)!.Items.SelectMany(i => i.Figures).ToList();
        Assert.NotEmpty(figures);
        var page = await app.NewPageAsync(390, 844, locale: locale);
        await page.GotoAsync($"/guidance/{Draft}/{articleId}");

        foreach (var mode in new[] { "light", "dark", "print" })
        {
            await page.EmulateMediaAsync(new()
            {
                ColorScheme = mode == "dark" ? ColorScheme.Dark : ColorScheme.Light,
                Media = mode == "print" ? Media.Print : Media.Screen,
            });
            foreach (var figure in figures)
            {
                var drawing = page.GetByRole(AriaRole.Img, new() { Name = figure.Alt, Exact = true });
                await Assertions.Expect(drawing).ToBeVisibleAsync();
                // Beside its step: in the same list item or paragraph as the step's words, to their left.
                var step = page.Locator(".exercise").Filter(new() { Has = drawing });
                var words = await step.InnerTextAsync();
                Assert.Contains(PlainStart(figure.StepHtml), words.ReplaceLineEndings(" "), StringComparison.Ordinal);
                Assert.DoesNotContain(figure.Alt[..20], words, StringComparison.Ordinal);
                var box = (await drawing.BoundingBoxAsync())!;
                var stepBox = (await step.BoundingBoxAsync())!;
                output.WriteLine($"{locale} {articleId} {mode} {figure.Name}: {box.Width:0}×{box.Height:0} px at x={box.X:0}, step {stepBox.Width:0} px wide");
                Assert.InRange(box.Width, 120, 200);
                Assert.True(box.X + box.Width <= 390, $"{figure.Name} runs off the screen");
                var (stroke, text) = await ColoursAsync(drawing);
                Assert.Equal(text, stroke);
                if (mode == "print")
                {
                    Assert.Equal("rgb(0, 0, 0)", stroke);
                    Assert.Equal("avoid", await step.EvaluateAsync<string>("e => getComputedStyle(e).breakInside"));
                }
                else if (mode == "dark")
                {
                    Assert.NotEqual("rgb(0, 0, 0)", stroke);
                }
            }
            var shot = $"exercises-{articleId}-{locale}-{mode}";
            await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot(shot), FullPage = true });
            output.WriteLine($"screenshot {shot}.png");
        }
    }

    private static async Task<(string Stroke, string Text)> ColoursAsync(ILocator drawing)
    {
        var colours = await drawing.EvaluateAsync<string[]>(
            "svg => [getComputedStyle(svg.querySelector('circle')).stroke, getComputedStyle(svg.closest('.exercise')).color]");
        return (colours[0], colours[1]);
    }

    /// <summary>The first words of a step, as the page shows them (the name in bold without its markup).</summary>
    private static string PlainStart(string stepHtml)
    {
        var text = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(stepHtml, "<[^>]+>", ""));
        return string.Join(' ', text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Take(4));
    }
}
