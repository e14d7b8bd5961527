using FsCheck;
using FsCheck.Fluent;
using RunBack.Core.Questionnaire;
using RunBack.Core.Rules;

namespace RunBack.Core.Tests.Rules;

/// <summary>
/// A decisions-only evaluation (the live banner, a save) decides exactly what the full one does: the same tier, flags,
/// factors, hip component, ranked guidance, computed values and fired rules; it only leaves out the words.
/// </summary>
public class DecisionsOnlyTests
{
    private static Arbitrary<AnswerSet> ValidAnswers() => Arb.From(
        Gen.Choose(0, 10_000).ArrayOf(AnswersBuilder.Release.Questionnaire.Questions.Count * 4)
            .Select(choices => PropertyTests.Build(AnswersBuilder.Release.Questionnaire, choices)));

    private static string Decisions(Assessment a) => string.Join('\n',
        $"triage {a.Triage}",
        "flags " + string.Join(' ', a.Flags.Select(f => $"{f.RuleId}:{f.Level}:{f.Label}")),
        "factors " + string.Join(' ', a.Factors.Select(f => $"{f.Id}:{f.Strength}:{string.Join(',', f.RuleIds)}")),
        $"hip {a.Hip.Component} {a.Hip.HipStiffensFirst} " + string.Join(',', a.Hip.Patterns.Select(p => p.Id)),
        "guidance " + string.Join(' ', a.Guidance.Select(g => $"{g.Item.Id}:{g.Safety}:{g.Strength}:{string.Join(',', g.RuleIds)}")),
        "computed " + string.Join(' ', a.Computed.Select(c => $"{c.Id}={c.Value}")),
        "fired " + string.Join(',', a.FiredRuleIds));

    private static (Assessment Full, Assessment Lean) Both(AnswerSet answers) =>
        (RulesEngine.Evaluate(AnswersBuilder.Release, answers, AnswersBuilder.Today),
         RulesEngine.Evaluate(AnswersBuilder.Release, answers, AnswersBuilder.Today, AssessmentDetail.Decisions));

    [Fact]
    public void AnyAnswers_DecisionsOnly_DecideTheSameAsFull()
    {
        Prop.ForAll(ValidAnswers(), answers =>
        {
            var (full, lean) = Both(answers);
            return Decisions(full) == Decisions(lean);
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("no-risk")]
    [InlineData("hip")]
    [InlineData("red-flag")]
    public void Persona_DecisionsOnly_SameDecisions_NoWords(string persona)
    {
        var answers = persona switch
        {
            "hip" => AnswersBuilder.FromPersona(Personas.HipPattern()),
            "red-flag" => new AnswersBuilder().WithRedFlag("saddle_numbness", "fever").Build(),
            _ => AnswersBuilder.FromPersona(Personas.NoRisk()),
        };
        var (full, lean) = Both(answers);

        Assert.Equal(Decisions(full), Decisions(lean));
        Assert.Contains(full.Guidance, g => g.Reasons.Count > 0);
        Assert.All(lean.Guidance, g => Assert.Empty(g.Reasons));
        Assert.All(lean.Guidance, g => Assert.Empty(g.Evidence));
        Assert.All(lean.Flags, f => Assert.Empty(f.Evidence));
        Assert.All(lean.Factors, f => Assert.Empty(f.Evidence));
    }
}
