using RunBack.Core.CheckIns;
using RunBack.Core.Content;
using RunBack.Core.History;
using RunBack.Core.Questionnaire;
using RunBack.Core.Rules;
using RunBack.Core.Tests.Reading;
using Xunit.Abstractions;

namespace RunBack.Core.Tests.Content;

/// <summary>
/// PEG-3 in release 2027.2.0 (the draft until the lead publishes it; loaded here with drafts): three 0–10 questions in the
/// instrument's own words, named and cited, asked on the quick check-in too, and never read by a rule (no triage).
/// </summary>
public sealed class PegContentTests(ITestOutputHelper output)
{
    private static readonly Lazy<ContentRelease> Draft = new(() => ContentStore.Load(RepoPaths.Content, includeDrafts: true).Find("2027.2.0")!);

    private static ContentRelease Release => Draft.Value;

    public static TheoryData<string, string, string, string> Items => new()
    {
        { PegScore.PainId, "What number best describes your pain on average in the past week?", "No pain", "Pain as bad as you can imagine" },
        { PegScore.EnjoymentId, "What number best describes how, during the past week, pain has interfered with your enjoyment of life?", "Does not interfere", "Completely interferes" },
        { PegScore.ActivityId, "What number best describes how, during the past week, pain has interfered with your general activity?", "Does not interfere", "Completely interferes" },
    };

    [Theory]
    [MemberData(nameof(Items))]
    public void PegQuestion_IsA0To10Scale_InTheInstrumentsOwnWords_InBothEditions(string id, string prompt, string minLabel, string maxLabel)
    {
        foreach (var edition in new[] { Release, Release.Edition("en-US")! })
        {
            var question = edition.Questionnaire.Find(id);
            Assert.NotNull(question);
            Assert.Equal(QuestionKind.Scale, question.Kind);
            Assert.Equal(0, question.Min);
            Assert.Equal(10, question.Max);
            Assert.Equal(prompt, question.Prompt);
            Assert.Equal(minLabel, question.MinLabel);
            Assert.Equal(maxLabel, question.MaxLabel);
            Assert.StartsWith("PEG", question.Label, StringComparison.Ordinal);
        }
    }

    /// <summary>The instrument's own name, as the section title and the history (Wording.resx Peg_Name) print it.</summary>
    private const string PegName = "PEG: pain, enjoyment and general activity (Krebs et al. 2009)";

    [Fact]
    public void PegSection_IsNamedAndCited_AfterTheWarningSigns()
    {
        var sections = Release.Questionnaire.Sections.ToList();
        var peg = sections.Single(s => s.Questions.Any(q => q.Id == PegScore.PainId));

        Assert.Equal(PegName, peg.Title);
        Assert.Equal(PegScore.QuestionIds, peg.Questions.Select(q => q.Id));
        Assert.True(sections.IndexOf(peg) > sections.FindIndex(s => s.Safety), "warning signs stay on the first or second step");
        var source = Assert.Single(Release.Sources, s => s.Id == "krebs-2009");
        Assert.Contains("PEG", source.Title, StringComparison.Ordinal);
        Assert.Equal("https://doi.org/10.1007/s11606-009-0981-1", source.Url);
    }

    [Fact]
    public void NoRule_ComputedValue_HipPattern_OrShowIf_ReadsAPegAnswer()
    {
        var rules = Release.Rules;
        var read = rules.Rules.SelectMany(r => r.When.Leaves())
            .Concat(rules.Hip.Patterns.Append(rules.Hip.LeadingSign).SelectMany(p => p.When.Leaves()))
            .Concat(Release.Questionnaire.Questions.Where(q => q.ShowIf is not null).SelectMany(q => q.ShowIf!.Leaves()))
            .Where(c => c.Value.Source == ValueSource.Answer).Select(c => c.Value.Id)
            .Concat(rules.Computed.SelectMany(c => c.Inputs.Append(c.UnitFrom ?? "")))
            .ToHashSet(StringComparer.Ordinal);

        foreach (var id in PegScore.QuestionIds)
        {
            Assert.DoesNotContain(id, read);
        }
    }

    public static TheoryData<string> PersonaNames => ["NoRisk", "RedFlag", "HipPattern", "HistoryWithoutPain"];

