using FsCheck;
using FsCheck.Fluent;
using RunBack.Core.Content;
using RunBack.Core.Questionnaire;
using RunBack.Core.Rules;

namespace RunBack.Core.Tests.Rules;

public class PropertyTests
{
    // Release 2027.1.0's signs (pinned: the lists are its option ids). A sign is "question:option" (a multiple choice
    // gains the option; a single choice or yes/no is set to it).
    private static ContentRelease Release => AnswersBuilder.Release2027_1_0;

    private static readonly string[] EmergencySigns =
    [
        "serious_signs:saddle_numbness", "serious_signs:wiping_numbness", "serious_signs:bladder_trouble",
        "serious_signs:bladder_leaking", "serious_signs:bowel_control", "serious_signs:sexual_function",
        "serious_signs:weakness_worsening", "serious_signs:walking_difficulty", "serious_signs:chest_pain",
        "serious_signs:major_trauma", "leg_symptoms:both_legs", "leg_weakness:both_legs",
    ];

    /// <summary>Acute urgent signs: urgent at any pain score, and whatever a doctor said before.</summary>
    private static readonly string[] UrgentSigns =
    [
        "serious_signs:fever", "serious_signs:weight_loss", "serious_signs:constant_pain", "serious_signs:cough_sneeze",
        "serious_signs:back_shape", "serious_signs:between_shoulders", "leg_weakness:one_leg",
    ];

    /// <summary>Urgent only with back pain now (1 or more out of 10).</summary>
    private static readonly string[] UrgentWithPain =
    [
        "serious_signs:recent_infection", "serious_signs:antibiotics", "serious_signs:spinal_procedure",
    ];

    /// <summary>History-only flags: urgent with back pain now, unless a doctor has seen this bout and nothing is new.</summary>
    private static readonly string[] HistoryFlags =
    [
        "health_history:cancer", "health_history:steroids", "health_history:osteoporosis", "health_history:immune",
        "health_history:injected_drugs",
    ];

    /// <summary>Every answer that adds a sign: the warning signs, history, and the answers behind "see a professional".</summary>
    private static readonly string[] AnySign =
    [
        .. EmergencySigns, .. UrgentSigns, .. UrgentWithPain, .. HistoryFlags, "serious_signs:minor_trauma",
        "night_waking:true", "recurring:true", "pain_pattern:before_35", "pain_pattern:late_night_waking",
        "pain_pattern:buttock_pain", "pain_pattern:eases_moving", "pain_pattern:anti_inflammatories",
        "pain_pattern:family_spa", "pain_pattern:arthritis", "pain_pattern:enthesitis", "pain_pattern:psoriasis",
        "pain_where:buttock", "first_before_45:true", "leg_symptoms:one_leg_below_knee",
    ];

