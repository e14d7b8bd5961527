using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using RunBack.Core.Content;
using RunBack.Core.Rules;
using RunBack.Web.Features.Summary;

namespace RunBack.BrowserTests;

/// <summary>
/// The server's PDF of the longest summary a runner can produce, read back as text with `pdftotext -layout`: it fits
/// two pages at A4 and at US Letter, every list number is printed whole, and no heading ends a page.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class PrintTests(AppFixture app)
{
    [GeneratedRegex(@"^\s*(\d+)\.\s+\S")]
    private static partial Regex NumberedLine();

    [GeneratedRegex(@"(^|\s)\.\d\b")]
    private static partial Regex CutNumber();

    [Theory]
    [InlineData("A4", false, "en-GB")]
    [InlineData("Letter", true, "en-GB")]
    [InlineData("A4", false, "en-US")]
    [InlineData("Letter", true, "en-US")]
    public async Task WorstCaseSummary_FitsTwoPages_NumbersWhole_NoHeadingEndsAPage(string paper, bool letter, string edition)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(edition);
        try
        {
            await WorstCaseAsync(paper, letter, edition);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

    private async Task WorstCaseAsync(string paper, bool letter, string edition)
    {
        var release = app.Services.GetRequiredService<ContentStore>().CurrentEdition(CultureInfo.CurrentCulture);
        var model = WorstCaseSummary.Build(release, app.Today, app.BaseUrl);
        Assert.Equal(Core.Rules.TriageLevel.Emergency, model.Assessment.Triage);
        Assert.True(model.Assessment.Guidance.Count >= 16, $"Only {model.Assessment.Guidance.Count} guidance items: not the worst case any more.");
        Assert.Equal(release.Rules.Factors.Count, model.Assessment.Factors.Count);

        var result = await app.Services.GetRequiredService<PdfRenderer>().RenderAsync(model, letter, CancellationToken.None);
        Assert.NotNull(result.Pdf);
        await File.WriteAllBytesAsync(Path.Combine(AppFixture.ScreenshotDirectory, $"summary-worst-case-{paper}-{edition}.pdf"), result.Pdf);
        var pages = await PdfText.PagesAsync(result.Pdf);

        Assert.InRange(pages.Count, 1, 2);
        var lines = pages.SelectMany(p => p).ToList();
        // The printed emergency action names the edition's number.
        var (number, other) = edition == "en-US" ? ("Call 911", "999") : ("Call 999", "911");
        Assert.Contains(lines, l => l.Contains(number, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(other, StringComparison.Ordinal));
        var numbers = lines.Select(l => NumberedLine().Match(l)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        // An emergency prints the safety cards alone (GuidanceSections, 2027.1.0 hazard 6): every one numbered, and none
        // of the stretches, "keep moving" or ice and heat cards the assessment also selected.
        var printed = GuidanceSections.Now(model.Assessment).Count + GuidanceSections.AfterChecked(model.Assessment).Count;
        Assert.True(printed > 0);
        for (var n = 1; n <= printed; n++)
        {
            Assert.Contains(n, numbers);
        }
        var text = string.Join(" ", lines.Select(l => Regex.Replace(l, @"\s+", " ")));
        Assert.All(model.Assessment.Guidance.Where(g => !g.Safety), g => Assert.DoesNotContain(g.Item.Title + " —", text, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => CutNumber().IsMatch(l));

        // pdftotext reads a clipped "10." whole, so also check that no word starts in the page margin (12 mm) where it is cut off.
        const double Margin = 12 / 25.4 * 72 - 0.5;
        var outside = (await PdfText.WordsAsync(result.Pdf)).Where(w => w.Left < Margin || w.Right > w.PageWidth - Margin).ToList();
        Assert.True(outside.Count == 0, "Cut off at the page edge: " + string.Join(", ", outside.Select(w => $"\"{w.Text}\" (page {w.Page})")));

        var headings = Headings(model);
        foreach (var page in pages.SkipLast(1))
        {
            var last = page[^1];
            var parts = Regex.Split(last.Trim(), @"\s{2,}");
            Assert.False(parts.Any(headings.Contains), $"A heading ends a {paper} page: \"{last.Trim()}\"");
        }
    }

    /// <summary>Every heading and table caption of the summary, as printed.</summary>
    private static HashSet<string> Headings(SummaryModel model) =>
    [
        "RunBack guidance summary", "Result", "Pain now", "Pain over the last 12 weeks (0–10; the last check-in of each week; PEG score, a change of 30 % or more shown)", "Contributing factors and hip component",
        "Guidance given", "Answers", "Questions to ask your physiotherapist", "Sources",
        .. model.Sections.Select(s => s.Title),
    ];
}
