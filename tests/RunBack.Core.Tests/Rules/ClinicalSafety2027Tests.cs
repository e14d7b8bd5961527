using RunBack.Core.Content;
using RunBack.Core.Rules;

namespace RunBack.Core.Tests.Rules;

/// <summary>
/// Release 2027.1.0 against content/clinical-safety.md (issue 23, hazards 3, 4, 5, 8 and 10), pinned to that release.
/// One runner per tier rule, then the edges 2026.12.1 got wrong: history without pain, the minor knock, infections,
/// both legs, a doctor already seen, one weak leg, no pain, the inflammatory pattern and the US words.
/// </summary>
public class ClinicalSafety2027Tests
{
    private static ContentRelease Release => AnswersBuilder.Release2027_1_0;

    private static Assessment Evaluate(AnswersBuilder builder) => Evaluate(builder.Build());

    private static Assessment Evaluate(Core.Questionnaire.AnswerSet answers) => RulesEngine.Evaluate(Release, answers, AnswersBuilder.Today);

    private static readonly (string Name, Func<AnswersBuilder, AnswersBuilder> Answers, TriageLevel Tier, string Rule)[] Cases =
    [
        // Emergency, at any pain score
        ("numb between the legs", b => b.WithRedFlag("saddle_numbness").With("back_pain", 0), TriageLevel.Emergency, "red-saddle-numbness"),
        ("numb when wiping", b => b.WithRedFlag("wiping_numbness"), TriageLevel.Emergency, "red-saddle-numbness"),
        ("trouble peeing", b => b.WithRedFlag("bladder_trouble"), TriageLevel.Emergency, "red-bladder-bowel"),
        ("leaking, needs pads", b => b.WithRedFlag("bladder_leaking"), TriageLevel.Emergency, "red-bladder-bowel"),
        ("cannot control or feel the bowels", b => b.WithRedFlag("bowel_control"), TriageLevel.Emergency, "red-bladder-bowel"),
        ("loss of erection or feeling in sex", b => b.WithRedFlag("sexual_function"), TriageLevel.Emergency, "red-sexual-function"),
        ("both legs", b => b.With("leg_symptoms", "both_legs"), TriageLevel.Emergency, "red-both-legs"),
        ("both legs weak", b => b.With("leg_weakness", "both_legs"), TriageLevel.Emergency, "red-both-legs"),
        ("leg weakness getting worse", b => b.WithRedFlag("weakness_worsening"), TriageLevel.Emergency, "red-weakness-worsening"),
        ("new trouble walking", b => b.WithRedFlag("walking_difficulty"), TriageLevel.Emergency, "red-weakness-worsening"),
        ("chest pain", b => b.WithRedFlag("chest_pain"), TriageLevel.Emergency, "red-chest-pain"),
        ("major trauma", b => b.WithRedFlag("major_trauma"), TriageLevel.Emergency, "red-major-trauma"),
        ("cancer, pain below the knee", b => b.WithHistory("cancer").With("leg_symptoms", "one_leg_below_knee"), TriageLevel.Emergency, "red-cancer-legs"),
        ("cancer, one weak leg, 0/10, seen a doctor", b => b.WithHistory("cancer").With("leg_weakness", "one_leg").With("back_pain", 0).With("seen_doctor", true), TriageLevel.Emergency, "red-cancer-legs"),
        // Urgent
        ("fever at 0/10", b => b.WithRedFlag("fever").With("back_pain", 0), TriageLevel.Urgent, "urgent-fever"),
        ("urine infection, back pain", b => b.WithRedFlag("recent_infection"), TriageLevel.Urgent, "urgent-recent-infection"),
        ("antibiotics, back pain", b => b.WithRedFlag("antibiotics"), TriageLevel.Urgent, "urgent-recent-infection"),
        ("spinal injection, back pain", b => b.WithRedFlag("spinal_procedure"), TriageLevel.Urgent, "urgent-spinal-procedure"),
        ("weight loss", b => b.WithRedFlag("weight_loss"), TriageLevel.Urgent, "urgent-weight-loss"),
        ("constant pain", b => b.WithRedFlag("constant_pain"), TriageLevel.Urgent, "urgent-constant-pain"),
        ("worse on coughing", b => b.WithRedFlag("cough_sneeze"), TriageLevel.Urgent, "urgent-cough-sneeze"),
        ("lump", b => b.WithRedFlag("back_shape"), TriageLevel.Urgent, "urgent-back-shape"),
        ("between shoulder blades", b => b.WithRedFlag("between_shoulders"), TriageLevel.Urgent, "urgent-between-shoulders"),
        ("one weak leg, not worse", b => b.With("leg_weakness", "one_leg"), TriageLevel.Urgent, "urgent-one-leg-weak"),
        ("minor knock, osteoporosis", b => b.WithRedFlag("minor_trauma").WithHistory("osteoporosis"), TriageLevel.Urgent, "urgent-minor-trauma"),
        ("minor knock, steroids", b => b.WithRedFlag("minor_trauma").WithHistory("steroids"), TriageLevel.Urgent, "urgent-minor-trauma"),
        ("minor knock, over 50", b => b.WithRedFlag("minor_trauma").With("age_band", "over_50"), TriageLevel.Urgent, "urgent-minor-trauma"),
        ("cancer, back pain now", b => b.WithHistory("cancer"), TriageLevel.Urgent, "urgent-cancer-history"),
        ("osteoporosis, back pain now", b => b.WithHistory("osteoporosis"), TriageLevel.Urgent, "urgent-bones"),
        ("steroids, back pain now", b => b.WithHistory("steroids"), TriageLevel.Urgent, "urgent-bones"),
        ("weak immune system, back pain now", b => b.WithHistory("immune"), TriageLevel.Urgent, "urgent-immune"),
        ("injected drugs, back pain now", b => b.WithHistory("injected_drugs"), TriageLevel.Urgent, "urgent-immune"),
        ("under 20, no running cause, back pain now", b => b.With("age_band", "under_20").With("activity_link", false), TriageLevel.Urgent, "urgent-age-no-activity"),
        ("over 50, wakes at night", b => b.With("age_band", "over_50").With("night_waking", true), TriageLevel.Urgent, "urgent-over-50-night"),
        // See a professional
        ("history, seen a doctor, nothing new", b => b.WithHistory("cancer", "steroids").With("seen_doctor", true), TriageLevel.SeeProfessional, "see-history-checked"),
        ("over 50, no running cause, seen a doctor", b => b.With("age_band", "over_50").With("activity_link", false).With("seen_doctor", true), TriageLevel.SeeProfessional, "see-history-checked"),
        ("minor knock, no risk factor", b => b.WithRedFlag("minor_trauma"), TriageLevel.SeeProfessional, "see-minor-trauma"),
        ("two weeks, the same", b => b.WithPainStartedDaysAgo(14).With("pain_trend", "same"), TriageLevel.SeeProfessional, "see-no-better"),
        ("three weeks, better lately", b => b.WithPainStartedDaysAgo(21).With("pain_trend", "better"), TriageLevel.SeeProfessional, "see-three-weeks"),
        ("six weeks", b => b.WithPainStartedDaysAgo(42).With("pain_trend", "better"), TriageLevel.SeeProfessional, "see-six-weeks"),
        ("severe pain", b => b.With("back_pain", 8), TriageLevel.SeeProfessional, "see-severe"),
        ("worse despite self-care", b => b.With("pain_trend", "worse").With("self_care_tried", true), TriageLevel.SeeProfessional, "see-worse-despite-rest"),
        ("one leg below the knee", b => b.With("leg_symptoms", "one_leg_below_knee"), TriageLevel.SeeProfessional, "see-one-leg"),
        ("wakes now and then", b => b.With("night_waking", true), TriageLevel.SeeProfessional, "see-night-waking"),
        ("keeps coming back", b => b.With("recurring", true), TriageLevel.SeeProfessional, "see-recurring"),
        ("inflammatory, four features", b => b.WithPainStartedDaysAgo(120).With("first_before_45", true)
            .WithOptions("pain_pattern", "before_35", "late_night_waking", "eases_moving", "psoriasis"), TriageLevel.SeeProfessional, "see-inflammatory"),
        ("inflammatory, buttock pain as a place counts", b => b.WithPainStartedDaysAgo(100).With("first_before_45", true)
            .WithOptions("pain_where", "lower_back", "buttock").WithOptions("pain_pattern", "eases_moving", "family_spa", "anti_inflammatories"), TriageLevel.SeeProfessional, "see-inflammatory"),
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
    }