    /// <summary>Any valid answer set: each visible question gets a random valid answer (optional ones sometimes none).</summary>
    private static Arbitrary<AnswerSet> ValidAnswers()
    {
        var questionnaire = Release.Questionnaire;
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

    private static Assessment Evaluate(AnswerSet answers) => RulesEngine.Evaluate(Release, answers, AnswersBuilder.Today);

    [Fact]
    public void Generator_ProducesValidAnswers()
    {
        Prop.ForAll(ValidAnswers(), answers =>
            new AnswerSetValidator(Release.Questionnaire, AnswersBuilder.Today).Validate(answers).IsValid)
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AnyAnswers_WithAnEmergencySign_AreEmergency()
    {
        Prop.ForAll(ValidAnswers(), Arb.From(Gen.Elements(EmergencySigns)), (answers, sign) =>
            Evaluate(WithSign(answers, sign)).Triage == TriageLevel.Emergency)
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AnyAnswers_WithAnUrgentSign_AreAtLeastUrgent()
    {
        Prop.ForAll(ValidAnswers(), Arb.From(Gen.Elements(UrgentSigns)), (answers, sign) =>
            Evaluate(WithSign(answers, sign)).Triage >= TriageLevel.Urgent)
            .QuickCheckThrowOnFailure();
    }

    /// <summary>No emergency sign: no serious sign or history, no symptoms or weakness in a leg.</summary>
    private static AnswerSet WithoutEmergencySigns(AnswerSet answers) => answers
        .Set("serious_signs", AnswerValue.OfOptions(["none"])).Set("health_history", AnswerValue.OfOptions(["none"]))
        .Set("leg_symptoms", AnswerValue.Of("none")).Set("leg_weakness", AnswerValue.Of("none"));

    [Fact]
    public void AnyAnswers_UrgentSignAndNoEmergencySign_AreExactlyUrgent()
    {
        Prop.ForAll(ValidAnswers(), Arb.From(Gen.Elements(UrgentSigns)), (answers, sign) =>
            Evaluate(WithSign(WithoutEmergencySigns(answers), sign)).Triage == TriageLevel.Urgent)
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AnyAnswers_InfectionOrSpinalProcedureWithBackPain_AreExactlyUrgent_AndNeedPain()
    {
        Prop.ForAll(ValidAnswers(), Arb.From(Gen.Elements(UrgentWithPain)), Arb.From(Gen.Choose(1, 10)), (answers, sign, pain) =>
        {
            var cleared = WithoutEmergencySigns(answers);
            var noBackPain = cleared.Set("back_pain", AnswerValue.Of(0));
            return Evaluate(WithSign(cleared.Set("back_pain", AnswerValue.Of(pain)), sign)).Triage == TriageLevel.Urgent
                   && Evaluate(WithSign(noBackPain, sign)).Triage == Evaluate(noBackPain).Triage;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AnyAnswers_HistoryFlagWithBackPainAndNoDoctorYet_AreExactlyUrgent()
    {
        Prop.ForAll(ValidAnswers(), Arb.From(Gen.Elements(HistoryFlags)), Arb.From(Gen.Choose(1, 10)), (answers, sign, pain) =>
        {
            var cleared = WithoutEmergencySigns(answers).Set("back_pain", AnswerValue.Of(pain)).Set("seen_doctor", AnswerValue.Of(false));
            return Evaluate(WithSign(cleared, sign)).Triage == TriageLevel.Urgent;
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

    [Fact]
    public void AddingAnySign_NeverLowersTheTier()
    {
        Prop.ForAll(ValidAnswers(), Arb.From(Gen.Elements(AnySign)), (answers, sign) =>
            Evaluate(WithSign(answers, sign)).Triage >= Evaluate(answers).Triage)
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AddingTwoSigns_NeverLowersTheTier()
    {
        var two = Gen.Elements(AnySign).Two();
        Prop.ForAll(ValidAnswers(), Arb.From(two), (answers, signs) =>
        {
            var one = WithSign(answers, signs.Item1);
            return Evaluate(WithSign(one, signs.Item2)).Triage >= Evaluate(one).Triage;
        }).QuickCheckThrowOnFailure();
    }

    private static AnswerSet WithSign(AnswerSet answers, string sign)
    {
        var (id, option) = (sign.Split(':')[0], sign.Split(':')[1]);
        var question = Release.Questionnaire.Find(id)!;
        return question.Kind switch
        {
            QuestionKind.MultiChoice => answers.Set(id, AnswerValue.OfOptions(
                answers.Get(id).OptionIds.Where(o => question.FindOption(o) is { Exclusive: false }).Append(option))),
            QuestionKind.YesNo => answers.Set(id, AnswerValue.Of(option == "true")),
            // A single choice gains the sign when nothing worse is chosen: one leg does not replace both legs.
            _ when answers.Get(id).Text is { } current && current != "none" && option != "both_legs" => answers,
            _ => answers.Set(id, AnswerValue.Of(option)),
        };
    }
}
