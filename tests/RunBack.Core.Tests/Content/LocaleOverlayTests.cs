using System.Globalization;
using RunBack.Core.Content;
using RunBack.Core.Rules;

namespace RunBack.Core.Tests.Content;

/// <summary>The en-US overlay of 2026.12.1: what it rewords, what it cannot touch, and how it is checked and locked.</summary>
public sealed class LocaleOverlayTests : IDisposable
{
    private const string Release = "2026.12.1";
    private const string OverlayFile = "releases/2026.12.1/locales/en-US.yaml";
    private static readonly CultureInfo Us = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo Gb = CultureInfo.GetCultureInfo("en-GB");
    private readonly ContentFixture _content = new();

    public void Dispose() => _content.Dispose();

    private static ContentStore Store => AnswersBuilder.Store;

    private string OverlayPath => Path.Combine(_content.Root, ContentStore.ReleasesFolder, Release, "locales", "en-US.yaml");

    private IReadOnlyList<ContentProblem> LoadAfter(string oldText, string newText, out int line)
    {
        var text = File.ReadAllText(OverlayPath);
        var index = text.IndexOf(oldText, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{oldText}' not found in the overlay");
        File.WriteAllText(OverlayPath, string.Concat(text.AsSpan(0, index), newText, text.AsSpan(index + oldText.Length)));
        line = text[..index].Count(c => c == '\n') + 1;
        return ReleaseLoader.TryLoad(Path.Combine(_content.Root, ContentStore.ReleasesFolder, Release), _content.Root).Problems;
    }

    [Fact]
    public void UsEdition_RewordsOnly_TheRulesAndWarningSignsAreTheRelease()
    {
        var release = Store.Find(Release)!;
        var us = Store.FindEdition(Release, Us)!;

        Assert.Equal("en-US", us.Locale);
        Assert.Same(release.Rules, us.Rules);
        Assert.Equal("Do you count your running in kilometers or miles?", us.Questionnaire.Find("distance_unit")!.Prompt);
        Assert.Equal("Kilometers", us.Questionnaire.Find("distance_unit")!.FindOption("km")!.Label);
        Assert.Equal("Kilometres", release.Questionnaire.Find("distance_unit")!.FindOption("km")!.Label);
        Assert.Contains("primary care provider", us.FindItem("inflammatory-pattern")!.Html, StringComparison.Ordinal);
        Assert.Equal(
            release.Questionnaire.Questions.Select(q => (q.Id, q.Kind, q.Required, string.Join(",", q.Options.Select(o => o.Id)))),
            us.Questionnaire.Questions.Select(q => (q.Id, q.Kind, q.Required, string.Join(",", q.Options.Select(o => o.Id)))));
        Assert.Equal(release.GuidanceItems.Select(i => i.Id).Order(), us.GuidanceItems.Select(i => i.Id).Order());
    }

    [Fact]
    public void UsEdition_Says911_TheUkEdition999_AnUnknownCountryItsLocalNumber()
    {
        Assert.Equal("911", Store.CurrentEdition(Us).Actions.For(TriageLevel.Emergency, "US")!.Phone);
        Assert.Contains("emergency room", Store.CurrentEdition(Us).Actions.For(TriageLevel.Emergency, "US")!.Text, StringComparison.Ordinal);
        Assert.Contains("urgent care", Store.CurrentEdition(Us).Actions.For(TriageLevel.Urgent, "US")!.Text, StringComparison.Ordinal);
        Assert.Equal("999", Store.CurrentEdition(Gb).Actions.For(TriageLevel.Emergency, "GB")!.Phone);
        Assert.Equal("112", Store.CurrentEdition(CultureInfo.GetCultureInfo("fr-FR")).Actions.For(TriageLevel.Emergency, "FR")!.Phone);
        var unknown = Store.CurrentEdition(CultureInfo.GetCultureInfo("ja-JP")).Actions.For(TriageLevel.Emergency, "JP")!;
        Assert.Null(unknown.Phone);
        Assert.Contains("local emergency number", unknown.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026.12.0", "en-US", "US", "911")]
    [InlineData("2026.11.0", "en-US", "US", "911")]
    [InlineData("2026.11.0", "en-GB", "GB", "999")]
    [InlineData("2026.12.0", "en-GB", "GB", "999")]
    public void OlderRelease_KeepsItsWords_AndBorrowsTheEditionsActions(string releaseId, string culture, string country, string phone)
    {
        var edition = Store.FindEdition(releaseId, CultureInfo.GetCultureInfo(culture))!;

        Assert.Equal(releaseId, edition.Id);
        Assert.Null(edition.Locale);
        Assert.Equal(phone, edition.Actions.For(TriageLevel.Emergency, country)!.Phone);
        Assert.Equal(Store.Find(releaseId)!.Questionnaire.Find("pain_where")!.Prompt, edition.Questionnaire.Find("pain_where")!.Prompt);
    }

    [Fact]
    public void UnknownQuestionId_IsReportedWithFileAndLine()
    {
        var problems = LoadAfter("  distance_unit:\n", "  distance_units:\n", out var line);

        var problem = Assert.Single(problems);
        Assert.Equal(new SourceLocation(OverlayFile, line), problem.Location);
        Assert.Contains("unknown question id 'distance_units'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownGuidanceAndOption_AreReportedWithFileAndLine()
    {
        var problems = LoadAfter("      km: Kilometers", "      kms: Kilometers", out var optionLine);
        Assert.Contains(problems, p => p.Location == new SourceLocation(OverlayFile, optionLine) && p.Message.Contains("no option 'kms'", StringComparison.Ordinal));

        problems = LoadAfter("  form-video:\n", "  form-vidoe:\n", out var itemLine);
        Assert.Contains(problems, p => p.Location == new SourceLocation(OverlayFile, itemLine) && p.Message.Contains("unknown guidance item id 'form-vidoe'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("    prompt: Do you count", "    required: false\n    prompt: Do you count", "unknown field 'required'")]
    [InlineData("questions:\n", "rules:\n  - id: x\nquestions:\n", "unknown field 'rules'")]
    [InlineData("    prompt: Do you count", "    show_if: { answer: back_pain, gt: 3 }\n    prompt: Do you count", "unknown field 'show_if'")]
    public void AnOverlayCannotChangeWhatIsAskedOrTheTriage(string oldText, string newText, string expected)
    {
        var problems = LoadAfter(oldText, newText, out var line);

        Assert.Contains(problems, p => p.Location.File == OverlayFile && p.Location.Line == line && p.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void AnOverlayMustSayWhatToDoInAnEmergency()
    {
        var problems = LoadAfter("  emergency:\n    label: Call 911\n    phone: \"911\"\n    text: Call 911 now, or go to the emergency room if you can get there safely. Do not wait to see if it settles.\n", "", out _);

        Assert.Contains(problems, p => p.Location.File == OverlayFile && p.Message.Contains("needs an action for 'emergency'", StringComparison.Ordinal));
    }

    [Fact]
    public void OverlayWithTheWrongCountry_OrABadName_IsRefused()
    {
        Assert.Contains(LoadAfter("country: US", "country: GB", out _), p => p.Location.File == OverlayFile && p.Message.Contains("'country' must be the region", StringComparison.Ordinal));
        File.Copy(OverlayPath, Path.Combine(Path.GetDirectoryName(OverlayPath)!, "english.yaml"));
        var problems = ReleaseLoader.TryLoad(Path.Combine(_content.Root, ContentStore.ReleasesFolder, Release), _content.Root).Problems;
        Assert.Contains(problems, p => p.Location.File == "releases/2026.12.1/locales/english.yaml" && p.Message.Contains("named for a culture", StringComparison.Ordinal));
    }

    [Fact]
    public void EditingThePublishedOverlay_IsRefused()
    {
        var text = File.ReadAllText(OverlayPath);
        File.WriteAllText(OverlayPath, text.Replace("Kilometers", "Kilometres", StringComparison.Ordinal));

        var (store, problems) = ContentStore.TryLoad(_content.Root);

        Assert.Null(store);
        Assert.Contains(problems, p => p.Location.File == ReleaseLock.FileName
            && p.Message.Contains($"published release '{Release}' has been edited", StringComparison.Ordinal));
    }
}
