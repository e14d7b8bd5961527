using RunBack.Core.Content;

namespace RunBack.Core.Tests.Content;

public sealed class BrokenContentTests : IDisposable
{
    private const string Rules = "releases/2026.11.0/rules.yaml";
    private const string Questionnaire = "releases/2026.11.0/questionnaire.yaml";
    private readonly ContentFixture _content = new();

    public void Dispose() => _content.Dispose();

    private ContentProblem Single(string fileSuffix, string messagePart)
    {
        var problems = _content.LoadRelease();
        var matching = problems.Where(p => p.Location.File.EndsWith(fileSuffix, StringComparison.Ordinal) && p.Message.Contains(messagePart, StringComparison.Ordinal)).ToList();
        Assert.True(matching.Count == 1, "Expected one problem like '" + messagePart + "', got:\n" + string.Join("\n", problems));
        return matching[0];
    }

    [Fact]
    public void MalformedYaml_NamesFileAndLine()
    {
        var line = _content.Replace("rules.yaml", "  - id: load-jump\n", "  - id: load-jump\n    when: { computed: weekly_increase_pct, gt: 10\n");

        var problem = Single("rules.yaml", "malformed YAML");

        Assert.Equal(Rules, problem.Location.File);
        Assert.InRange(problem.Location.Line, line + 1, line + 3);
    }

    [Theory]
    [InlineData("at_least: 0\n      of: [{ answer: night_waking, equals: true }]", "'at_least' takes a whole number of 1 or more")]
    [InlineData("at_least: two\n      of: [{ answer: night_waking, equals: true }]", "'at_least' takes a whole number of 1 or more")]
    [InlineData("at_least: 3\n      of: [{ answer: night_waking, equals: true }, { answer: recurring, equals: true }]", "asks for more conditions than the 2 listed")]
    [InlineData("at_least: 1", "'at_least' needs 'of: [...]'")]
    [InlineData("at_least: 1\n      of: [{ answer: night_wakeing, equals: true }]", "question 'night_wakeing', which does not exist")]
    public void AtLeastCondition_Mistakes_Reported(string condition, string message)
    {
        _content.Replace("rules.yaml", "when: { answer: night_waking, equals: true }", "when:\n      " + condition);

        var problem = Single("rules.yaml", message);

        Assert.Equal(Rules, problem.Location.File);
    }

    [Fact]
    public void AtLeastCondition_Valid_Loads()
    {
        _content.Replace("rules.yaml", "when: { answer: night_waking, equals: true }",
            "when:\n      at_least: 1\n      of: [{ answer: night_waking, equals: true }, { answer: recurring, equals: true }]");

        Assert.Empty(_content.LoadRelease());
    }

    [Fact]
    public void DuplicateQuestionId_NamesBothPlaces()
    {
        var line = _content.Replace("questionnaire.yaml", "      - id: hip_pain\n", "      - id: back_pain\n");

        var problem = Single("questionnaire.yaml", "duplicate question id 'back_pain'");

        Assert.Equal(new SourceLocation(Questionnaire, line), problem.Location);
    }

    [Fact]
    public void RuleNamingUnknownQuestion_Reported()
    {
        var line = _content.Replace("rules.yaml", "{ answer: night_waking, equals: true }", "{ answer: night_wakeing, equals: true }");

        var problem = Single("rules.yaml", "question 'night_wakeing', which does not exist");

        Assert.Equal(line, problem.Location.Line);
    }

    [Fact]
    public void RuleSelectingUnknownGuidance_Reported()
    {
        _content.Replace("rules.yaml", "guidance: [form-cadence]", "guidance: [form-cadense]");

        Single("rules.yaml", "selects guidance item 'form-cadense', which does not exist");
    }

    [Fact]
    public void ValueOutsideQuestionsOptions_Reported()
    {
        var line = _content.Replace("rules.yaml", "{ answer: warm_up, in: [sometimes, rarely] }", "{ answer: warm_up, in: [sometimes, seldom] }");

        var problem = Single("rules.yaml", "value 'seldom' is not one of its options");

        Assert.Equal(line, problem.Location.Line);
    }