    // --- Hazard 4: history-only flags need current back pain ---------------------------------------------------

    [Theory]
    [InlineData("cancer")]
    [InlineData("steroids")]
    [InlineData("osteoporosis")]
    [InlineData("immune")]
    [InlineData("injected_drugs")]
    public void HistoryOnly_WithoutBackPain_DoesNotRaiseTheTier(string history)
    {
        var a = Evaluate(new AnswersBuilder().WithHistory(history).With("back_pain", 0).With("hip_pain", 0));

        Assert.Equal(TriageLevel.SelfCare, a.Triage);
    }

    [Fact]
    public void HistoryWithoutPain_Persona_IsSelfCare()
    {
        var a = Evaluate(AnswersBuilder.FromPersona(Testing.Personas.HistoryWithoutPain()));

        Assert.Equal(TriageLevel.SelfCare, a.Triage);
        Assert.Empty(a.Flags);
    }

    [Fact]
    public void AgeBandWithoutRunningCause_WithoutBackPain_DoesNotRaiseTheTier()
    {
        var a = Evaluate(new AnswersBuilder().With("age_band", "over_50").With("activity_link", false).With("back_pain", 0));

        Assert.Equal(TriageLevel.SelfCare, a.Triage);
    }

    [Theory]
    [InlineData("recent_infection")]
    [InlineData("antibiotics")]
    [InlineData("spinal_procedure")]
    public void InfectionOrSpinalProcedure_WithoutBackPain_DoesNotRaiseTheTier(string sign)
    {
        Assert.Equal(TriageLevel.SelfCare, Evaluate(new AnswersBuilder().WithRedFlag(sign).With("back_pain", 0)).Triage);
    }

