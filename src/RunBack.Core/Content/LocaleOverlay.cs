using RunBack.Core.Questionnaire;
using RunBack.Core.Rules;
using YamlDotNet.RepresentationModel;

namespace RunBack.Core.Content;

/// <summary>
/// A locale overlay (<c>locales/&lt;culture&gt;.yaml</c> in a release): only the words that differ for another edition
/// (US spellings, the emergency number), keyed by the release's own ids. Applying it gives the release's edition for that
/// locale: the same questions, options, rules and triage, with the overlay's wording. An overlay can change words only;
/// it has no field that could add, remove or reorder a question, an option, a rule or a tier.
/// </summary>
internal static partial class LocaleOverlay
{
    public const string Folder = "locales";

    public static ContentRelease? Apply(ContentRelease release, string file, string text, string expectedLocale, List<ContentProblem> problems)
    {
        var before = problems.Count;
        var r = new YamlReader(file, problems);
        if (r.LoadDocument(text) is not { } root)
        {
            return null;
        }
        r.AllowKeys(root, "locale", "country", ActionsParser.Key, "release", "sections", "questions", "articles", "guidance", "figures");
        var locale = r.Text(root, "locale");
        var country = r.Text(root, "country");
        if (locale is not null && locale != expectedLocale)
        {
            r.Problem(YamlReader.Node(root, "locale")!, $"'locale' is '{locale}' but the file is named for '{expectedLocale}'");
        }
        if (locale is not null && country is not null && RegionOf(locale) != country)
        {
            r.Problem(YamlReader.Node(root, "country")!, $"'country' must be the region of '{locale}' (a specific culture such as en-US names one), not '{country}'");
        }
        var actions = ParseActions(r, root);
        var info = ApplyInfo(r, root, release.Info);
        var questionnaire = ApplyQuestionnaire(r, root, release.Questionnaire);
        var articles = ApplyArticles(r, root, release);
        if (problems.Count > before || locale is null || country is null || info is null)
        {
            return null;
        }
        info = info with { Actions = release.Actions.WithCountry(country, actions) };
        return new ContentRelease(info, questionnaire, release.Rules, articles, release.Sources) { Locale = locale, FigureFiles = release.FigureFiles };
    }

    private static Dictionary<TriageLevel, TierAction> ParseActions(YamlReader r, YamlMappingNode root)
    {
        var tiers = TriageLevels.Ids.All.ToDictionary(id => id, id => TriageLevels.Ids.Parse(id)!.Value, StringComparer.Ordinal);
        if (r.Map(root, ActionsParser.Key) is not { } map)
        {
            return [];
        }
        r.AllowKeys(map, [.. tiers.Keys]);
        var actions = ActionsParser.ParseTiers(r, map, tiers);
        ActionsParser.CheckRequired(r, map, actions, tiers, ActionsParser.Key);
        return actions;
    }

    private static ReleaseInfo? ApplyInfo(YamlReader r, YamlMappingNode root, ReleaseInfo info)
    {
        if (r.Map(root, "release", required: false) is not { } map)
        {
            return info;
        }
        r.AllowKeys(map, "title", "disclaimer");
        return info with
        {
            Title = r.Text(map, "title", required: false) ?? info.Title,
            Disclaimer = r.Text(map, "disclaimer", required: false) ?? info.Disclaimer,
        };
    }

    /// <summary>Entries of a mapping keyed by id; ids the release does not have are reported at their line.</summary>
    private static Dictionary<string, YamlMappingNode> Keyed(YamlReader r, YamlMappingNode root, string key, string what, Func<string, bool> exists)
    {
        var result = new Dictionary<string, YamlMappingNode>(StringComparer.Ordinal);
        if (r.Map(root, key, required: false) is not { } map)
        {
            return result;
        }
        foreach (var (idNode, value) in map.Children)
        {
            var id = (idNode as YamlScalarNode)?.Value ?? "";
            if (!exists(id))
            {
                r.Problem(idNode, $"unknown {what} id '{id}': an overlay can only reword what the release has");
            }
            else if (value is not YamlMappingNode entry)
            {
                r.Problem(value, $"{what} '{id}' must be a mapping of the fields to reword");
            }
            else
            {
                result[id] = entry;
            }
        }
        return result;
    }

