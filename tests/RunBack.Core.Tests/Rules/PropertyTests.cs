using FsCheck;
using FsCheck.Fluent;
using RunBack.Core.Questionnaire;
using RunBack.Core.Rules;

namespace RunBack.Core.Tests.Rules;

public class PropertyTests
{
    private static readonly string[] EmergencySigns = ["saddle_numbness", "bladder_bowel", "sexual_function", "weakness_worsening", "major_trauma"];
    private static readonly string[] UrgentSigns = ["fever", "weight_loss", "cancer_history", "constant_pain", "back_shape", "between_shoulders", "minor_trauma_bones", "immune"];

    /// <summary>Any valid answer set: each visible question gets a random valid answer (optional ones sometimes none).</summary>
    private static Arbitrary<AnswerSet> ValidAnswers()
    {
        var questionnaire = AnswersBuilder.Release.Questionnaire;
        var gen = Gen.Choose(0, 10_000).ArrayOf(questionnaire.Questions.Count * 4)
            .Select(choices => Build(questionnaire, choices));
        return Arb.From(gen);
    }

    internal static AnswerSet Build(QuestionnaireDefinition questionnaire, int[] choices)
    {
        var answers = AnswerSet.Empty;
        var i = 0;
        int Next() => choices.Length == 0 ? 0 : choices[i++ % choices.Length];
        foreach (var q in questionnaire.Questions)
        {
            if (!q.IsVisible(answers) || (!q.Required && Next() % 4 == 0))
            {
                continue;
            }
            AnswerValue value = q.Kind switch
            {
                QuestionKind.YesNo => AnswerValue.Of(Next() % 2 == 0),
                QuestionKind.SingleChoice => AnswerValue.Of(q.Options[Next() % q.Options.Count].Id),
                QuestionKind.MultiChoice => PickOptions(q, Next()),
                QuestionKind.Scale => AnswerValue.Of(Next() % 11),
                QuestionKind.Number => AnswerValue.Of(q.Min!.Value + (Next() % (int)(q.Max!.Value - q.Min!.Value + 1))),
                _ => AnswerValue.Of(AnswersBuilder.Today.AddDays(-(Next() % 400))),
            };
            answers = answers.Set(q.Id, value);
        }
        return answers;
    }

    private static AnswerValue PickOptions(Question q, int bits)
    {
        var exclusive = q.Options.FirstOrDefault(o => o.Exclusive);
        var picked = q.Options.Where((o, index) => !o.Exclusive && (bits >> index & 1) == 1).Select(o => o.Id).ToList();
        if (picked.Count == 0)
        {
            picked.Add(exclusive?.Id ?? q.Options[0].Id);
        }
        return AnswerValue.OfOptions(picked);
    }

    private static Assessment Evaluate(AnswerSet answers) => RulesEngine.Evaluate(AnswersBuilder.Release, answers, AnswersBuilder.Today);

    [Fact]
    public void Generator_ProducesValidAnswers()
    {
        Prop.ForAll(ValidAnswers(), answers =>
            new AnswerSetValidator(AnswersBuilder.Release.Questionnaire, AnswersBuilder.Today).Validate(answers).IsValid)
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AnyAnswers_WithAnEmergencySign_AreEmergency()
    {
        var signs = Gen.Elements(EmergencySigns).Select(s => "serious:" + s).Or(Gen.Constant("legs:both_legs"));
        Prop.ForAll(ValidAnswers(), Arb.From(signs), (answers, sign) =>
            Evaluate(WithSign(answers, sign)).Triage == TriageLevel.Emergency)
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AnyAnswers_WithAnUrgentSign_AreAtLeastUrgent()
    {
        Prop.ForAll(ValidAnswers(), Arb.From(Gen.Elements(UrgentSigns)), (answers, sign) =>
            Evaluate(WithSign(answers, "serious:" + sign)).Triage >= TriageLevel.Urgent)
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AnyAnswers_UrgentSignAndNoEmergencySign_AreExactlyUrgent()
    {
        Prop.ForAll(ValidAnswers(), Arb.From(Gen.Elements(UrgentSigns)), (answers, sign) =>
        {
            var cleared = answers.Set("serious_signs", AnswerValue.OfOptions([sign]));
            if (cleared.Get("leg_symptoms").Text == "both_legs")
            {
                cleared = cleared.Set("leg_symptoms", AnswerValue.Of("none"));
            }
            return Evaluate(cleared).Triage == TriageLevel.Urgent;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AddingARiskFactor_NeverRemovesGuidanceForAnother()
    {
        (string Id, AnswerValue Value)[] risks =
        [
            ("sitting_hours", AnswerValue.Of(10)),
            ("shoe_worn", AnswerValue.Of(true)),
            ("sudden_efforts", AnswerValue.Of(true)),
            ("warm_up", AnswerValue.Of("rarely")),
            ("strength_sessions", AnswerValue.Of("none")),
            ("overstride", AnswerValue.Of("yes")),
            ("worse_after_sitting", AnswerValue.Of(true)),
        ];
        Prop.ForAll(ValidAnswers(), Arb.From(Gen.Elements(risks)), (answers, risk) =>
        {
            // Guidance that rests on other answers than the one changed must survive the change.
            var before = Evaluate(answers).Guidance
                .Where(g => g.Evidence.All(e => e.Id != risk.Id))
                .Select(g => g.Item.Id);
            var after = Evaluate(answers.Set(risk.Id, risk.Value)).Guidance.Select(g => g.Item.Id).ToHashSet();
            return after.IsSupersetOf(before);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AnyValidAnswers_EvaluateWithoutThrowing_AndEveryGuidanceItemHasASourceAndReason()
    {
        Prop.ForAll(ValidAnswers(), answers =>
        {
            var a = Evaluate(answers);
            return a.Guidance.All(g => g.Item.Sources.Count > 0 && g.Reasons.Count > 0)
                   && a.Guidance.Select(g => g.Item.Id).Distinct().Count() == a.Guidance.Count;
        }).QuickCheckThrowOnFailure();
    }

    private static AnswerSet WithSign(AnswerSet answers, string sign)
    {
        var (kind, id) = (sign.Split(':')[0], sign.Split(':')[1]);
        if (kind == "legs")
        {
            return answers.Set("leg_symptoms", AnswerValue.Of(id));
        }
        var current = answers.Get("serious_signs").OptionIds.Where(o => o != "none");
        return answers.Set("serious_signs", AnswerValue.OfOptions(current.Append(id)));
    }
}