    [Theory]
    [MemberData(nameof(PersonaNames))]
    public void PegAnswers_NeverChangeTheTriageFlagsOrRules(string persona)
    {
        var answers = AnswersBuilder.FromPersona((Dictionary<string, object>)typeof(Personas).GetMethod(persona)!.Invoke(null, null)!);
        var without = RulesEngine.Evaluate(Release, answers, AnswersBuilder.Today);
        foreach (var value in new[] { 0, 5, 10 })
        {
            var with = PegScore.QuestionIds.Aggregate(answers, (set, id) => set.Set(id, AnswerValue.Of(value)));
            var assessment = RulesEngine.Evaluate(Release, with, AnswersBuilder.Today);

            Assert.Empty(AnswerSetValidatorErrors(with));
            Assert.Equal(without.Triage, assessment.Triage);
            Assert.Equal(without.Flags.Select(f => f.Label), assessment.Flags.Select(f => f.Label));
            Assert.Equal(without.FiredRuleIds, assessment.FiredRuleIds);
        }
    }

    [Fact]
    public void QuickCheckIn_AsksThePeg_WhenTheReleaseHasIt_AndBackAndHipPainAlways()
    {
        Assert.Equal(["back_pain", "hip_pain", .. PegScore.QuestionIds], QuickCheckInContent.PainQuestions(Release.Questionnaire).Select(q => q.Id));
        Assert.Equal(["back_pain", "hip_pain"], QuickCheckInContent.PainQuestions(AnswersBuilder.Release2027_1_0.Questionnaire).Select(q => q.Id));
    }

    /// <summary>
    /// The new words at clinical-safety.md's levels: PEG labels at grade 6 or below; the PEG intro, the factors' "often goes
    /// with" wording and the result's honest-label chrome at 8 or below. The PEG's name and prompts are the instrument's own
    /// words, used unchanged, and are printed only.
    /// </summary>
    [Fact]
    public void NewWords_AtTheirReadingGrades()
    {
        var labels = new List<(string Where, string Text)>();
        var texts = new List<(string Where, string Text)>();
        foreach (var edition in new[] { Release, Release.Edition("en-US")! })
        {
            var peg = edition.Questionnaire.Sections.Single(s => s.Questions.Any(q => q.Id == PegScore.PainId));
            // The title is the instrument's own name (issue 23: label it by its real name), printed like its prompts.
            Assert.Equal(PegName, peg.Title);
            output.WriteLine($"section title (the instrument's name): {Readability.Grade(peg.Title):0.0}");
            labels.AddRange(peg.Questions.Select(q => ($"{q.Id} label", q.Label)));
            texts.Add(("section intro", peg.Intro!));
            texts.AddRange(edition.Rules.Factors.Select(f => ($"factor {f.Id}", f.Description)));
            foreach (var q in peg.Questions)
            {
                output.WriteLine($"{q.Id} prompt (the instrument's own words): {Readability.Grade(q.Prompt):0.0}");
            }
        }
        var resx = System.Xml.Linq.XDocument.Load(Path.Combine(RepoPaths.Root, "src", "RunBack.Web", "Resources", "Wording.resx"));
        var resxUs = System.Xml.Linq.XDocument.Load(Path.Combine(RepoPaths.Root, "src", "RunBack.Web", "Resources", "Wording.en-US.resx"));
        texts.AddRange(resx.Root!.Elements("data").Concat(resxUs.Root!.Elements("data"))
            .Where(d => (string?)d.Attribute("name") is "Factors_Honest" or "Hip_Likely" or "Hip_Possible" or "Hip_None")
            .Select(d => ($"chrome {d.Attribute("name")!.Value}", d.Element("value")!.Value)));
        Assert.Equal(6, texts.Count(t => t.Where.StartsWith("chrome", StringComparison.Ordinal)));

        var failures = new List<string>();
        foreach (var (where, text, limit) in labels.Select(l => (l.Where, l.Text, 6.0)).Concat(texts.Select(t => (t.Where, t.Text, 8.0))))
        {
            var grade = Readability.Grade(text);
            output.WriteLine($"{where}: {grade:0.0} (limit {limit}) \"{text}\"");
            if (grade > limit)
            {
                failures.Add($"{where}: {grade:0.0} \"{text}\"");
            }
        }
        Assert.Empty(failures);
    }

    private static IEnumerable<string> AnswerSetValidatorErrors(AnswerSet answers) =>
        new AnswerSetValidator(Release.Questionnaire, AnswersBuilder.Today).Validate(answers).Errors.Select(e => e.PropertyName)
            .Where(id => PegScore.QuestionIds.Contains(id));
}
