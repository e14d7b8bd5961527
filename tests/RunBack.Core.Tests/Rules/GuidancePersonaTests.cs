using RunBack.Core.Rules;

namespace RunBack.Core.Tests.Rules;

/// <summary>Training load, shoes, hips and the ranking of guidance in the newest release, as a runner would read them.</summary>
public class GuidancePersonaTests
{
    private static Assessment Evaluate(AnswersBuilder builder) =>
        RulesEngine.Evaluate(AnswersBuilder.Release, builder.Build(), AnswersBuilder.Today);

    private static AnswersBuilder Weeks(double? four, double? three, double two, double one)
    {
        var b = new AnswersBuilder().With("distance_week_2", two).With("distance_week_1", one);
        b = three is { } t ? b.With("distance_week_3", t) : b.Without("distance_week_3");
        return four is { } f ? b.With("distance_week_4", f) : b.Without("distance_week_4");
    }

    private static string Reason(Assessment a, string ruleId) =>
        a.Guidance.SelectMany(g => g.Reasons.Zip(g.RuleIds)).First(r => r.Second == ruleId).First;

    /// <summary>
    /// Issue 26 item 4: "Distance unit: Kilometres" was listed as a reason for the footwear factor (on the result, the
    /// summary and the PDF). The unit is part of the distance it belongs to ("700 km"), never a reason of its own; in
    /// every release whose distances carry their unit (2026.11.0's shoe distance is a bare number, so its unit answer
    /// stays beside it).
    /// </summary>
    [Theory]
    [InlineData("2026.12.1")]
    [InlineData("2027.1.0")]
    public void WornShoes_EvidenceIsTheDistanceWithItsUnit_NotTheUnitQuestion(string releaseId)
    {
        var release = AnswersBuilder.Store.Find(releaseId)!;
        var a = RulesEngine.Evaluate(release, new AnswersBuilder().With("shoe_distance", 700).Build(), AnswersBuilder.Today);

        var footwear = Assert.Single(a.Factors, f => f.Id == "footwear");
        Assert.Contains(footwear.Evidence, e => e.Id == "shoe_distance" && e.Answer.StartsWith("700\u00A0km", StringComparison.Ordinal));
        Assert.DoesNotContain(footwear.Evidence, e => e.Id == "distance_unit");
        Assert.All(a.Guidance.Where(g => g.Item.Id == "shoes-replace"), g => Assert.DoesNotContain(g.Evidence, e => e.Id == "distance_unit"));
    }