    [Fact]
    public void NumberOutsideQuestionsRange_Reported()
    {
        _content.Replace("rules.yaml", "{ answer: sitting_hours, gte: 6 }", "{ answer: sitting_hours, gte: 60 }");

        Single("rules.yaml", "value 60 is outside the question's range 0–24");
    }

    [Fact]
    public void MissingRequiredField_Reported()
    {
        var line = _content.Replace("questionnaire.yaml", "      - id: front_hip_stiffness\n        kind: yes_no\n        label: Front of hip or thigh stiff with the back\n        prompt: Do you feel pain or stiffness at the front of the hip or upper thigh along with the back pain?\n",
            "      - id: front_hip_stiffness\n        kind: yes_no\n        label: Front of hip or thigh stiff with the back\n");

        var problem = Single("questionnaire.yaml", "missing required field 'prompt'");

        Assert.Equal(line, problem.Location.Line);
    }

    [Fact]
    public void UnknownField_Reported()
    {
        var line = _content.Replace("rules.yaml", "    priority: 50\n", "    prority: 50\n");

        var problem = Single("rules.yaml", "unknown field 'prority'");

        Assert.Equal(line, problem.Location.Line);
    }

    [Fact]
    public void GuidanceItemNoRuleReaches_Reported()
    {
        var line = _content.Replace("articles/shoes.md", "## Check the distance on your shoes {#shoes-replace}",
            "## Two pairs {#shoes-rotate}\n\nAlternate two pairs.\n\n## Check the distance on your shoes {#shoes-replace}");

        var problem = Single("shoes.md", "guidance item 'shoes-rotate' is selected by no rule");

        Assert.Equal(line, problem.Location.Line);
    }

    [Fact]
    public void ArticleWithoutSource_Reported()
    {
        _content.Replace("articles/shoes.md", "sources: [runner-guide]\n", "");

        var problem = Single("shoes.md", "article has no source");

        Assert.Equal(1, problem.Location.Line);
    }

    [Fact]
    public void ArticleCitingUnknownSource_Reported()
    {
        _content.Replace("articles/shoes.md", "sources: [runner-guide]", "sources: [shoe-shop]");

        Single("shoes.md", "unknown source 'shoe-shop'");
    }

    [Fact]
    public void ScriptLinkInArticle_Refused()
    {
        _content.Replace("articles/shoes.md", "Keep a simple record", "Keep a [simple](javascript:alert(1)) record");

        Single("shoes.md", "link 'javascript:alert(1)' is not allowed");
    }

    [Fact]
    public void TriageRuleWithoutFlag_Reported()
    {
        _content.Replace("rules.yaml", "    flag: Fever with back pain\n", "");

        Single("rules.yaml", "rule 'urgent-fever' raises the triage tier and must name the warning sign");
    }

    [Fact]
    public void UnknownPlaceholder_Reported()
    {
        _content.Replace("rules.yaml", "You sit for about {sitting_hours}", "You sit for about {siting_hours}");

        Single("rules.yaml", "'{siting_hours}' in 'because' names no question or computed value");
    }

    [Fact]
    public void ShowIfOnLaterQuestion_Reported()
    {
        _content.Replace("questionnaire.yaml", "show_if: { answer: cadence_known, equals: true }", "show_if: { answer: night_waking, equals: true }");

        Single("questionnaire.yaml", "which must be an earlier question");
    }

    [Fact]
    public void LoadingBrokenRelease_ThrowsWithEveryProblem()
    {
        _content.Replace("rules.yaml", "    priority: 50\n", "    prority: 50\n");
        _content.Replace("articles/shoes.md", "sources: [runner-guide]", "sources: [shoe-shop]");

        var ex = Assert.Throws<ContentValidationException>(() => ReleaseLoader.Load(_content.ReleaseDirectory, _content.Root));

        Assert.Equal(2, ex.Problems.Count);
        Assert.Contains("rules.yaml:", ex.Message, StringComparison.Ordinal);
    }
}
