using RunBack.Core.Rules;

namespace RunBack.Core.Tests.Rules;

/// <summary>
/// One runner per tier rule of content/clinical-safety.md as release 2026.12.1 wrote it (pinned: check-ins saved under
/// it keep replaying so), each with the tier it must reach and the rule that must raise it. The base runner is a
/// no-risk self-care runner. 2027.1.0's rules are in <see cref="ClinicalSafety2027Tests"/>.
/// </summary>
public class SafetyPersonaTests
{
    private static Assessment Evaluate(AnswersBuilder builder) =>
        RulesEngine.Evaluate(AnswersBuilder.Release2026_12_1, builder.Build(), AnswersBuilder.Today);

    private static readonly (string Name, Func<AnswersBuilder, AnswersBuilder> Answers, TriageLevel Tier, string Rule)[] Cases =
    [
        // Emergency
        ("saddle numbness", b => b.WithRedFlag("saddle_numbness"), TriageLevel.Emergency, "red-saddle-numbness"),
        ("bladder or bowel", b => b.WithRedFlag("bladder_bowel"), TriageLevel.Emergency, "red-bladder-bowel"),
        ("sexual function", b => b.WithRedFlag("sexual_function"), TriageLevel.Emergency, "red-sexual-function"),
        ("both legs", b => b.With("leg_symptoms", "both_legs"), TriageLevel.Emergency, "red-both-legs"),
        ("leg weakness worsening", b => b.WithRedFlag("weakness_worsening"), TriageLevel.Emergency, "red-weakness-worsening"),
        ("chest pain", b => b.WithRedFlag("chest_pain"), TriageLevel.Emergency, "red-chest-pain"),
        ("major trauma", b => b.WithRedFlag("major_trauma"), TriageLevel.Emergency, "red-major-trauma"),
        ("cancer years ago, pain below the knee", b => b.WithHistory("cancer").With("leg_symptoms", "one_leg_below_knee"), TriageLevel.Emergency, "red-cancer-legs"),
        ("cancer, tingling above the knee", b => b.WithHistory("cancer").With("leg_symptoms", "one_leg_above_knee"), TriageLevel.Emergency, "red-cancer-legs"),
        // Urgent
        ("fever", b => b.WithRedFlag("fever"), TriageLevel.Urgent, "urgent-fever"),
        ("urine infection last week", b => b.WithRedFlag("recent_infection"), TriageLevel.Urgent, "urgent-recent-infection"),
        ("spinal injection", b => b.WithRedFlag("spinal_procedure"), TriageLevel.Urgent, "urgent-spinal-procedure"),
        ("weakened immune system", b => b.WithHistory("immune"), TriageLevel.Urgent, "urgent-immune"),
        ("injected drugs", b => b.WithHistory("injected_drugs"), TriageLevel.Urgent, "urgent-immune"),
        ("weight loss", b => b.WithRedFlag("weight_loss"), TriageLevel.Urgent, "urgent-weight-loss"),
        ("cancer years ago, no leg symptoms", b => b.WithHistory("cancer"), TriageLevel.Urgent, "urgent-cancer-history"),
        ("constant pain", b => b.WithRedFlag("constant_pain"), TriageLevel.Urgent, "urgent-constant-pain"),
        ("worse on coughing", b => b.WithRedFlag("cough_sneeze"), TriageLevel.Urgent, "urgent-cough-sneeze"),
        ("lump", b => b.WithRedFlag("back_shape"), TriageLevel.Urgent, "urgent-back-shape"),
        ("between shoulder blades", b => b.WithRedFlag("between_shoulders"), TriageLevel.Urgent, "urgent-between-shoulders"),
        ("minor fall", b => b.WithRedFlag("minor_trauma"), TriageLevel.Urgent, "urgent-minor-trauma"),
        ("osteoporosis", b => b.WithHistory("osteoporosis"), TriageLevel.Urgent, "urgent-bones"),
        ("long-term steroids", b => b.WithHistory("steroids"), TriageLevel.Urgent, "urgent-bones"),
        ("under 20, no running cause", b => b.With("age_band", "under_20").With("activity_link", false), TriageLevel.Urgent, "urgent-age-no-activity"),
        ("over 50, no running cause", b => b.With("age_band", "over_50").With("activity_link", false), TriageLevel.Urgent, "urgent-age-no-activity"),
        ("over 50, started on a run, wakes at night", b => b.With("age_band", "over_50").With("night_waking", true), TriageLevel.Urgent, "urgent-over-50-night"),
        // See a professional
        ("two weeks, the same", b => b.WithPainStartedDaysAgo(14).With("pain_trend", "same"), TriageLevel.SeeProfessional, "see-no-better"),
        ("three weeks, better lately", b => b.WithPainStartedDaysAgo(21).With("pain_trend", "better"), TriageLevel.SeeProfessional, "see-three-weeks"),
        ("six weeks, better lately", b => b.WithPainStartedDaysAgo(42).With("pain_trend", "better"), TriageLevel.SeeProfessional, "see-six-weeks"),
        ("severe back pain", b => b.With("back_pain", 8), TriageLevel.SeeProfessional, "see-severe"),
        ("severe hip pain", b => b.With("hip_pain", 9), TriageLevel.SeeProfessional, "see-severe"),
        ("worse despite self-care", b => b.With("pain_trend", "worse").With("self_care_tried", true), TriageLevel.SeeProfessional, "see-worse-despite-rest"),
        ("one leg below the knee", b => b.With("leg_symptoms", "one_leg_below_knee"), TriageLevel.SeeProfessional, "see-one-leg"),
        ("wakes now and then", b => b.With("night_waking", true), TriageLevel.SeeProfessional, "see-night-waking"),
        ("keeps coming back", b => b.With("recurring", true), TriageLevel.SeeProfessional, "see-recurring"),
        ("inflammatory: morning stiffness", b => b.WithPainStartedDaysAgo(120).With("first_before_45", true).WithOptions("pain_pattern", "morning_stiffness"), TriageLevel.SeeProfessional, "see-inflammatory"),
        ("inflammatory: buttock pain", b => b.WithPainStartedDaysAgo(100).With("first_before_45", true).WithOptions("pain_where", "lower_back", "buttock"), TriageLevel.SeeProfessional, "see-inflammatory"),
    ];

