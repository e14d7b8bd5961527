using RunBack.Core.Rules;

namespace RunBack.Core.Tests.Rules;

/// <summary>
/// The personas of release 2026.11.0, kept against that release: a check-in saved under it must re-evaluate exactly
/// as it did. The rules of 2026.12.0 on are covered by <see cref="SafetyPersonaTests"/> and <see cref="GuidancePersonaTests"/>.
/// </summary>
public class PersonaTests
{
    private static Assessment Evaluate(AnswersBuilder builder) =>
        RulesEngine.Evaluate(AnswersBuilder.FirstRelease, builder.Build(), AnswersBuilder.Today);

    private static string[] FactorIds(Assessment a) => [.. a.Factors.Select(f => f.Id)];

    private static string[] GuidanceIds(Assessment a) => [.. a.Guidance.Select(g => g.Item.Id)];

    [Fact]
    public void Evaluate_NoRiskRunner_SelfCareWithGeneralGuidanceOnly()
    {
        var a = Evaluate(new AnswersBuilder());

        Assert.Equal(TriageLevel.SelfCare, a.Triage);
        Assert.Empty(a.Flags);
        Assert.Empty(a.Factors);
        Assert.Equal(HipComponent.None, a.Hip.Component);
        Assert.Equal(["gentle-stretches", "heat-after", "stay-active", "recovery-tools"], GuidanceIds(a));
        Assert.Equal(AnswersBuilder.FirstRelease.Id, a.ReleaseId);
    }

