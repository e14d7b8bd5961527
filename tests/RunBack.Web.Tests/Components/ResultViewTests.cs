using System.Globalization;
using System.Text.Json.Nodes;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using RunBack.Core.Content;
using RunBack.Core.Questionnaire;
using RunBack.Core.Rules;
using RunBack.Web.Components.Shared;
using RunBack.Web.Features.Assessments;
using RunBack.Web.Features.Info;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Components;

/// <summary>The result page and the banner: the action first and from content, the top three, the rest folded.</summary>
public sealed class ResultViewTests : ComponentTestBase
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;

    /// <summary>The app's default culture (en-GB): the runner's country is GB, as on a request.</summary>
    public ResultViewTests() => CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-GB");

    private static Assessment Evaluate(ContentRelease release, JsonObject answers) =>
        AssessmentService.Evaluate(release, AnswerParser.FromJson(answers.ToJsonString(), release.Questionnaire).Answers, Answers.Today);

    private IRenderedComponent<ResultView> RenderResult(JsonObject answers, ContentRelease? release = null)
    {
        release ??= Release;
        var assessment = Evaluate(release, answers);
        return Render<ResultView>(p => p
            .Add(x => x.Assessment, assessment)
            .Add(x => x.Release, release)
            .Add(x => x.Answers, AnswerSet.Empty)
            .Add(x => x.AnswersJson, answers.ToJsonString())
            .Add(x => x.Date, Answers.Today));
    }

    private IRenderedComponent<TriageBanner> RenderBanner(TriageLevel level, ContentRelease? release, string? country = "GB") =>
        Render<TriageBanner>(p => p.Add(x => x.Level, level).Add(x => x.Release, release).Add(x => x.Country, country));

    /// <summary>
    /// Issue 26 item 7: "Start again" sat just under Save and cleared an unsaved result with one tap. It now sits after
    /// the result, apart from Save, and asks first; "Keep my answers" leaves everything as it was.
    /// </summary>
    [Fact]
    public void StartAgain_Unsaved_AsksFirst_AwayFromSave()
    {
        var started = 0;
        var answers = Answers.NoRisk();
        var assessment = Evaluate(Release, answers);
        var cut = Render<ResultView>(p => p
            .Add(x => x.Assessment, assessment).Add(x => x.Release, Release).Add(x => x.Answers, AnswerSet.Empty)
            .Add(x => x.AnswersJson, answers.ToJsonString()).Add(x => x.Date, Answers.Today)
            .Add(x => x.OnEdit, () => { })
            .Add(x => x.OnStartAgain, () => started++));

        Assert.DoesNotContain(cut.FindAll(".result-actions button"), b => b.TextContent.Contains("Start again", StringComparison.Ordinal));
        cut.Find(".start-again button").Click();
        Assert.Equal(0, started);
        Assert.Contains("Start again?", cut.Find(".start-again__confirm").TextContent, StringComparison.Ordinal);

        cut.FindAll(".start-again__confirm button").Single(b => b.TextContent == "Keep my answers").Click();
        Assert.Equal(0, started);
        Assert.Empty(cut.FindAll(".start-again__confirm"));

        cut.Find(".start-again button").Click();
        cut.FindAll(".start-again__confirm button").Single(b => b.TextContent == "Yes, clear my answers").Click();
        Assert.Equal(1, started);
    }

    [Fact]
    public void StartAgain_Saved_NothingToLose_StartsAtOnce()
    {
        var started = 0;
        var answers = Answers.NoRisk();
        var cut = Render<ResultView>(p => p
            .Add(x => x.Assessment, Evaluate(Release, answers)).Add(x => x.Release, Release).Add(x => x.Answers, AnswerSet.Empty)
            .Add(x => x.AnswersJson, answers.ToJsonString()).Add(x => x.Date, Answers.Today).Add(x => x.SavedId, Guid.NewGuid())
            .Add(x => x.OnEdit, () => { })
            .Add(x => x.OnStartAgain, () => started++));

        cut.Find(".start-again button").Click();

        Assert.Equal(1, started);
    }

    [Theory]
    [InlineData(TriageLevel.Emergency, "tel:999", "Call 999", "go to A&E")]
    [InlineData(TriageLevel.Urgent, "tel:111", "Call NHS 111", "Call NHS 111, or ask your GP surgery for an urgent appointment")]
    public void TriageBanner_ShippedRelease_ActionComesFirstAsATelLink(TriageLevel level, string tel, string label, string sentence)
    {
        var cut = RenderBanner(level, Release);

        var section = cut.Find("section");
        Assert.Equal("alert", section.GetAttribute("role"));
        Assert.Equal("H2", section.Children[0].TagName);
        Assert.Contains("triage__action", section.Children[1].ClassName, StringComparison.Ordinal);
        var first = cut.FindAll("a, button")[0];
        Assert.Equal(tel, first.GetAttribute("href"));
        Assert.Equal(label, first.TextContent);
        Assert.Contains(sentence, cut.Find(".triage__lead").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void TriageBanner_ReleaseWithOtherActions_ShowsThoseWordsAndNumber()
    {
        using var content = new ChangedRelease(yaml => yaml
            .Replace("label: Call 999", "label: Ring 112", StringComparison.Ordinal)
            .Replace("phone: \"999\"", "phone: \"112\"", StringComparison.Ordinal)
            .Replace("text: Call 999 now, or go to A&E if you can get there safely. Do not wait to see if it settles.",
                "text: Ring 112 straight away, or go to the nearest emergency department.", StringComparison.Ordinal));

        var cut = RenderBanner(TriageLevel.Emergency, content.Loaded);

        var call = cut.Find("a.button--call");
        Assert.Equal("tel:112", call.GetAttribute("href"));
        Assert.Equal("Ring 112", call.TextContent);
        Assert.Equal("Ring 112 straight away, or go to the nearest emergency department.", cut.Find(".triage__lead").TextContent);
        Assert.DoesNotContain("999", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void TriageBanner_CountryTheReleaseDoesNotKnow_LocalEmergencyNumberAndNoTelLink()
    {
        var cut = RenderBanner(TriageLevel.Emergency, Release, country: "JP"); // a country the content does not list

        Assert.Equal("Call your local emergency number", cut.Find(".triage__action").TextContent);
        Assert.Empty(cut.FindAll("a[href^='tel:']"));
        Assert.DoesNotContain("999", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void TriageBanner_ReleaseWithoutActions_KeepsItsOwnCountryUnknownWording()
    {
        var first = Services.GetRequiredService<ContentStore>().Find("2026.11.0")!;
        Assert.True(first.Actions.IsEmpty);

        var cut = RenderBanner(TriageLevel.Emergency, first);

        Assert.Contains("call your local emergency number", cut.Find(".triage__lead").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("a[href^='tel:']"));
    }

    [Fact]
    public void Result_Emergency_MainButtonIsTheCall_SavingIsSecondary()
    {
        var cut = RenderResult(Answers.RedFlag());

        var primary = Assert.Single(cut.FindAll(".button--primary"));
        Assert.Equal("A", primary.TagName);
        Assert.Equal("tel:999", primary.GetAttribute("href"));
        var controls = cut.FindAll("a, button");
        Assert.Same(primary, controls[0]);
        var save = controls.Single(c => c.TextContent == "Save as a check-in");
        Assert.DoesNotContain("button--primary", save.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void Result_Emergency_OnlyTheSafetyGuidance_NothingElse()
    {
        var assessment = Evaluate(Release, Answers.RedFlag());
        Assert.Contains(assessment.Guidance, g => !g.Safety);

        var cut = RenderResult(Answers.RedFlag());

        var top = cut.Find("section.result-top");
        Assert.Equal("What to do now", top.QuerySelector("h2")!.TextContent);
        Assert.Equal(assessment.Guidance.Where(g => g.Safety).Select(g => "guidance-" + g.Item.Id), top.QuerySelectorAll(".guidance__item").Select(li => li.Id));
        // No stretches, "keep moving" or ice and heat anywhere beside "go to emergency care now" (2027.1.0 hazard 6).
        Assert.Equal(top.QuerySelectorAll(".guidance__item").Length, cut.FindAll(".guidance__item").Count);
        Assert.DoesNotContain(cut.FindAll("details.disclosure summary"), s => s.TextContent.StartsWith("After you have been checked", StringComparison.Ordinal));
    }

    [Fact]
    public void Result_Urgent_MainButtonIsNhs111()
    {
        var cut = RenderResult(Answers.NoRisk().With("serious_signs", new JsonArray("fever")));

        Assert.Equal("Contact a doctor today", cut.Find(".triage h2").TextContent);
        var primary = Assert.Single(cut.FindAll(".button--primary"));
        Assert.Equal("tel:111", primary.GetAttribute("href"));
    }

    [Fact]
    public void Result_Urgent_FoldsTheRestUnderAfterYouHaveBeenChecked()
    {
        var answers = Answers.NoRisk().With("serious_signs", new JsonArray("fever"));
        var later = GuidanceSections.AfterChecked(Evaluate(Release, answers));
        Assert.NotEmpty(later);

        var cut = RenderResult(answers);

        Assert.Contains(cut.FindAll("details.disclosure summary"), s => s.TextContent == $"After you have been checked ({later.Count})");
    }

    [Fact]
    public void Result_SelfCare_SavingIsTheMainButtonAndThereIsNoCall()
    {
        var cut = RenderResult(Answers.NoRisk());

        var primary = Assert.Single(cut.FindAll(".button--primary"));
        Assert.Equal("Save as a check-in", primary.TextContent);
        Assert.Empty(cut.FindAll("a[href^='tel:']"));
    }

    [Fact]
    public void Result_LeadsWithTheThreeThingsToDo_AndFoldsTheRestUnderADisclosure()
    {
        var answers = Answers.HipPattern().With("distance_week_2", 30).With("distance_week_1", 36).With("shoe_distance", 700);
        var assessment = Evaluate(Release, answers);
        Assert.True(assessment.MoreGuidance.Count > 0, "The persona must have more than three items for this test.");

        var cut = RenderResult(answers);

        var top = cut.Find("section.result-top");
        Assert.Equal("The three things to do this week", top.QuerySelector("h2")!.TextContent);
        Assert.Equal(assessment.TopGuidance.Select(g => g.Item.Id), top.QuerySelectorAll(".guidance__item").Select(li => li.Id!["guidance-".Length..]));
        Assert.Contains("load-ten-percent", assessment.TopGuidance[0].Item.Id, StringComparison.Ordinal);
        var more = cut.FindAll("details.disclosure")[0];
        Assert.False(more.HasAttribute("open"));
        Assert.Equal($"More things that may help ({assessment.MoreGuidance.Count})", more.QuerySelector("summary")!.TextContent);
        var folded = more.QuerySelectorAll(".guidance__item");
        Assert.Equal(assessment.MoreGuidance.Select(g => g.Item.Id), folded.Select(li => li.Id!["guidance-".Length..]));
        Assert.Equal("4.", folded[0].QuerySelector(".guidance__rank")!.TextContent);
        Assert.All(cut.FindAll(".guidance__item"), card =>
        {
            Assert.Contains("Why you are seeing this", card.TextContent, StringComparison.Ordinal);
            Assert.NotNull(card.QuerySelector(".source"));
        });
        Assert.DoesNotContain("untitled", cut.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void GuidanceCard_SourceWithAnAddress_IsLinkedByItsTitle()
    {
        var item = Release.GuidanceItems.First(i => i.Sources.Any(s => s.Url is not null));
        var source = item.Sources.First(s => s.Url is not null);

        var cut = Render<GuidanceList>(p => p
            .Add(x => x.Items, [new SelectedGuidance(item, false, ["a reason"], [], [])])
            .Add(x => x.ReleaseId, Release.Id));

        var link = cut.FindAll(".source a").Single(a => a.GetAttribute("href") == source.Url);
        Assert.Equal(source.Title, link.TextContent);
    }

    [Fact]
    public void ArticlePage_SourcesShowTitlePublisherAndLink()
    {
        var article = Release.Articles.First(a => a.Sources.Any(s => s.Url is not null));

        var cut = Render<ArticlePage>(p => p.Add(x => x.ReleaseId, Release.Id).Add(x => x.ArticleId, article.Id));

        var footer = cut.Find(".article__meta");
        foreach (var source in article.Sources)
        {
            Assert.Contains(source.Title, footer.TextContent, StringComparison.Ordinal);
            Assert.Contains(source.Publisher, footer.TextContent, StringComparison.Ordinal);
            if (source.Url is not null)
            {
                Assert.Single(footer.QuerySelectorAll("a"), a => a.GetAttribute("href") == source.Url && a.TextContent == source.Title);
            }
        }
        Assert.DoesNotContain("untitled", cut.Markup, StringComparison.OrdinalIgnoreCase);
    }

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentCulture = _culture;
        base.Dispose(disposing);
    }

    /// <summary>The shipped current release copied to a temp folder with its release.yaml changed, and loaded.</summary>
    private sealed class ChangedRelease : IDisposable
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "runback-release-" + Guid.NewGuid().ToString("N"));

        public ChangedRelease(Func<string, string> change)
        {
            var id = ResultViewTests.Release.Id;
            var folder = Path.Combine(_root, id);
            TestFiles.CopyDirectory(Path.Combine(RepoPaths.Content, ContentStore.ReleasesFolder, id), folder);
            var file = Path.Combine(folder, ReleaseLoader.ReleaseFile);
            var yaml = File.ReadAllText(file);
            var changed = change(yaml);
            Assert.NotEqual(yaml, changed);
            File.WriteAllText(file, changed);
            Loaded = ReleaseLoader.Load(folder);
        }

        public ContentRelease Loaded { get; }

        public void Dispose() => Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Saved_ShowsSavedWithAHistoryLink_InsteadOfTheSaveButton()
    {
        var id = Guid.NewGuid();
        var assessment = Evaluate(Release, Answers.NoRisk());

        var saved = Render<ResultView>(p => p
            .Add(x => x.Assessment, assessment).Add(x => x.Release, Release).Add(x => x.Answers, AnswerSet.Empty)
            .Add(x => x.AnswersJson, Answers.NoRisk().ToJsonString()).Add(x => x.Date, Answers.Today).Add(x => x.SavedId, id)
            .Add(x => x.OnEdit, () => { }));
        var unsaved = RenderResult(Answers.NoRisk());

        Assert.Contains("Saved.", saved.Find(".result-saved").TextContent, StringComparison.Ordinal);
        Assert.Equal($"/history#checkin-{id}", saved.Find(".result-saved a").GetAttribute("href"));
        Assert.DoesNotContain(saved.FindAll("button"), b => b.TextContent == "Save as a check-in");
        Assert.Contains(saved.FindAll("button"), b => b.TextContent == "Change my answers (saves as a new check-in)");
        Assert.Contains(unsaved.FindAll("button"), b => b.TextContent == "Save as a check-in");
    }
}