    public static TheoryData<string> Personas => [.. Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Personas))]
    public void Evaluate_TierRule_ReachesItsTier(string persona)
    {
        var (_, answers, expected, ruleId) = Cases.Single(c => c.Name == persona);
        var a = Evaluate(answers(new AnswersBuilder()));

        Assert.True(expected == a.Triage, $"{persona}: expected {expected}, got {a.Triage}");
        Assert.Contains(a.Flags, f => f.RuleId == ruleId && f.Level == expected);
        Assert.Equal(expected, a.Guidance[0].Item.Id switch
        {
            "emergency-care" => TriageLevel.Emergency,
            "urgent-care" => TriageLevel.Urgent,
            "see-professional" => TriageLevel.SeeProfessional,
            _ => TriageLevel.SelfCare,
        });
    }

    [Fact]
    public void Evaluate_NoRiskRunner_SelfCare()
    {
        var a = Evaluate(new AnswersBuilder());

        Assert.Equal(TriageLevel.SelfCare, a.Triage);
        Assert.Empty(a.Flags);
        Assert.Equal(AnswersBuilder.Release2026_12_1.Id, a.ReleaseId);
    }

    [Theory]
    [InlineData(13, "same")]
    [InlineData(20, "better")]
    public void Evaluate_ShortOrImprovingPain_StaysSelfCare(int days, string trend)
    {
        Assert.Equal(TriageLevel.SelfCare, Evaluate(new AnswersBuilder().WithPainStartedDaysAgo(days).With("pain_trend", trend)).Triage);
    }

    [Fact]
    public void Evaluate_InflammatoryFeaturesButUnderThreeMonths_NoInflammatoryFlag()
    {
        var a = Evaluate(new AnswersBuilder().WithPainStartedDaysAgo(60).With("first_before_45", true)
            .WithOptions("pain_pattern", "morning_stiffness", "eases_moving"));

        Assert.DoesNotContain(a.Flags, f => f.RuleId == "see-inflammatory");
    }

    [Fact]
    public void Evaluate_Over50WithNightWakingUnder50_OnlySeeProfessional()
    {
        var a = Evaluate(new AnswersBuilder().With("night_waking", true));

        Assert.Equal(TriageLevel.SeeProfessional, a.Triage);
    }

    [Theory]
    [InlineData(50, "same")]
    [InlineData(30, "worse")]
    [InlineData(200, "better")]
    public void Evaluate_NoPainAtAll_NoReferralForDurationAndNoPainRelief(int days, string trend)
    {
        var a = Evaluate(new AnswersBuilder().With("back_pain", 0).With("hip_pain", 0).With("self_care_tried", false)
            .WithPainStartedDaysAgo(days).With("pain_trend", trend));

        Assert.Equal(TriageLevel.SelfCare, a.Triage);
        var ids = a.Guidance.Select(g => g.Item.Id).ToList();
        Assert.DoesNotContain("ice-then-heat", ids);
        Assert.DoesNotContain("gentle-stretches", ids);
        Assert.DoesNotContain("stay-active", ids);
        Assert.Contains("prevention", ids);
    }

    [Fact]
    public void Evaluate_NoPainButAWarningSign_StillEscalates()
    {
        var a = Evaluate(new AnswersBuilder().With("back_pain", 0).With("hip_pain", 0).WithRedFlag("fever"));

        Assert.Equal(TriageLevel.Urgent, a.Triage);
    }
}
