using Bunit;
using RunBack.Core.Questionnaire;
using RunBack.Web.Components.Shared.Questions;

namespace RunBack.Web.Tests.Components;

public sealed class QuestionFieldTests : ComponentTestBase
{
    private AnswerValue? _answered;
    private string? _typed;

    private IRenderedComponent<QuestionField> RenderQuestion(string id, AnswerSet? answers = null, string? error = null, string? raw = null) =>
        Render<QuestionField>(p => p
            .Add(x => x.Question, Release.Questionnaire.Find(id)!)
            .Add(x => x.Answers, answers ?? AnswerSet.Empty)
            .Add(x => x.Error, error)
            .Add(x => x.RawText, raw)
            .Add(x => x.Today, new DateOnly(2026, 11, 22))
            .Add(x => x.OnAnswer, v => _answered = v)
            .Add(x => x.OnRawText, t => _typed = t));

    [Fact]
    public void YesNo_IsFieldsetWithLegendAndTwoRadios()
    {
        var cut = RenderQuestion("night_waking");

        Assert.Equal("Does the pain wake you at night, even now and then?", cut.Find("fieldset > legend").TextContent);
        Assert.Equal(2, cut.FindAll("input[type=radio]").Count);
        cut.Find("#q-night_waking-yes").Change(true);
        Assert.Equal(AnswerValue.Of(true), _answered);
    }

    [Fact]
    public void SingleChoice_LabelsEveryOption_AndReportsTheOptionId()
    {
        var cut = RenderQuestion("pain_trend");

        Assert.Equal(["Better", "About the same", "Worse"], cut.FindAll("label.choice span").Select(s => s.TextContent));
        cut.Find("#q-pain_trend-worse").Change(true);
        Assert.Equal(AnswerValue.Of("worse"), _answered);
    }

    [Fact]
    public void MultiChoice_ExclusiveOptionClearsOthers_AndOthersClearIt()
    {
        var answers = AnswerSet.Empty.Set("serious_signs", AnswerValue.OfOptions(["fever"]));
        var cut = RenderQuestion("serious_signs", answers);

        cut.Find("#q-serious_signs-none").Change(true);
        Assert.Equal(AnswerValue.OfOptions(["none"]), _answered);

        cut.Render(p => p.Add(x => x.Answers, AnswerSet.Empty.Set("serious_signs", AnswerValue.OfOptions(["none"]))));
        cut.Find("#q-serious_signs-fever").Change(true);
        Assert.Equal(AnswerValue.OfOptions(["fever"]), _answered);
    }

    [Fact]
    public void MultiChoice_FirstTickOnUnansweredQuestion_Works()
    {
        var cut = RenderQuestion("pain_where");

        cut.Find("#q-pain_where-lower_back").Change(true);

        Assert.Equal(AnswerValue.OfOptions(["lower_back"]), _answered);
    }

    [Fact]
    public void Scale_ElevenRadiosNamedForScreenReaders()
    {
        var cut = RenderQuestion("back_pain");

        var radios = cut.FindAll("input[type=radio]");
        Assert.Equal(11, radios.Count);
        Assert.Equal("0, No pain", radios[0].GetAttribute("aria-label"));
        Assert.Equal("10, Worst imaginable", radios[10].GetAttribute("aria-label"));
        radios[7].Change(true);
        Assert.Equal(AnswerValue.Of(7), _answered);
    }

    [Fact]
    public void Number_LabelledWithUnit_KeepsWhatWasTyped()
    {
        var answers = AnswerSet.Empty.Set("distance_unit", AnswerValue.Of("miles"));
        var cut = RenderQuestion("distance_week_1", answers, raw: "abc");

        Assert.Equal("q-distance_week_1", cut.Find("label").GetAttribute("for"));
        Assert.Equal("miles", cut.Find(".field__unit").TextContent);
        Assert.Equal("abc", cut.Find("input").GetAttribute("value"));
        cut.Find("input").Change("12.5");
        Assert.Equal("12.5", _typed);
    }

    [Fact]
    public void Date_QuickChoiceSendsTheDate_AndInputRefusesTheFuture()
    {
        var cut = RenderQuestion("pain_started");

        Assert.Equal("2026-11-22", cut.Find("input[type=date]").GetAttribute("max"));
        cut.FindAll("button").Single(b => b.TextContent == "Yesterday").Click();
        Assert.Equal("2026-11-21", _typed);
    }

    [Fact]
    public void Error_IsShownAndTiedToTheControl()
    {
        var cut = RenderQuestion("sitting_hours", error: "Sitting on a usual day: enter a number from 0 to 24 hours a day.");

        var input = cut.Find("input");
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Contains("q-sitting_hours-error", input.GetAttribute("aria-describedby")!, StringComparison.Ordinal);
        Assert.Contains("enter a number from 0 to 24", cut.Find("#q-sitting_hours-error").TextContent, StringComparison.Ordinal);
    }
}