    [Fact]
    public void TwentyPercentJump_ShownAsWhatIsCompared_NoPlusSign()
    {
        var a = Evaluate(Weeks(null, null, 30, 36));

        Assert.Contains("load-jump", a.FiredRuleIds);
        Assert.Equal("20\u00A0% (from 30\u00A0km to 36\u00A0km)", a.FindComputed("weekly_rise")!.Display);
        var reason = Reason(a, "load-jump");
        Assert.Contains("rose by 20\u00A0% (from 30\u00A0km to 36\u00A0km)", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("+", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TenPointOnePercent_ShownAsTenPointOne_AndFires()
    {
        var a = Evaluate(Weeks(null, null, 100, 110.1));

        Assert.Contains("load-jump", a.FiredRuleIds);
        Assert.StartsWith("10.1\u00A0%", a.FindComputed("weekly_rise")!.Display, StringComparison.Ordinal);
    }

    [Fact]
    public void ExactlyTenPercent_DoesNotFire()
    {
        Assert.DoesNotContain("load-jump", Evaluate(Weeks(null, null, 30, 33)).FiredRuleIds);
    }

    [Fact]
    public void TenThenNothingThenForty_IsAJump()
    {
        var a = Evaluate(Weeks(null, 10, 0, 40));

        Assert.Contains("load-jump", a.FiredRuleIds);
        Assert.Equal("300\u00A0% (from 10\u00A0km to 40\u00A0km)", a.FindComputed("weekly_rise")!.Display);
    }

    [Fact]
    public void AFall_IsNeverShownAsARise()
    {
        var a = Evaluate(Weeks(null, 40, 30, 27));

        Assert.DoesNotContain("load-jump", a.FiredRuleIds);
        Assert.StartsWith("no rise", a.FindComputed("weekly_rise")!.Display, StringComparison.Ordinal);
    }

    [Fact]
    public void NothingThenThirty_IsANewStart_SaidAsSuch()
    {
        var a = Evaluate(Weeks(null, null, 0, 30));

        Assert.Contains("load-new-start", a.FiredRuleIds);
        Assert.DoesNotContain("load-jump", a.FiredRuleIds);
        Assert.Contains("load-new-start", a.Guidance.Select(g => g.Item.Id));
        Assert.Contains("30\u00A0km after no running in the weeks before", Reason(a, "load-new-start"), StringComparison.Ordinal);
    }

    [Fact]
    public void BackToFullDistanceAfterTwoWeeksOff_FlaggedAsACreep()
    {
        var a = Evaluate(Weeks(30, 0, 0, 33));

        Assert.DoesNotContain("load-jump", a.FiredRuleIds);
        Assert.Contains("load-creep", a.FiredRuleIds);
        Assert.Contains("230\u00A0% above the average of the 3\u00A0weeks before (33\u00A0km against an average of 10\u00A0km)",
            Reason(a, "load-creep"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("km", 480, true)]
    [InlineData("km", 479, false)]
    [InlineData("miles", 300, true)]
    [InlineData("miles", 299, false)]
    public void ShoeDistance_AtTheThresholdInEitherUnit_Counts(string unit, double distance, bool fires)
    {
        var a = Evaluate(new AnswersBuilder().With("distance_unit", unit).With("shoe_distance", distance));

        Assert.Equal(fires, a.FiredRuleIds.Contains("shoes-distance"));
    }

    [Fact]
    public void TwentyPercentJump_OutranksASingleHipPatternWithLongSitting()
    {
        var a = Evaluate(Weeks(null, null, 30, 36).With("worse_after_sitting", true).With("sitting_hours", 9));

        Assert.Equal(HipComponent.Possible, a.Hip.Component);
        Assert.Equal("load-ten-percent", a.TopGuidance[0].Item.Id);
        Assert.True(a.TopGuidance[0].Strength > a.Guidance.First(g => g.Item.Id == "hip-mechanism").Strength);
        // Every item is shown once: among the things to do, or (from 2027.4.0) as an explanation under its factor.
        Assert.Equal(a.Guidance.Count, a.TopGuidance.Count + a.MoreGuidance.Count + a.Factors.Sum(f => a.ExplanationsFor(f.Id).Count));
        Assert.Equal(3, a.TopGuidance.Count);
        Assert.DoesNotContain(a.TopGuidance, g => g.IsExplanation);
    }

    [Fact]
    public void HipLikelyWithAPainFreeHip_ExplainedInWords()
    {
        var a = Evaluate(new AnswersBuilder().With("hip_pain", 0).With("worse_after_sitting", true).With("better_walking", true));

        Assert.Equal(HipComponent.Likely, a.Hip.Component);
        Assert.Contains("does not hurt (0 out of 10)", Reason(a, "hip-likely-pain-free-hip"), StringComparison.Ordinal);
    }

    [Fact]
    public void FrontOfHipStiffness_CountedOnlyFromTheQuestionThatAsksIt()
    {
        var a = Evaluate(new AnswersBuilder().WithOptions("pain_where", "lower_back", "hip_front").With("front_hip_stiffness", false));

        Assert.DoesNotContain(a.Hip.Patterns, p => p.Id == "front_hip_stiffness");
    }

    [Theory]
    [InlineData(0, "today")]
    [InlineData(1, "yesterday")]
    [InlineData(5, "5\u00A0days ago")]
    public void PainStarted_ReadsAsPlainWords(int days, string expected)
    {
        var a = Evaluate(new AnswersBuilder().WithPainStartedDaysAgo(days));

        Assert.Equal(expected, a.FindComputed("days_since_onset")!.Display);
        Assert.Contains($"The pain started {expected},", a.Guidance.Single(g => g.Item.Id == "ice-then-heat").Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void OverFiftyReason_DoesNotEchoTheOptionLabel()
    {
        var a = Evaluate(new AnswersBuilder().With("age_band", "over_50").With("activity_link", false));

        Assert.DoesNotContain(a.Guidance[0].Reasons, r => r.Contains("Over 50 in age", StringComparison.Ordinal));
    }

    [Fact]
    public void Actions_UkDefaults_AndUnknownCountryWording()
    {
        var actions = AnswersBuilder.Release.Actions;
        Assert.Equal("112", actions.For(TriageLevel.Emergency, "FR")!.Phone); // an EU country: 112 (from 2027.2.0)

        Assert.Equal("GB", actions.Country);
        Assert.Equal("999", actions.ForDefaultCountry(TriageLevel.Emergency)!.Phone);
        Assert.Contains("A&E", actions.ForDefaultCountry(TriageLevel.Emergency)!.Text, StringComparison.Ordinal);
        Assert.Contains("NHS 111", actions.ForDefaultCountry(TriageLevel.Urgent)!.Text, StringComparison.Ordinal);
        Assert.Contains("urgent appointment", actions.ForDefaultCountry(TriageLevel.Urgent)!.Text, StringComparison.Ordinal);
        var unknown = actions.For(TriageLevel.Emergency, "JP")!; // a country the content does not list
        Assert.Null(unknown.Phone);
        Assert.Contains("your local emergency number", unknown.Text, StringComparison.Ordinal);
        Assert.Same(unknown, actions.For(TriageLevel.Emergency, null));
    }

    [Fact]
    public void Actions_ALocaleOverlay_ReplacesOnlyTheValuesItGives()
    {
        // 2027.1.0: the US had no actions of its own in release.yaml, only in its overlay (2027.2.0 lists the US itself).
        var actions = AnswersBuilder.Release2027_1_0.Actions;
        var us = actions.WithCountry("US", new Dictionary<TriageLevel, RunBack.Core.Content.TierAction>
        {
            [TriageLevel.Emergency] = new("Call 911", "911", "Call 911 or go to the emergency room.", RunBack.Core.Content.SourceLocation.None),
        });

        Assert.Equal("911", us.For(TriageLevel.Emergency, "US")!.Phone);
        Assert.Equal(actions.ForDefaultCountry(TriageLevel.Urgent), us.For(TriageLevel.Urgent, "US"));
        Assert.Equal("999", us.ForDefaultCountry(TriageLevel.Emergency)!.Phone);
    }
}
