using Bunit;
using RunBack.Core.Questionnaire;
using RunBack.Web.Components.Shared;
using RunBack.Web.Features.SelfCheck;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Components;

public sealed class SelfCheckTests : ComponentTestBase
{
    // The self-check runs as an interactive server component (its training-file import reads RendererInfo).
    public SelfCheckTests() => SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", true));

    private IRenderedComponent<SelfCheck> RenderLoaded()
    {
        var cut = Render<SelfCheck>();
        cut.WaitForAssertion(() => Assert.Equal("Your pain now", cut.Find("h2#step-title").TextContent));
        return cut;
    }

    /// <summary>Answers the current step from a persona's JSON answers, through the same inputs a person uses.</summary>
    private static void AnswerStep(IRenderedComponent<SelfCheck> cut, System.Text.Json.Nodes.JsonObject persona)
    {
        var title = cut.Find("h2#step-title").TextContent;
        var section = Release.Questionnaire.Sections.Single(s => s.Title == title);
        foreach (var question in section.Questions)
        {
            if (!persona.TryGetPropertyValue(question.Id, out var value) || value is null || cut.FindAll($"#q-{question.Id}").Count == 0)
            {
                continue;
            }
            switch (question.Kind)
            {
                case QuestionKind.YesNo:
                    cut.Find($"#q-{question.Id}-{((bool)value! ? "yes" : "no")}").Change(true);
                    break;
                case QuestionKind.SingleChoice:
                    cut.Find($"#q-{question.Id}-{(string)value!}").Change(true);
                    break;
                case QuestionKind.MultiChoice:
                    foreach (var option in value!.AsArray())
                    {
                        cut.Find($"#q-{question.Id}-{(string)option!}").Change(true);
                    }
                    break;
                case QuestionKind.Scale:
                    cut.Find($"#q-{question.Id}-{(int)value!}").Change(true);
                    break;
                default:
                    cut.Find($"#q-{question.Id}").Change(value!.ToString());
                    break;
            }
        }
    }

    private static void Next(IRenderedComponent<SelfCheck> cut) => cut.Find("form.step").Submit();

    [Fact]
    public void Start_ShowsStepOneOfNine_WithProgress()
    {
        var cut = RenderLoaded();

        // One step per section of the served release: 10 in 2027.1.0, 11 once 2027.2.0 (with the PEG step) is published.
        Assert.Equal(10 + (Release.Questionnaire.Find("peg_pain") is null ? 0 : 1), Release.Questionnaire.Sections.Count);
        Assert.Contains($"Step 1 of {Release.Questionnaire.Sections.Count}", cut.Find(".progress__text").TextContent, StringComparison.Ordinal);
        Assert.Equal("step", cut.Find(".progress__steps li.is-current").GetAttribute("aria-current"));
    }

    [Fact]
    public void Next_WithMissingAnswers_SummarisesErrorsAndStays()
    {
        var cut = RenderLoaded();

        Next(cut);

        var summary = cut.Find(".error-summary");
        Assert.Equal("alert", summary.GetAttribute("role"));
        Assert.Contains("Where it hurts: please choose at least one option.", summary.TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("#q-back_pain-error"));
        Assert.Equal("Your pain now", cut.Find("h2#step-title").TextContent);
    }

    [Fact]
    public void NextAndBack_KeepEveryAnswer()
    {
        var cut = RenderLoaded();
        AnswerStep(cut, Answers.NoRisk().With("back_pain", 6));

        Next(cut);
        cut.WaitForAssertion(() => Assert.Equal(Release.Questionnaire.Sections[1].Title, cut.Find("h2#step-title").TextContent));
        cut.FindAll("button").Single(b => b.TextContent == "Back").Click();

        cut.WaitForAssertion(() => Assert.Equal("Your pain now", cut.Find("h2#step-title").TextContent));
        Assert.True(cut.Find("#q-back_pain-6").HasAttribute("checked"));
        Assert.True(cut.Find("#q-pain_where-lower_back").HasAttribute("checked"));
    }

    [Fact]
    public void RedFlag_ShowsEmergencyBannerOnTheStep_AndResultLeadsWithIt()
    {
        var cut = RenderLoaded();
        var persona = Answers.RedFlag();
        // The warning signs are asked early (clinical-safety.md): the banner appears on that step and stays.
        var safetyStep = Release.Questionnaire.Sections.Select((s, i) => (s, i)).Single(x => x.s.Safety).i;
        Assert.InRange(safetyStep, 0, 1);
        for (var step = 0; step < Release.Questionnaire.Sections.Count; step++)
        {
            AnswerStep(cut, persona);
            if (step >= safetyStep)
            {
                var banner = cut.FindComponent<TriageBanner>();
                Assert.Equal("alert", banner.Find("section").GetAttribute("role"));
                Assert.Equal("Go to emergency care now", banner.Find("h2").TextContent);
            }
            else
            {
                Assert.Empty(cut.FindComponents<TriageBanner>());
            }
            Next(cut);
        }

        cut.WaitForAssertion(() => Assert.Equal("Your result", cut.Find("h1").TextContent));
        Assert.Equal("Go to emergency care now", cut.Find(".triage h2").TextContent);
        Assert.Contains("Go to emergency care now", cut.Find(".guidance__item").TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("form[action='/check-ins'] input[name=answers]"));
    }

    [Fact]
    public void TypedNonsense_GivesAClearMessage()
    {
        var cut = RenderLoaded();
        var before = Release.Questionnaire.Sections.TakeWhile(s => s.Id != "training").Count();
        for (var step = 0; step < before; step++)
        {
            AnswerStep(cut, Answers.NoRisk());
            Next(cut);
            cut.WaitForAssertion(() => Assert.Equal(Release.Questionnaire.Sections[step + 1].Title, cut.Find("h2#step-title").TextContent));
        }
        Assert.Equal("Training load", cut.Find("h2#step-title").TextContent);
        AnswerStep(cut, Answers.NoRisk());
        cut.Find("#q-distance_week_1").Change("NaN");

        Next(cut);

        Assert.Contains("Distance last week: Enter a number using digits", cut.Find(".error-summary").TextContent, StringComparison.Ordinal);
        Assert.Equal("NaN", cut.Find("#q-distance_week_1").GetAttribute("value"));
    }
}
