using System.Globalization;
using RunBack.Core.Questionnaire;
using RunBack.Core.Rules;
using YamlDotNet.RepresentationModel;

namespace RunBack.Core.Content;

/// <summary>
/// Reads one release folder (release.yaml, sources.yaml, questionnaire.yaml, rules.yaml, articles/*.md)
/// into an immutable <see cref="ContentRelease"/>, or reports every problem with its file and line.
/// </summary>
public static class ReleaseLoader
{
    public const string ReleaseFile = "release.yaml";
    public const string SourcesFile = "sources.yaml";
    public const string QuestionnaireFile = "questionnaire.yaml";
    public const string RulesFile = "rules.yaml";
    public const string ArticlesFolder = "articles";

    private static readonly Dictionary<string, ComputedFunction> Functions = new(StringComparer.Ordinal)
    {
        ["largest_increase_percent"] = ComputedFunction.LargestIncreasePercent,
        ["distance_in_miles"] = ComputedFunction.DistanceInMiles,
        ["days_since"] = ComputedFunction.DaysSince,
        ["largest_weekly_rise"] = ComputedFunction.LargestWeeklyRise,
        ["rise_over_average"] = ComputedFunction.RiseOverAverage,
        ["new_start"] = ComputedFunction.NewStart,
        ["days_ago"] = ComputedFunction.DaysAgo,
    };

    private static readonly Dictionary<string, CompareOperator> Operators = new(StringComparer.Ordinal)
    {
        ["equals"] = CompareOperator.Equals,
        ["in"] = CompareOperator.In,
        ["gt"] = CompareOperator.GreaterThan,
        ["gte"] = CompareOperator.GreaterOrEqual,
        ["lt"] = CompareOperator.LessThan,
        ["lte"] = CompareOperator.LessOrEqual,
        ["includes"] = CompareOperator.Includes,
        ["answered"] = CompareOperator.Answered,
    };

    /// <summary>Loads and validates a release, throwing <see cref="ContentValidationException"/> with every problem.</summary>
    public static ContentRelease Load(string releaseDirectory, string? displayRoot = null)
    {
        var (release, problems) = TryLoad(releaseDirectory, displayRoot);
        return problems.Count == 0 && release is not null ? release : throw new ContentValidationException(problems);
    }

    public static (ContentRelease? Release, IReadOnlyList<ContentProblem> Problems) TryLoad(string releaseDirectory, string? displayRoot = null)
    {
        var problems = new List<ContentProblem>();
        var root = displayRoot ?? Path.GetDirectoryName(Path.GetFullPath(releaseDirectory)) ?? releaseDirectory;
        string Display(string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

        if (!Directory.Exists(releaseDirectory))
        {
            problems.Add(new(new(Display(releaseDirectory), 0), "release folder not found"));
            return (null, problems);
        }

        YamlMappingNode? Read(string name, out YamlReader reader)
        {
            var path = Path.Combine(releaseDirectory, name);
            reader = new YamlReader(Display(path), problems);
            if (!File.Exists(path))
            {
                problems.Add(new(new(Display(path), 0), "file not found"));
                return null;
            }
            return reader.LoadDocument(File.ReadAllText(path));
        }

        var infoRoot = Read(ReleaseFile, out var infoReader);
        var sourcesRoot = Read(SourcesFile, out var sourcesReader);
        var questionnaireRoot = Read(QuestionnaireFile, out var questionnaireReader);
        var rulesRoot = Read(RulesFile, out var rulesReader);

        var info = infoRoot is null ? null : ParseInfo(infoReader, infoRoot);
        var sources = sourcesRoot is null ? [] : ParseSources(sourcesReader, sourcesRoot);
        var questionnaire = questionnaireRoot is null ? null : ParseQuestionnaire(questionnaireReader, questionnaireRoot);
        var rules = rulesRoot is null ? null : ParseRules(rulesReader, rulesRoot);
        var articles = ArticleParser.ParseAll(Path.Combine(releaseDirectory, ArticlesFolder), Display, sources, problems);

        if (info is not null)
        {
            var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(releaseDirectory)));
            if (info.Id != folderName)
            {
                problems.Add(new(info.Location, $"release id '{info.Id}' does not match its folder name '{folderName}'"));
            }
        }

