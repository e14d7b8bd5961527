using RunBack.Core.Content;
using YamlDotNet.RepresentationModel;

namespace RunBack.Core.CheckIns;

/// <summary>
/// An edition's overlay of the quick check-in's wording (<c>checkin/locales/&lt;culture&gt;.yaml</c>): only the words
/// that differ, in the shape of quick.yaml, with options keyed by id as in a release's overlay
/// (<c>options: { physio: A physical therapist }</c>). It has no field that could add, remove or reorder an option,
/// or change what an option sets: an unknown field or id is reported with its file and line.
/// </summary>
internal static class QuickCheckInOverlay
{
    public const string Folder = "checkin/locales";

    private static readonly string[] Texts = ["title", "intro", "stale", "carried_title", "carried_intro", "change_link", "date_prompt", "date_help", "safety_intro"];

    public static QuickCheckInContent? Apply(QuickCheckInContent content, string file, string text, string expectedLocale, List<ContentProblem> problems)
    {
        var before = problems.Count;
        var r = new YamlReader(file, problems);
        if (r.LoadDocument(text) is not { } root)
        {
            return null;
        }
        r.AllowKeys(root, ["locale", .. Texts, "since_last_time", "distance", "helped"]);
        var locale = r.Text(root, "locale");
        if (locale is not null && locale != expectedLocale)
        {
            r.Problem(YamlReader.Node(root, "locale")!, $"'locale' is '{locale}' but the file is named for '{expectedLocale}'");
        }
        string Word(string key, string own) => LocaleOverlay.Reword(r, root, key) ?? own;
        var edition = content with
        {
            Title = Word("title", content.Title),
            Intro = Word("intro", content.Intro),
            Stale = Word("stale", content.Stale),
            CarriedTitle = Word("carried_title", content.CarriedTitle),
            CarriedIntro = Word("carried_intro", content.CarriedIntro),
            ChangeLink = Word("change_link", content.ChangeLink),
            DatePrompt = Word("date_prompt", content.DatePrompt),
            DateHelp = Word("date_help", content.DateHelp),
            SafetyIntro = Word("safety_intro", content.SafetyIntro),
            SinceLastTime = Question(r, root, "since_last_time", content.SinceLastTime),
            Distance = Question(r, root, "distance", content.Distance),
            Helped = Question(r, root, "helped", content.Helped),
            Locale = locale,
        };
        return problems.Count > before || locale is null ? null : edition;
    }

    private static QuickQuestion Question(YamlReader r, YamlMappingNode root, string key, QuickQuestion question)
    {
        if (r.Map(root, key, required: false) is not { } map)
        {
            return question;
        }
        r.AllowKeys(map, question.Options.Count > 0 ? ["prompt", "help", "options"] : ["prompt", "help"]);
        var labels = LocaleOverlay.OptionLabels(r, map, key, id => question.Options.Any(o => o.Id == id));
        return question with
        {
            Prompt = LocaleOverlay.Reword(r, map, "prompt") ?? question.Prompt,
            Help = LocaleOverlay.Reword(r, map, "help") ?? question.Help,
            Options = [.. question.Options.Select(o => labels.TryGetValue(o.Id, out var label) ? o with { Label = label } : o)],
        };
    }

    /// <summary>Every overlay in the folder, applied to the UK wording; each problem is reported with its file and line.</summary>
    public static IEnumerable<QuickCheckInContent> LoadAll(string contentFolder, QuickCheckInContent content, List<ContentProblem> problems)
    {
        var folder = Path.Combine(contentFolder, Folder);
        if (!Directory.Exists(folder))
        {
            yield break;
        }
        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var display = $"{Folder}/{Path.GetFileName(path)}";
            var locale = Path.GetFileNameWithoutExtension(path);
            if (Path.GetExtension(path) != ".yaml" || LocaleOverlay.RegionOf(locale) is null)
            {
                problems.Add(new(new(display, 0), "a locale overlay is named for a culture with a country, like en-US.yaml"));
                continue;
            }
            if (Apply(content, display, File.ReadAllText(path), locale, problems) is { } edition)
            {
                yield return edition;
            }
        }
    }
}
