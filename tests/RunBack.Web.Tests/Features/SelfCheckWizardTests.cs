using Microsoft.Extensions.Time.Testing;
using RunBack.Core.Content;
using RunBack.Core.Questionnaire;
using RunBack.Core.Rules;
using RunBack.Web.Features.Assessments;
using RunBack.Web.Features.SelfCheck;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Features;

/// <summary>The self-check's state machine on its own: no page, no bunit, no browser.</summary>
public sealed class SelfCheckWizardTests
{
    private static readonly Lazy<ContentStore> Store = new(() => ContentStore.Load(RepoPaths.Content));

    private static AssessmentService Assessments() => new(Store.Value, new FakeTimeProvider(RunBackFactory.Start), TestWording.Localizer);

    private static SelfCheckWizard NewWizard() => new(Assessments(), Store.Value.Current);

    private static AnswerSet Persona(System.Text.Json.Nodes.JsonObject json) =>
        AnswerParser.FromJson(json.ToJsonString(), Store.Value.Current.Questionnaire).Answers;

    /// <summary>Answers every visible question of the current step from a persona, as a runner would.</summary>
    private static void AnswerStep(SelfCheckWizard wizard, AnswerSet persona)
    {
        foreach (var question in wizard.Section.Questions)
        {
            if (question.IsVisible(wizard.Answers) && !persona.Get(question.Id).IsNone)
            {
                wizard.Answer(question, persona.Get(question.Id));
            }
        }
    }

    private static Assessment Complete(SelfCheckWizard wizard, AnswerSet persona)
    {
        for (var guard = 0; guard < 50 && wizard.Result is null; guard++)
        {
            AnswerStep(wizard, persona);
            Assert.NotEqual(StepMove.Invalid, wizard.Next());
        }
        return wizard.Result!;
    }

    [Fact]
    public void Next_OnAnEmptyStep_StaysAndNamesTheFirstQuestionInPageOrder()
    {
        var wizard = NewWizard();

        Assert.Equal(StepMove.Invalid, wizard.Next());

        Assert.Equal(0, wizard.Step);
        var firstRequired = wizard.Section.Questions.First(q => q.Required && q.IsVisible(wizard.Answers));
        Assert.Equal(firstRequired.Id, wizard.FirstError);
    }

    [Fact]
    public void Next_ThroughEveryStep_ShowsTheResultForTheAnswersGiven()
    {
        var wizard = NewWizard();
        var steps = wizard.Sections.Count;

        var result = Complete(wizard, Persona(Answers.RedFlag()));

        Assert.Equal(steps - 1, wizard.Step);
        Assert.Equal(TriageLevel.Emergency, result.Triage);
        Assert.Equal(Store.Value.Current.Id, result.ReleaseId);
    }

    [Fact]
    public void Back_KeepsEveryAnswer_AndDropsTheErrorsOfTheStepLeft()
    {
        var wizard = NewWizard();
        var persona = Persona(Answers.NoRisk());
        AnswerStep(wizard, persona);
        Assert.Equal(StepMove.NextStep, wizard.Next());
        Assert.Equal(StepMove.Invalid, wizard.Next());
        var answered = wizard.Answers;

        wizard.Back();

        Assert.Equal(0, wizard.Step);
        Assert.Empty(wizard.Errors);
        Assert.Equal(answered, wizard.Answers);
    }

    [Fact]
    public void Typed_TextThatIsNotANumber_IsKeptAndReportedBeforeTheRangeCheck()
    {
        var wizard = NewWizard();
        var number = wizard.Sections.SelectMany(s => s.Questions).First(q => q.Kind == QuestionKind.Number && q.ShowIf is null);
        wizard.GoTo(wizard.Sections.ToList().FindIndex(s => s.Questions.Contains(number)));

        wizard.Typed(number, "thirty");
        wizard.Next();

        Assert.Equal("thirty", wizard.RawText[number.Id]);
        Assert.StartsWith(number.Label + ":", wizard.Errors[number.Id], StringComparison.Ordinal);
        Assert.True(wizard.Answers.Get(number.Id).IsNone);

        wizard.Typed(number, "30");
        Assert.Equal(30, wizard.Answers.Get(number.Id).Number);
        Assert.False(wizard.Errors.ContainsKey(number.Id));
    }

    [Fact]
    public void Next_OnTheLastStep_WithAnEarlierStepInvalid_GoesBackToThatStep()
    {
        var wizard = NewWizard();
        var persona = Persona(Answers.NoRisk());
        Complete(wizard, persona);
        wizard.Edit();
        var firstStepQuestion = wizard.Section.Questions.First(q => q.Required);
        wizard.Answer(firstStepQuestion, AnswerValue.None);
        wizard.GoTo(wizard.Sections.Count - 1);

        Assert.Equal(StepMove.Invalid, wizard.Next());

        Assert.Equal(0, wizard.Step);
        Assert.Equal(firstStepQuestion.Id, wizard.FirstError);
        Assert.Null(wizard.Result);
    }

    [Fact]
    public void Edit_KeepsAnswersAndKey_StartAgain_ClearsThemAndMakesANewKey()
    {
        var wizard = NewWizard();
        Complete(wizard, Persona(Answers.NoRisk()));
        var key = wizard.IdempotencyKey;

        wizard.Edit();
        Assert.Null(wizard.Result);
        Assert.Equal(0, wizard.Step);
        Assert.NotEqual(0, wizard.Answers.Count);
        Assert.Equal(key, wizard.IdempotencyKey);

        wizard.StartAgain();
        // Every answer given is gone; only the edition's starting distance unit is chosen again.
        Assert.Equal(1, wizard.Answers.Count);
        Assert.Equal("km", wizard.Answers.Get("distance_unit").Text);
        Assert.Empty(wizard.RawText);
        Assert.Null(wizard.Live);
        Assert.NotEqual(key, wizard.IdempotencyKey);
    }

    [Fact]
    public void Answer_AWarningSign_RaisesTheLiveTriageAtOnce()
    {
        var wizard = NewWizard();
        var persona = Persona(Answers.RedFlag());
        var sign = wizard.Sections.SelectMany(s => s.Questions).Single(q => q.Id == "serious_signs");

        wizard.Answer(sign, persona.Get("serious_signs"));

        Assert.Equal(TriageLevel.Emergency, wizard.Live!.Triage);
    }

    [Fact]
    public void Snapshot_ThenResume_RestoresStepAnswersTypedTextKeyAndResult()
    {
        var assessments = Assessments();
        var wizard = new SelfCheckWizard(assessments, Store.Value.Current);
        Complete(wizard, Persona(Answers.HipPattern()));

        var resumed = SelfCheckWizard.Resume(assessments, wizard.Snapshot())!;

        Assert.Equal(wizard.Step, resumed.Step);
        Assert.Equal(wizard.AnswersJson, resumed.AnswersJson);
        Assert.Equal(wizard.IdempotencyKey, resumed.IdempotencyKey);
        Assert.Equal(wizard.Result!.Triage, resumed.Result!.Triage);
    }

    [Fact]
    public void Resume_UnderAReleaseTheStoreDoesNotHave_GivesNothing()
    {
        var snapshot = NewWizard().Snapshot() with { ReleaseId = "1999.1.0" };

        Assert.Null(SelfCheckWizard.Resume(Assessments(), snapshot));
    }
}