        CheckUnique(problems, "source", sources.Select(s => (s.Id, s.Location)));
        CheckUnique(problems, "article", articles.Select(a => (a.Id, a.Location)));
        CheckUnique(problems, "guidance item", articles.SelectMany(a => a.Items).Select(i => (i.Id, i.Location)));
        if (questionnaire is not null)
        {
            CheckUnique(problems, "section", questionnaire.Sections.Select(s => (s.Id, s.Location)));
            CheckUnique(problems, "question", questionnaire.Questions.Select(q => (q.Id, q.Location)));
            foreach (var question in questionnaire.Questions)
            {
                CheckUnique(problems, $"option of question '{question.Id}'", question.Options.Select(o => (o.Id, question.Location)));
            }
        }
        if (rules is not null)
        {
            CheckUnique(problems, "rule", rules.Rules.Select(r => (r.Id, r.Location)));
            CheckUnique(problems, "factor", rules.Factors.Select(f => (f.Id, f.Location)));
            CheckUnique(problems, "computed value", rules.Computed.Select(c => (c.Id, c.Location)));
        }

        if (problems.Count > 0 || info is null || questionnaire is null || rules is null)
        {
            return (null, problems);
        }

        var release = new ContentRelease(info, questionnaire, rules, articles, sources);
        var result = new ReleaseValidator().Validate(release);
        foreach (var failure in result.Errors)
        {
            problems.Add(new(failure.CustomState as SourceLocation ?? info.Location, failure.ErrorMessage));
        }
        return problems.Count == 0 ? (release, problems) : (null, problems);
    }

    private static void CheckUnique(List<ContentProblem> problems, string what, IEnumerable<(string Id, SourceLocation Location)> items)
    {
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var (id, location) in items)
        {
            if (!seen.TryAdd(id, location))
            {
                problems.Add(new(location, $"duplicate {what} id '{id}' (first defined at {seen[id]})"));
            }
        }
    }

    private static ReleaseInfo? ParseInfo(YamlReader r, YamlMappingNode root)
    {
        r.AllowKeys(root, "id", "published", "title", "disclaimer", "physio_questions", ActionsParser.Key);
        var id = r.Text(root, "id");
        var published = r.Date(root, "published");
        var title = r.Text(root, "title");
        var disclaimer = r.Text(root, "disclaimer");
        var questions = new List<PhysioQuestion>();
        if (YamlReader.Node(root, "physio_questions") is YamlSequenceNode list)
        {
            foreach (var item in list.Children)
            {
                if (item is YamlScalarNode { Value: { Length: > 0 } text })
                {
                    questions.Add(new PhysioQuestion(text.Trim(), r.At(item)));
                }
                else
                {
                    r.Problem(item, "each physio question must be a text value");
                }
            }
        }
        var actions = ActionsParser.Parse(r, root, TriageLevels.Ids.All.ToDictionary(id => id, id => TriageLevels.Ids.Parse(id)!.Value, StringComparer.Ordinal));
        return id is null || published is null || title is null || disclaimer is null
            ? null
            : new ReleaseInfo(id, published.Value, title, disclaimer, questions, r.At(root)) { Actions = actions };
    }

    private static List<SourceReference> ParseSources(YamlReader r, YamlMappingNode root)
    {
        r.AllowKeys(root, "sources");
        var result = new List<SourceReference>();
        foreach (var map in r.Maps(root, "sources"))
        {
            r.AllowKeys(map, "id", "title", "publisher", "reference", "url");
            var id = r.Text(map, "id");
            var title = r.Text(map, "title");
            var publisher = r.Text(map, "publisher");
            var url = SourceUrl(r, map);
            // A source is either kept beside the project ('reference'), or has an address, or both.
            var reference = r.Text(map, "reference", required: url is null) ?? "";
            if (id is not null && title is not null && publisher is not null && (url is not null || reference.Length > 0))
            {
                result.Add(new SourceReference(id, title, publisher, reference, r.At(map)) { Url = url });
            }
        }
        return result;
    }

    private static string? SourceUrl(YamlReader r, YamlMappingNode map)
    {
        var url = r.Text(map, "url", required: false);
        if (url is null || url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal))
        {
            return url;
        }
        r.Problem(YamlReader.Node(map, "url")!, $"a source 'url' starts with https:// or http://, not '{url}'");
        return null;
    }

    private static QuestionnaireDefinition? ParseQuestionnaire(YamlReader r, YamlMappingNode root)
    {
        r.AllowKeys(root, "sections");
        var sections = new List<Section>();
        foreach (var sectionMap in r.Maps(root, "sections"))
        {
            r.AllowKeys(sectionMap, "id", "title", "intro", "safety", "questions");
            var sectionId = r.Text(sectionMap, "id");
            var title = r.Text(sectionMap, "title");
            var questions = new List<Question>();
            foreach (var questionMap in r.Maps(sectionMap, "questions"))
            {
                var question = ParseQuestion(r, questionMap, sectionId ?? "");
                if (question is not null)
                {
                    questions.Add(question);
                }
            }
            if (sectionId is not null && title is not null)
            {
                sections.Add(new Section
                {
                    Id = sectionId,
                    Title = title,
                    Intro = r.Text(sectionMap, "intro", required: false),
                    Safety = r.Flag(sectionMap, "safety"),
                    Questions = questions,
                    Location = r.At(sectionMap),
                });
            }
        }
        return new QuestionnaireDefinition(sections);
    }

    private static Question? ParseQuestion(YamlReader r, YamlMappingNode map, string sectionId)
    {
        r.AllowKeys(map, "id", "kind", "prompt", "label", "help", "required", "options", "min", "max", "step",
            "unit", "unit_from", "min_label", "max_label", "show_if");
        var id = r.Text(map, "id");
        var kindText = r.Text(map, "kind");
        var prompt = r.Text(map, "prompt");
        var label = r.Text(map, "label");
        QuestionKind kind = default;
        if (kindText is not null && !QuestionKinds.Ids.TryParse(kindText, out kind))
        {
            r.Problem(YamlReader.Node(map, "kind")!, $"unknown question kind '{kindText}' (expected one of: {string.Join(", ", QuestionKinds.Ids.All)})");
            kindText = null;
        }
        var options = new List<AnswerOption>();
        foreach (var optionMap in r.Maps(map, "options", required: false))
        {
            r.AllowKeys(optionMap, "id", "label", "exclusive");
            var optionId = r.Text(optionMap, "id");
            var optionLabel = r.Text(optionMap, "label");
            if (optionId is not null && optionLabel is not null)
            {
                options.Add(new AnswerOption(optionId, optionLabel, r.Flag(optionMap, "exclusive")));
            }
        }
        var showIfNode = YamlReader.Node(map, "show_if");
        var showIf = showIfNode is null ? null : ParseCondition(r, showIfNode);
        if (id is null || kindText is null || prompt is null || label is null || (showIfNode is not null && showIf is null))
        {
            return null;
        }
        var min = r.Number(map, "min");
        var max = r.Number(map, "max");
        if (kind == QuestionKind.Scale)
        {
            min ??= 0;
            max ??= 10;
        }
        return new Question
        {
            Id = id,
            Kind = kind,
            Prompt = prompt,
            Label = label,
            Help = r.Text(map, "help", required: false),
            Required = r.Flag(map, "required"),
            Options = options,
            Min = min,
            Max = max,
            Step = r.Number(map, "step") ?? 1,
            Unit = r.Text(map, "unit", required: false),
            UnitFrom = r.Text(map, "unit_from", required: false),
            MinLabel = r.Text(map, "min_label", required: false),
            MaxLabel = r.Text(map, "max_label", required: false),
            ShowIf = showIf,
            SectionId = sectionId,
            Location = r.At(map),
        };
    }

    private static RuleSet? ParseRules(YamlReader r, YamlMappingNode root)
    {
        r.AllowKeys(root, "factors", "computed", "hip", "rules");
        var factors = new List<FactorDefinition>();
        foreach (var map in r.Maps(root, "factors"))
        {
            r.AllowKeys(map, "id", "label", "description");
            var id = r.Text(map, "id");
            var label = r.Text(map, "label");
            var description = r.Text(map, "description");
            if (id is not null && label is not null && description is not null)
            {
                factors.Add(new FactorDefinition(id, label, description, r.At(map)));
            }
        }

        var computed = new List<ComputedDefinition>();
        foreach (var map in r.Maps(root, "computed", required: false))
        {
            r.AllowKeys(map, "id", "label", "function", "inputs", "unit_from");
            var id = r.Text(map, "id");
            var label = r.Text(map, "label");
            var functionName = r.Text(map, "function");
            var inputs = r.TextList(map, "inputs", required: true);
            ComputedFunction function = default;
            if (functionName is not null && !Functions.TryGetValue(functionName, out function))
            {
                r.Problem(YamlReader.Node(map, "function")!, $"unknown function '{functionName}' (expected one of: {string.Join(", ", Functions.Keys)})");
                functionName = null;
            }
            if (id is not null && label is not null && functionName is not null)
            {
                computed.Add(new ComputedDefinition(id, label, function, inputs, r.Text(map, "unit_from", required: false), r.At(map)));
            }
        }

        var hip = ParseHip(r, r.Map(root, "hip"));

        var rules = new List<Rule>();
        foreach (var map in r.Maps(root, "rules"))
        {
            r.AllowKeys(map, "id", "when", "triage", "flag", "factor", "weight", "guidance", "priority", "because");
            var id = r.Text(map, "id");
            var whenNode = YamlReader.Node(map, "when");
            if (whenNode is null)
            {
                r.Problem(map, "missing required field 'when'");
            }
            var when = whenNode is null ? null : ParseCondition(r, whenNode);
            var because = r.Text(map, "because");
            var triageText = r.Text(map, "triage", required: false);
            TriageLevel? triage = null;
            if (triageText is not null)
            {
                if (TriageLevels.Ids.TryParse(triageText, out var tier))
                {
                    triage = tier;
                }
                else
                {
                    r.Problem(YamlReader.Node(map, "triage")!, $"unknown triage tier '{triageText}' (expected one of: {string.Join(", ", TriageLevels.Ids.All)})");
                }
            }
            if (id is null || when is null || because is null)
            {
                continue;
            }
            rules.Add(new Rule
            {
                Id = id,
                When = when,
                Triage = triage,
                Flag = r.Text(map, "flag", required: false),
                Factor = r.Text(map, "factor", required: false),
                Weight = r.Integer(map, "weight") ?? 1,
                Guidance = r.TextList(map, "guidance"),
                Priority = r.Integer(map, "priority") ?? 0,
                Because = ReasonTemplate.Parse(because),
                Location = r.At(map),
            });
        }
        return hip is null ? null : new RuleSet { Factors = factors, Computed = computed, Hip = hip, Rules = rules };
    }

    private static HipDefinition? ParseHip(YamlReader r, YamlMappingNode? map)
    {
        if (map is null)
        {
            return null;
        }
        r.AllowKeys(map, "patterns", "leading_sign", "possible_at", "likely_at", "likely_with_leading_sign_at");
        HipPattern? Pattern(YamlMappingNode node)
        {
            r.AllowKeys(node, "id", "label", "when");
            var id = r.Text(node, "id");
            var label = r.Text(node, "label");
            var whenNode = YamlReader.Node(node, "when");
            if (whenNode is null)
            {
                r.Problem(node, "missing required field 'when'");
            }
            var when = whenNode is null ? null : ParseCondition(r, whenNode);
            return id is null || label is null || when is null ? null : new HipPattern(id, label, when, r.At(node));
        }
        var patterns = r.Maps(map, "patterns").Select(Pattern).OfType<HipPattern>().ToList();
        var leadingMap = r.Map(map, "leading_sign");
        var leading = leadingMap is null ? null : Pattern(leadingMap);
        var possibleAt = r.Integer(map, "possible_at", required: true);
        var likelyAt = r.Integer(map, "likely_at", required: true);
        var likelyWithLeading = r.Integer(map, "likely_with_leading_sign_at", required: true);
        return leading is null || possibleAt is null || likelyAt is null || likelyWithLeading is null
            ? null
            : new HipDefinition(patterns, leading, possibleAt.Value, likelyAt.Value, likelyWithLeading.Value);
    }

    internal static Condition? ParseCondition(YamlReader r, YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            r.Problem(node, "a condition must be a mapping such as '{ answer: id, equals: value }', 'all: [...]', 'any: [...]' or 'not: {...}'");
            return null;
        }
        var location = r.At(map);
        if (YamlReader.Has(map, "all") || YamlReader.Has(map, "any"))
        {
            var isAll = YamlReader.Has(map, "all");
            r.AllowKeys(map, isAll ? "all" : "any");
            var listNode = YamlReader.Node(map, isAll ? "all" : "any")!;
            if (listNode is not YamlSequenceNode list || list.Children.Count == 0)
            {
                r.Problem(listNode, $"'{(isAll ? "all" : "any")}' must be a non-empty list of conditions");
                return null;
            }
            var parts = list.Children.Select(c => ParseCondition(r, c)).ToList();
            if (parts.Any(p => p is null))
            {
                return null;
            }
            return isAll
                ? new AllCondition(parts!) { Location = location }
                : new AnyCondition(parts!) { Location = location };
        }
        if (YamlReader.Node(map, "not") is { } notNode)
        {
            r.AllowKeys(map, "not");
            var inner = ParseCondition(r, notNode);
            return inner is null ? null : new NotCondition(inner) { Location = location };
        }

        r.AllowKeys(map, ["answer", "computed", .. Operators.Keys]);
        var answer = r.Text(map, "answer", required: false);
        var computed = r.Text(map, "computed", required: false);
        if ((answer is null) == (computed is null))
        {
            r.Problem(map, "a comparison names exactly one of 'answer: <question id>' or 'computed: <value id>'");
            return null;
        }
        var operatorKeys = Operators.Keys.Where(k => YamlReader.Has(map, k)).ToList();
        if (operatorKeys.Count != 1)
        {
            r.Problem(map, $"a comparison needs exactly one operator (one of: {string.Join(", ", Operators.Keys)})");
            return null;
        }
        var op = Operators[operatorKeys[0]];
        var operandNode = YamlReader.Node(map, operatorKeys[0])!;
        var operands = new List<AnswerValue>();
        if (operandNode is YamlSequenceNode sequence)
        {
            if (op is not (CompareOperator.In or CompareOperator.Includes))
            {
                r.Problem(operandNode, $"'{operatorKeys[0]}' takes one value, not a list");
                return null;
            }
            foreach (var child in sequence.Children)
            {
                if (child is not YamlScalarNode scalar)
                {
                    r.Problem(child, "a list of values must hold plain values");
                    return null;
                }
                operands.Add(Literal(scalar));
            }
        }
        else if (operandNode is YamlScalarNode scalar)
        {
            operands.Add(Literal(scalar));
        }
        else
        {
            r.Problem(operandNode, $"'{operatorKeys[0]}' must be a value or a list of values");
            return null;
        }
        if (operands.Count == 0)
        {
            r.Problem(operandNode, $"'{operatorKeys[0]}' needs at least one value");
            return null;
        }
        if (op is CompareOperator.GreaterThan or CompareOperator.GreaterOrEqual or CompareOperator.LessThan or CompareOperator.LessOrEqual
            && operands[0].Kind != AnswerValueKind.Number)
        {
            r.Problem(operandNode, $"'{operatorKeys[0]}' compares with a number, not '{operands[0]}'");
            return null;
        }
        if (op == CompareOperator.Answered && operands[0].Kind != AnswerValueKind.Bool)
        {
            r.Problem(operandNode, "'answered' takes true or false");
            return null;
        }
        var reference = answer is not null ? new ValueRef(ValueSource.Answer, answer) : new ValueRef(ValueSource.Computed, computed!);
        return new Comparison(reference, op, [.. operands]) { Location = location };
    }

    private static AnswerValue Literal(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is YamlDotNet.Core.ScalarStyle.Plain)
        {
            if (text is "true" or "false")
            {
                return AnswerValue.Of(text == "true");
            }
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return AnswerValue.Of(number);
            }
        }
        return AnswerValue.Of(text);
    }
}