    private static QuestionnaireDefinition ApplyQuestionnaire(YamlReader r, YamlMappingNode root, QuestionnaireDefinition questionnaire)
    {
        var sections = Keyed(r, root, "sections", "section", id => questionnaire.FindSection(id) is not null);
        var questions = Keyed(r, root, "questions", "question", id => questionnaire.Find(id) is not null);
        foreach (var (_, map) in sections)
        {
            r.AllowKeys(map, "title", "intro");
        }
        var options = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (id, map) in questions)
        {
            r.AllowKeys(map, "prompt", "label", "help", "unit", "min_label", "max_label", "options");
            var question = questionnaire.Find(id)!;
            options[id] = OptionLabels(r, map, id, optionId => question.FindOption(optionId) is not null);
        }
        return new QuestionnaireDefinition([.. questionnaire.Sections.Select(s =>
        {
            var map = sections.GetValueOrDefault(s.Id);
            return new Section
            {
                Id = s.Id,
                Title = Reword(r, map, "title") ?? s.Title,
                Intro = Reword(r, map, "intro") ?? s.Intro,
                Safety = s.Safety,
                Location = s.Location,
                Questions = [.. s.Questions.Select(q => Reword(r, q, questions.GetValueOrDefault(q.Id), options.GetValueOrDefault(q.Id)))],
            };
        })]);
    }

    public static string? Reword(YamlReader r, YamlMappingNode? map, string key) => map is null ? null : r.Text(map, key, required: false);

    private static Question Reword(YamlReader r, Question q, YamlMappingNode? map, Dictionary<string, string>? options) => map is null ? q : new Question
    {
        Id = q.Id,
        Kind = q.Kind,
        Prompt = Reword(r, map, "prompt") ?? q.Prompt,
        Label = Reword(r, map, "label") ?? q.Label,
        Help = Reword(r, map, "help") ?? q.Help,
        Required = q.Required,
        Options = [.. q.Options.Select(o => options is not null && options.TryGetValue(o.Id, out var label) ? o with { Label = label } : o)],
        Min = q.Min,
        Max = q.Max,
        Step = q.Step,
        Unit = Reword(r, map, "unit") ?? q.Unit,
        UnitFrom = q.UnitFrom,
        MinLabel = Reword(r, map, "min_label") ?? q.MinLabel,
        MaxLabel = Reword(r, map, "max_label") ?? q.MaxLabel,
        ShowIf = q.ShowIf,
        SectionId = q.SectionId,
        Location = q.Location,
    };

    private static List<Article> ApplyArticles(YamlReader r, YamlMappingNode root, ContentRelease release)
    {
        var articles = Keyed(r, root, "articles", "article", id => release.FindArticle(id) is not null);
        var items = Keyed(r, root, "guidance", "guidance item", id => release.FindItem(id) is not null);
        foreach (var (_, map) in articles)
        {
            r.AllowKeys(map, "title", "summary");
        }
        var figures = Keyed(r, root, "figures", "figure", release.FigureFiles.ContainsKey);
        var altText = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, map) in figures)
        {
            r.AllowKeys(map, "alt");
            if (r.Text(map, "alt") is { Length: > 0 } alt)
            {
                altText[name] = alt;
            }
        }
        var reworded = new Dictionary<string, GuidanceItem>(StringComparer.Ordinal);
        // An item is rendered again when the overlay rewords its body or the alt text of a drawing it shows.
        var redrawn = release.GuidanceItems.Where(i => i.Figures.Any(f => altText.ContainsKey(f.Name))).Select(i => i.Id);
        foreach (var id in items.Keys.Union(redrawn, StringComparer.Ordinal).ToList())
        {
            var map = items.GetValueOrDefault(id);
            if (map is not null)
            {
                r.AllowKeys(map, "title", "body");
            }
            var item = release.FindItem(id)!;
            var body = Reword(r, map, "body");
            var html = item.Html;
            var itemFigures = item.Figures;
            if (body is not null || itemFigures.Count > 0)
            {
                var links = new List<ContentProblem>();
                if (body is not null)
                {
                    ArticleParser.CheckLinks(body, map is null ? item.Location : r.At(map), links);
                }
                (html, itemFigures) = ArticleParser.Render(body ?? item.Markdown, release.FigureFiles, altText, id, map is null ? item.Location : r.At(map), links);
                links.ForEach(p => r.Problem(p.Location, p.Message));
            }
            reworded[id] = new GuidanceItem
            {
                Id = item.Id,
                ArticleId = item.ArticleId,
                Title = Reword(r, map, "title") ?? item.Title,
                Summary = body is null ? item.Summary : Typography.KeepUnits(ArticleParser.FirstParagraph(body)),
                Html = Typography.KeepUnits(html),
                Figures = itemFigures,
                Markdown = body ?? item.Markdown,
                Sources = item.Sources,
                Location = item.Location,
                Kind = item.Kind,
            };
        }
        return [.. release.Articles.Select(a =>
        {
            var map = articles.GetValueOrDefault(a.Id);
            return new Article
            {
                Id = a.Id,
                Title = Reword(r, map, "title") ?? a.Title,
                Summary = Reword(r, map, "summary") ?? a.Summary,
                Reviewed = a.Reviewed,
                Sources = a.Sources,
                Items = [.. a.Items.Select(i => reworded.GetValueOrDefault(i.Id) ?? i)],
                IntroHtml = a.IntroHtml,
                Location = a.Location,
            };
        })];
    }
}
