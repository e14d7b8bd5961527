using RunBack.Core.Content;
using Xunit.Abstractions;

namespace RunBack.Core.Tests.Reading;

/// <summary>
/// clinical-safety.md's plain words: warning-sign labels at Flesch–Kincaid grade 6 or below; safety cards, the
/// disclaimer and every article at grade 8 or below, in both editions. Checked on 2027.1.0 and every later release
/// (2026.12.1 and older are published and cannot change; their grades are printed for comparison).
/// </summary>
public class ReadingLevelTests(ITestOutputHelper output)
{
    private const double LabelGrade = 6;
    private const double TextGrade = 8;

    public static TheoryData<string> CheckedReleases =>
        [.. AnswersBuilder.Store.Releases.Where(r => ContentStore.ParseVersion(r.Id) >= new Version(2027, 1, 0)).Select(r => r.Id)];

    [Theory]
    [InlineData("the", 1)]
    [InlineData("runner", 2)]
    [InlineData("because", 2)]
    [InlineData("infection", 3)]
    [InlineData("antibiotics", 5)]
    [InlineData("examination", 5)]
    [InlineData("immune", 2)]
    [InlineData("tired", 1)]
    [InlineData("needed", 2)]
    [InlineData("horses", 2)]
    [InlineData("little", 2)]
    [InlineData("video", 3)]
    [InlineData("ankylosing", 4)]
    [InlineData("10", 2)]
    public void Syllables_CommonWords_CountedAsSaid(string word, int expected) => Assert.Equal(expected, Readability.Syllables(word));

    [Fact]
    public void Grade_ShortPlainSentences_AreLowAndLongTechnicalOnesHigh()
    {
        // "The cat sat on the mat." 6 words, 6 syllables, 1 sentence: 0.39*6 + 11.8*1 - 15.59 = -1.45.
        Assert.Equal(-1.45, Readability.Grade("The cat sat on the mat."), 2);
        var dense = "Inflammatory spondyloarthritis characteristically presents with persistent nocturnal discomfort, "
            + "considerable morning stiffness and improvement following physical activity or nonsteroidal medication.";
        Assert.True(Readability.Grade(dense) > 12, $"grade {Readability.Grade(dense):0.0}");
    }

    [Fact]
    public void Grade_CountsHeadingsAndListItemsAsSentences()
    {
        var text = Readability.FromHtml("<h2>Stop</h2><ul><li>Rest now</li><li>Call a doctor</li></ul><p>Then wait.</p>");
        Assert.Equal(4, text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Count(s => s.Trim().Length > 0));
    }

    [Fact]
    public void ThereIsAReleaseToCheck() => Assert.NotEmpty(CheckedReleases);

    [Theory]
    [MemberData(nameof(CheckedReleases))]
    public void WarningSignLabels_AtGradeSixOrBelow(string releaseId)
    {
        var failures = Editions(releaseId).SelectMany(WarningSignLabels)
            .Select(l => (l.Where, l.Text, Grade: Readability.Grade(l.Text)))
            .Where(l => l.Grade > LabelGrade)
            .Select(l => $"{l.Where}: {l.Grade:0.0} \"{l.Text}\"").ToList();
        Assert.Empty(failures);
    }

    [Theory]
    [MemberData(nameof(CheckedReleases))]
    public void SafetyCards_Disclaimer_AndArticles_AtGradeEightOrBelow(string releaseId)
    {
        var failures = Editions(releaseId).SelectMany(Texts)
            .Select(t => (t.Where, Grade: Readability.Grade(t.Text)))
            .Where(t => t.Grade > TextGrade)
            .Select(t => $"{t.Where}: {t.Grade:0.0}").ToList();
        Assert.Empty(failures);
    }

    /// <summary>Prints every grade of the previous release and this one, for the release notes (asserts only that there are some).</summary>
    [Fact]
    public void Grades_BeforeAndAfter_Printed()
    {
        foreach (var id in new[] { "2026.12.1", "2027.1.0" })
        {
            var editions = Editions(id).ToList();
            Assert.NotEmpty(editions);
            foreach (var (where, text) in editions.SelectMany(Texts))
            {
                output.WriteLine($"{id} {where}: {Readability.Grade(text):0.0}");
            }
            var labels = editions.SelectMany(WarningSignLabels).Select(l => Readability.Grade(l.Text)).ToList();
            output.WriteLine($"{id} warning-sign labels: {labels.Count}, highest {labels.Max():0.0}, above 6: {labels.Count(g => g > LabelGrade)}");
        }
    }

    private static IEnumerable<ContentRelease> Editions(string releaseId)
    {
        var release = AnswersBuilder.Store.Find(releaseId)!;
        yield return release;
        foreach (var locale in release.Locales)
        {
            yield return release.Edition(locale)!;
        }
    }

    private static string Edition(ContentRelease release) => release.Locale ?? "en-GB";

    /// <summary>The option labels of the warning-sign step's questions (and each question's prompt).</summary>
    internal static IEnumerable<(string Where, string Text)> WarningSignLabels(ContentRelease release) =>
        release.Questionnaire.Sections.Where(s => s.Safety).SelectMany(s => s.Questions).SelectMany(q =>
            new[] { ($"{Edition(release)} {q.Id} prompt", q.Prompt) }
                .Concat(q.Options.Select(o => ($"{Edition(release)} {q.Id}:{o.Id}", o.Label))));

    /// <summary>The disclaimer, every article as a whole, and each card of the safety article on its own.</summary>
    internal static IEnumerable<(string Where, string Text)> Texts(ContentRelease release)
    {
        var edition = Edition(release);
        yield return ($"{edition} disclaimer", release.Info.Disclaimer);
        foreach (var article in release.Articles)
        {
            var parts = new List<string> { article.Title + ".", Readability.FromHtml(article.IntroHtml) };
            foreach (var item in article.Items)
            {
                parts.Add(item.Title + ".");
                parts.Add(Readability.FromHtml(item.Html));
                if (article.Id == "safety")
                {
                    yield return ($"{edition} safety card {item.Id}", item.Title + ".\n\n" + Readability.FromHtml(item.Html));
                }
            }
            yield return ($"{edition} article {article.Id}", string.Join("\n\n", parts));
        }
    }
}