    [Fact]
    public void Evaluate_TwentyPercentJumpWithOldShoes_LoadAndFootwearLead()
    {
        var a = Evaluate(new AnswersBuilder()
            .With("distance_week_2", 30).With("distance_week_1", 36)
            .With("shoe_distance", 700));

        Assert.Equal(TriageLevel.SelfCare, a.Triage);
        Assert.Equal(["training_load", "footwear"], FactorIds(a));
        Assert.Equal(["load-ten-percent", "shoes-replace"], GuidanceIds(a)[..2]);
        Assert.Equal("+20\u00A0%", a.FindComputed("weekly_increase_pct")!.Display);
        Assert.Contains(a.Guidance[0].Reasons, r => r.Contains("+20\u00A0%", StringComparison.Ordinal));
        Assert.Contains(a.Factors[1].Evidence, e => e.Answer.StartsWith("700\u00A0km", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_DeskWorkerWorseAfterSittingBetterWalking_HipLikelyAndHipGuidanceFirst()
    {
        var a = Evaluate(new AnswersBuilder()
            .With("sitting_hours", 9)
            .With("worse_after_sitting", true)
            .With("better_walking", true));

        Assert.Equal(HipComponent.Likely, a.Hip.Component);
        Assert.Equal(["worse_after_sitting", "better_walking"], a.Hip.Patterns.Select(p => p.Id));
        Assert.Equal("sitting_hip_flexors", a.Factors[0].Id);
        Assert.Equal("hip-mechanism", a.Guidance[0].Item.Id);
        Assert.Contains("sitting-and-hips", GuidanceIds(a));
        Assert.Equal(["worse_after_sitting", "better_walking"], a.Guidance[0].Evidence.Select(e => e.Id));
    }

    [Fact]
    public void Evaluate_OnePatternWithHipStiffeningFirst_HipLikely()
    {
        var a = Evaluate(new AnswersBuilder().With("front_hip_stiffness", true).With("which_first", "hip_first"));

        Assert.Equal(HipComponent.Likely, a.Hip.Component);
        Assert.True(a.Hip.HipStiffensFirst);
    }

    [Fact]
    public void Evaluate_OnePatternAlone_HipPossible()
    {
        var a = Evaluate(new AnswersBuilder().WithOptions("pain_where", "lower_back", "upper_thigh"));

        Assert.Equal(HipComponent.Possible, a.Hip.Component);
        Assert.Equal("front_hip_stiffness", Assert.Single(a.Hip.Patterns).Id);
    }

    [Fact]
    public void Evaluate_PainDownOneLegForThreeWeeks_SeeProfessionalFirst()
    {
        var a = Evaluate(new AnswersBuilder()
            .WithPainStartedDaysAgo(21).With("pain_trend", "same")
            .With("leg_symptoms", "one_leg_below_knee"));

        Assert.Equal(TriageLevel.SeeProfessional, a.Triage);
        Assert.Equal("see-professional", a.Guidance[0].Item.Id);
        Assert.True(a.Guidance[0].Safety);
        Assert.Equal(["see-no-better", "see-one-leg"], a.Flags.Select(f => f.RuleId).Order());
    }

    [Theory]
    [InlineData("saddle_numbness")]
    [InlineData("bladder_bowel")]
    [InlineData("sexual_function")]
    [InlineData("weakness_worsening")]
    [InlineData("major_trauma")]
    public void Evaluate_EmergencySign_EmergencyWhateverElse(string sign)
    {
        var a = Evaluate(new AnswersBuilder()
            .WithRedFlag(sign, "fever")
            .With("distance_week_1", 60)
            .With("worse_after_sitting", true));

        Assert.Equal(TriageLevel.Emergency, a.Triage);
        Assert.Equal("emergency-care", a.Guidance[0].Item.Id);
        Assert.Equal(TriageLevel.Emergency, a.Flags[0].Level);
    }

    [Fact]
    public void Evaluate_TinglingInBothLegs_Emergency()
    {
        var a = Evaluate(new AnswersBuilder().With("leg_symptoms", "both_legs"));

        Assert.Equal(TriageLevel.Emergency, a.Triage);
        Assert.Equal("Symptoms in both legs", Assert.Single(a.Flags).Label);
    }

    [Fact]
    public void Evaluate_FeverWithBackPain_Urgent()
    {
        var a = Evaluate(new AnswersBuilder().WithRedFlag("fever"));

        Assert.Equal(TriageLevel.Urgent, a.Triage);
        Assert.Equal("urgent-care", a.Guidance[0].Item.Id);
        Assert.Equal("Warning signs", a.Flags[0].Evidence[0].Label);
    }

    [Fact]
    public void Evaluate_OverFiftyWithNoActivityCause_Urgent()
    {
        var a = Evaluate(new AnswersBuilder().With("age_band", "over_50").With("activity_link", false));

        Assert.Equal(TriageLevel.Urgent, a.Triage);
        Assert.Contains("Over 50", a.Guidance[0].Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PainStartedYesterday_IceFirstAndNotHeat()
    {
        var a = Evaluate(new AnswersBuilder().WithPainStartedDaysAgo(1));

        Assert.Contains("ice-first", GuidanceIds(a));
        Assert.DoesNotContain("heat-after", GuidanceIds(a));
        Assert.Equal("acute_flare", Assert.Single(a.Factors).Id);
    }

    [Fact]
    public void Evaluate_Miles_ShoeDistanceComparedInMiles()
    {
        var a = Evaluate(new AnswersBuilder().With("distance_unit", "miles").With("shoe_distance", 320));

        Assert.Equal("footwear", Assert.Single(a.Factors).Id);
        Assert.Equal("320\u00A0miles (about 515\u00A0km)", a.FindComputed("shoe_miles")!.Display);
    }

    [Fact]
    public void Evaluate_SameAnswersTwice_SameResult()
    {
        var answers = new AnswersBuilder().With("sitting_hours", 8).WithRedFlag("fever").Build();

        var first = RulesEngine.Evaluate(AnswersBuilder.Release, answers, AnswersBuilder.Today);
        var second = RulesEngine.Evaluate(AnswersBuilder.Release, answers, AnswersBuilder.Today);

        Assert.Equal(first.FiredRuleIds, second.FiredRuleIds);
        Assert.Equal(GuidanceIds(first), GuidanceIds(second));
        Assert.Equal(first.Guidance.SelectMany(g => g.Reasons), second.Guidance.SelectMany(g => g.Reasons));
    }
}