    [Fact]
    public void Infection_MeansARecentBacterialOne()
    {
        var signs = Release.Questionnaire.Find("serious_signs")!;
        var infection = signs.FindOption("recent_infection")!.Label;
        foreach (var place in new[] { "urine", "chest", "skin" })
        {
            Assert.Contains(place, infection, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("antibiotics", signs.FindOption("antibiotics")!.Label, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(signs.Options, o => o.Label.StartsWith("An infection", StringComparison.Ordinal));
    }

    [Fact]
    public void MinorKnock_WithoutRiskFactors_IsSeeAProfessional_NotUrgent()
    {
        var a = Evaluate(AnswersBuilder.FromPersona(Testing.Personas.MinorKnockNoRisk()));

        Assert.Equal(TriageLevel.SeeProfessional, a.Triage);
        Assert.DoesNotContain(a.Flags, f => f.RuleId == "urgent-minor-trauma");
    }

    [Fact]
    public void BothLegsAndWalking_WordedSoPostRaceAchesAndASpasmAreNotTicked()
    {
        var legs = Release.Questionnaire.Find("leg_symptoms")!;
        Assert.Contains("not just sore muscles", legs.FindOption("both_legs")!.Label, StringComparison.Ordinal);
        Assert.Contains("after a run do not count", legs.Help, StringComparison.Ordinal);
        var signs = Release.Questionnaire.Find("serious_signs")!;
        Assert.Contains("not just stiff", signs.FindOption("walking_difficulty")!.Label, StringComparison.Ordinal);
        Assert.Contains("after a hard run do not count", signs.Help, StringComparison.Ordinal);
        Assert.Equal(TriageLevel.SelfCare, Evaluate(AnswersBuilder.FromPersona(Testing.Personas.PostRaceAches())).Triage);
    }

    // --- Hazard 4: do not cry wolf --------------------------------------------------------------------------------

    [Fact]
    public void SeenDoctorWithHistory_SeeAProfessional_WithASafetyNet()
    {
        var a = Evaluate(AnswersBuilder.FromPersona(Testing.Personas.SeenDoctorWithHistory()));

        Assert.Equal(TriageLevel.SeeProfessional, a.Triage);
        var ids = a.Guidance.Select(g => g.Item.Id).ToList();
        Assert.Equal("see-professional", ids[0]);
        Assert.Contains("safety-net", ids);
        Assert.Contains("If anything changes, contact a doctor today", Release.FindItem("safety-net")!.Html, StringComparison.Ordinal);
    }

    public static TheoryData<string, TriageLevel> SignsASeenDoctorNeverSoftens => new()
    {
        { "serious_signs:saddle_numbness", TriageLevel.Emergency },
        { "serious_signs:bowel_control", TriageLevel.Emergency },
        { "serious_signs:chest_pain", TriageLevel.Emergency },
        { "leg_symptoms:both_legs", TriageLevel.Emergency },
        { "serious_signs:fever", TriageLevel.Urgent },
        { "serious_signs:recent_infection", TriageLevel.Urgent },
        { "serious_signs:weight_loss", TriageLevel.Urgent },
        { "serious_signs:constant_pain", TriageLevel.Urgent },
        { "serious_signs:cough_sneeze", TriageLevel.Urgent },
        { "serious_signs:between_shoulders", TriageLevel.Urgent },
        { "leg_weakness:one_leg", TriageLevel.Urgent },
        { "night_waking:over_50", TriageLevel.Urgent },
    };

    [Theory]
    [MemberData(nameof(SignsASeenDoctorNeverSoftens))]
    public void SeenDoctor_NeverSoftensAnEmergencyOrAcuteUrgentSign(string sign, TriageLevel expected)
    {
        var b = new AnswersBuilder().WithHistory("steroids").With("seen_doctor", true);
        var (id, option) = (sign.Split(':')[0], sign.Split(':')[1]);
        b = id switch
        {
            "serious_signs" => b.WithRedFlag(option),
            "night_waking" => b.With("night_waking", true).With("age_band", "over_50"),
            _ => b.With(id, option),
        };

        Assert.Equal(expected, Evaluate(b).Triage);
    }

    // --- Hazard 4: no pain, no referral ------------------------------------------------------------------------

    [Theory]
    [InlineData(50, "same")]
    [InlineData(30, "worse")]
    [InlineData(200, "better")]
    public void NoPainAtAll_NoReferralForDuration_NoPainRelief_ButPrevention(int days, string trend)
    {
        var a = Evaluate(new AnswersBuilder().With("back_pain", 0).With("hip_pain", 0).With("self_care_tried", true)
            .WithPainStartedDaysAgo(days).With("pain_trend", trend));

        Assert.Equal(TriageLevel.SelfCare, a.Triage);
        var ids = a.Guidance.Select(g => g.Item.Id).ToList();
        Assert.Empty(ids.Intersect(Release.FindArticle("pain-relief")!.Items.Select(i => i.Id)));
        Assert.DoesNotContain("see-professional", ids);
        Assert.Contains("prevention", ids);
    }

    // --- Hazard 5: weakness in one leg ----------------------------------------------------------------------

    [Fact]
    public void Weakness_IsAskedOnItsOwn_AndOneWeakLegIsADoctorToday()
    {
        var weakness = Release.Questionnaire.Find("leg_weakness")!;
        Assert.Equal("safety", weakness.SectionId);
        Assert.Contains("slaps", weakness.Help, StringComparison.Ordinal);
        Assert.Contains("toes or on your heels", weakness.Help, StringComparison.Ordinal);
        Assert.DoesNotContain("weakness", Release.Questionnaire.Find("leg_symptoms")!.Prompt, StringComparison.OrdinalIgnoreCase);

        var a = Evaluate(AnswersBuilder.FromPersona(Testing.Personas.WeakOneLeg()));
        Assert.Equal(TriageLevel.Urgent, a.Triage);
        Assert.Equal("urgent-care", a.Guidance[0].Item.Id);
    }

    [Fact]
    public void CancerWithAWeakLeg_IsAnEmergency_EvenAfterSeeingADoctor()
    {
        Assert.Equal(TriageLevel.Emergency, Evaluate(AnswersBuilder.FromPersona(Testing.Personas.CancerWithWeakLeg())).Triage);
    }

    // --- Hazard 3: no day count, plain cauda equina items --------------------------------------------------

    [Fact]
    public void New_HasNoDayCount_AndSaysNewWorseOrNotNormal()
    {
        var signs = Release.Questionnaire.Find("serious_signs")!;
        var text = signs.Prompt + " " + signs.Help + " " + string.Join(" ", signs.Options.Select(o => o.Label));

        Assert.Contains("new, getting worse, or not normal for you", text, StringComparison.Ordinal);
        Assert.DoesNotContain("two weeks", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("14 days", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("last two", text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("saddle_numbness", "genitals")]
    [InlineData("wiping_numbness", "wipe")]
    [InlineData("bladder_trouble", "bladder is full")]
    [InlineData("bladder_leaking", "pads")]
    [InlineData("bowel_control", "bowels")]
    [InlineData("sexual_function", "erection")]
    public void CaudaEquina_IsSplitIntoPlainItems_EachAnEmergency(string option, string words)
    {
        Assert.Contains(words, Release.Questionnaire.Find("serious_signs")!.FindOption(option)!.Label, StringComparison.Ordinal);
        Assert.Equal(TriageLevel.Emergency, Evaluate(new AnswersBuilder().WithRedFlag(option).With("back_pain", 0)).Triage);
    }

    // --- Hazard 8: evidence as strong as the studies ----------------------------------------------------------

    [Fact]
    public void Inflammatory_NeedsFourOfNg65sFeatures_AndMorningStiffnessIsNotOne()
    {
        var three = new AnswersBuilder().WithPainStartedDaysAgo(120).With("first_before_45", true)
            .WithOptions("pain_pattern", "before_35", "late_night_waking", "eases_moving");
        Assert.DoesNotContain(Evaluate(three).Flags, f => f.RuleId == "see-inflammatory");
        Assert.Contains(Evaluate(three.WithOptions("pain_pattern", "before_35", "late_night_waking", "eases_moving", "enthesitis")).Flags,
            f => f.RuleId == "see-inflammatory");
        Assert.Null(Release.Questionnaire.Find("pain_pattern")!.FindOption("morning_stiffness"));
        Assert.DoesNotContain("morning stiffness", Release.FindItem("inflammatory-pattern")!.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("four or\nmore", Release.FindItem("inflammatory-pattern")!.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Inflammatory_NotBefore45_OrUnderThreeMonths_NoFlag()
    {
        var all = new[] { "before_35", "late_night_waking", "buttock_pain", "eases_moving", "psoriasis" };
        Assert.DoesNotContain(Evaluate(new AnswersBuilder().WithPainStartedDaysAgo(120).With("first_before_45", false).WithOptions("pain_pattern", all)).Flags,
            f => f.RuleId == "see-inflammatory");
        Assert.DoesNotContain(Evaluate(new AnswersBuilder().WithPainStartedDaysAgo(60).With("first_before_45", true).WithOptions("pain_pattern", all)).Flags,
            f => f.RuleId == "see-inflammatory");
    }

    [Fact]
    public void Evidence_Nielsen2014SaysMay_AndBlogClaimsAreHedged()
    {
        var text = AllText(Release);

        Assert.DoesNotContain("had more", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("may raise the risk", Release.FindItem("load-ten-percent")!.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("squeezes", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("170 to 180", text, StringComparison.Ordinal);
        Assert.DoesNotContain("170–180", text, StringComparison.Ordinal);
        Assert.DoesNotContain("motion control", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("no one right number", Release.FindItem("form-cadence")!.Html, StringComparison.Ordinal);
    }

    // --- Hazard 10: US words -----------------------------------------------------------------------------------

    [Theory]
    [InlineData("tick")]
    [InlineData("bottom")]
    [InlineData("urine infection")]
    [InlineData("steroid tablets")]
    [InlineData("knock")]
    [InlineData("jog on the spot")]
    public void UsEdition_HasNoUkWords(string word)
    {
        var us = Release.Edition("en-US")!;
        var pattern = new System.Text.RegularExpressions.Regex($@"\b{word}", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

        var found = TextPieces(us).Where(p => pattern.IsMatch(p.Text)).Select(p => p.Where).ToList();
        Assert.Empty(found);
    }

    private static string AllText(ContentRelease release) => string.Join("\n", TextPieces(release).Select(p => p.Text));

    /// <summary>Everything a runner reads from a release: questions, sections, articles, guidance, rule flags and reasons.</summary>
    private static IEnumerable<(string Where, string Text)> TextPieces(ContentRelease release)
    {
        foreach (var section in release.Questionnaire.Sections)
        {
            yield return ($"section {section.Id}", section.Title + " " + section.Intro);
            foreach (var q in section.Questions)
            {
                yield return ($"question {q.Id}", string.Join(" ", [q.Prompt, q.Label, q.Help, .. q.Options.Select(o => o.Label)]));
            }
        }
        foreach (var article in release.Articles)
        {
            yield return ($"article {article.Id}", article.Title + " " + article.Summary + " " + article.IntroHtml);
            foreach (var item in article.Items)
            {
                yield return ($"guidance {item.Id}", item.Title + " " + item.Summary + " " + item.Html);
            }
        }
        foreach (var rule in release.Rules.Rules)
        {
            yield return ($"rule {rule.Id}", $"{rule.Flag} {rule.Because.Source}");
        }
        yield return ("disclaimer", release.Info.Disclaimer);
    }
}
