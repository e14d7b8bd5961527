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
        var questionnaire = questionnaireRoot is null ? null : QuestionnaireParser.Parse(questionnaireReader, questionnaireRoot);
        var rules = rulesRoot is null ? null : RulesParser.Parse(rulesReader, rulesRoot);
        var figures = FigureFiles.Load(Path.Combine(releaseDirectory, FigureFiles.Folder), Display, problems);
        var articles = ArticleParser.ParseAll(Path.Combine(releaseDirectory, ArticlesFolder), Display, sources, figures, problems);

        if (info is not null)
        {
            var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(releaseDirectory)));
            if (info.Id != folderName)
            {
                problems.Add(new(info.Location, $"release id '{info.Id}' does not match its folder name '{folderName}'"));
            }
        }

        CheckUnique(problems, "source", sources.Select(s => (s.Id, s.Location)));
        if (info is not null)
        {
            foreach (var country in info.Actions.Countries)
            {
                if (info.Actions.SourceFor(country) is { } source && !sources.Any(s => s.Id == source))
                {
                    problems.Add(new(info.Location, $"the actions for country '{country}' cite source '{source}', which sources.yaml does not list"));
                }
            }
        }
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

        var release = new ContentRelease(info, questionnaire, rules, articles, sources) { FigureFiles = figures };
        var result = new ReleaseValidator().Validate(release);
        foreach (var failure in result.Errors)
        {
            problems.Add(new(failure.CustomState as SourceLocation ?? info.Location, failure.ErrorMessage));
        }
        if (problems.Count == 0)
        {
            LoadEditions(release, Path.Combine(releaseDirectory, LocaleOverlay.Folder), Display, problems);
        }
        return problems.Count == 0 ? (release, problems) : (null, problems);
    }

    /// <summary>Applies every locales/&lt;culture&gt;.yaml overlay, reporting each problem with its file and line.</summary>
    private static void LoadEditions(ContentRelease release, string folder, Func<string, string> display, List<ContentProblem> problems)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }
        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var locale = Path.GetFileNameWithoutExtension(path);
            if (Path.GetExtension(path) != ".yaml" || LocaleOverlay.RegionOf(locale) is null)
            {
                problems.Add(new(new(display(path), 0), "a locale overlay is named for a culture with a country, like en-US.yaml"));
                continue;
            }
            if (LocaleOverlay.Apply(release, display(path), File.ReadAllText(path), locale, problems) is { } edition)
            {
                release.AddEdition(edition);
            }
        }
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
}
