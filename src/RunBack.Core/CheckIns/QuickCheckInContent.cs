using RunBack.Core.Content;
using RunBack.Core.Questionnaire;
using YamlDotNet.RepresentationModel;

namespace RunBack.Core.CheckIns;

/// <summary>A choice of the quick check-in; <see cref="Sets"/> is the release option it stands for, if any.</summary>
public sealed record QuickOption(string Id, string Label, string? Sets = null, bool Exclusive = false);

/// <summary>A question the quick check-in asks in its own words and, where <see cref="Sets"/> is given, answers a release question with.</summary>
public sealed record QuickQuestion(string Prompt, string? Help, string? Sets, IReadOnlyList<QuickOption> Options);

/// <summary>
/// The wording of the quick check-in (content/checkin/quick.yaml), checked against a release: every question and
/// option id it names must exist there, so a new release that drops one stops the app at start-up with file and line.
/// </summary>
public sealed record QuickCheckInContent(
    string Title, string Intro, int StaleAfterDays, string Stale, string CarriedTitle, string CarriedIntro, string ChangeLink,
    string DatePrompt, string DateHelp, string SafetyIntro, QuickQuestion SinceLastTime, QuickQuestion Distance, QuickQuestion Helped)
{
    public const string RelativePath = "checkin/quick.yaml";

    /// <summary>The release questions the quick check-in asks as the release words them: back and hip pain.</summary>
    public static readonly IReadOnlyList<string> PainQuestionIds = ["back_pain", "hip_pain"];

    /// <summary>
    /// The release's pain questions the quick check-in asks, in page order: back and hip pain, then the three PEG
    /// questions (Krebs et al. 2009) when the release has them (2027.2.0 on; older releases ask back and hip pain only).
    /// Never carried over: each check-in answers them afresh.
    /// </summary>
    public static IReadOnlyList<Question> PainQuestions(QuestionnaireDefinition questionnaire)
    {
        var peg = History.PegScore.QuestionIds.Select(questionnaire.Find).ToList();
        return
        [
            .. PainQuestionIds.Select(questionnaire.Find).OfType<Question>(),
            .. peg.All(q => q is { Kind: QuestionKind.Scale }) ? peg.OfType<Question>() : [],
        ];
    }

    /// <summary>The locale of an edition's wording (en-US) made from an overlay; null for the UK wording of quick.yaml.</summary>
    public string? Locale { get; init; }

    private readonly Dictionary<string, QuickCheckInContent> _editions = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The locales with an overlay in checkin/locales/.</summary>
    public IReadOnlyCollection<string> Locales => _editions.Keys;

    /// <summary>The wording a culture's edition reads: its overlay (checkin/locales/en-US.yaml) when there is one, else quick.yaml's.</summary>
    public QuickCheckInContent Edition(string locale) => _editions.GetValueOrDefault(locale) ?? this;

    /// <summary>Reads and checks the file against the release, and every edition's overlay against it; every problem is reported with its line.</summary>
    public static QuickCheckInContent Load(string contentFolder, ContentRelease release)
    {
        var path = Path.Combine(contentFolder, RelativePath);
        var problems = new List<ContentProblem>();
        var yaml = new YamlReader(RelativePath, problems);
        if (!File.Exists(path))
        {
            throw new ContentValidationException([new(new(RelativePath, 0), "the quick check-in wording is missing")]);
        }
        var root = yaml.LoadDocument(File.ReadAllText(path));
        QuickCheckInContent? content = null;
        if (root is not null)
        {
            content = Read(yaml, root, release.Questionnaire);
        }
        if (problems.Count > 0 || content is null)
        {
            throw new ContentValidationException(problems);
        }
        foreach (var edition in QuickCheckInOverlay.LoadAll(contentFolder, content, problems).ToList())
        {
            content._editions[edition.Locale!] = edition;
        }
        return problems.Count > 0 ? throw new ContentValidationException(problems) : content;
    }

    private static QuickCheckInContent? Read(YamlReader yaml, YamlMappingNode root, QuestionnaireDefinition questionnaire)
    {
        yaml.AllowKeys(root, "title", "intro", "stale_after_days", "stale", "carried_title", "carried_intro", "change_link",
            "date_prompt", "date_help", "safety_intro", "since_last_time", "distance", "helped");
        foreach (var id in PainQuestionIds)
        {
            if (questionnaire.Find(id) is not { Kind: QuestionKind.Scale })
            {
                yaml.Problem(root, $"the release has no 0–10 question '{id}', which the quick check-in asks");
            }
        }
        var since = ReadQuestion(yaml, root, "since_last_time", questionnaire, QuestionKind.SingleChoice, needsOptions: true);
        var distance = ReadQuestion(yaml, root, "distance", questionnaire, QuestionKind.Number, needsOptions: false);
        var helped = ReadQuestion(yaml, root, "helped", questionnaire, null, needsOptions: true);
        var title = yaml.Text(root, "title");
        var intro = yaml.Text(root, "intro");
        var staleDays = yaml.Integer(root, "stale_after_days", required: true);
        var stale = yaml.Text(root, "stale");
        var carriedTitle = yaml.Text(root, "carried_title");
        var carriedIntro = yaml.Text(root, "carried_intro");
        var change = yaml.Text(root, "change_link");
        var datePrompt = yaml.Text(root, "date_prompt");
        var dateHelp = yaml.Text(root, "date_help");
        var safetyIntro = yaml.Text(root, "safety_intro");
        if (staleDays is <= 0)
        {
            yaml.Problem(YamlReader.Node(root, "stale_after_days")!, "'stale_after_days' must be a positive number of days");
        }
        if (title is null || intro is null || staleDays is null || stale is null || carriedTitle is null || carriedIntro is null
            || change is null || datePrompt is null || dateHelp is null || safetyIntro is null || since is null || distance is null || helped is null)
        {
            return null;
        }
        return new(title, intro, staleDays.Value, stale, carriedTitle, carriedIntro, change, datePrompt, dateHelp, safetyIntro, since, distance, helped);
    }

    private static QuickQuestion? ReadQuestion(YamlReader yaml, YamlMappingNode root, string key, QuestionnaireDefinition questionnaire,
        QuestionKind? setsKind, bool needsOptions)
    {
        var map = yaml.Map(root, key);
        if (map is null)
        {
            return null;
        }
        yaml.AllowKeys(map, "prompt", "help", "sets", "options");
        var prompt = yaml.Text(map, "prompt");
        var help = yaml.Text(map, "help", required: false);
        var sets = yaml.Text(map, "sets", required: setsKind is not null);
        var target = sets is null ? null : questionnaire.Find(sets);
        if (sets is not null && (target is null || (setsKind is { } kind && target.Kind != kind)))
        {
            yaml.Problem(YamlReader.Node(map, "sets")!, target is null
                ? $"'sets' names question '{sets}', which the release does not have"
                : $"'sets' names question '{sets}', which is not a {setsKind} question");
            target = null;
        }
        var options = new List<QuickOption>();
        foreach (var option in needsOptions ? yaml.Maps(map, "options") : [])
        {
            yaml.AllowKeys(option, "id", "label", "sets", "exclusive");
            var id = yaml.Text(option, "id");
            var label = yaml.Text(option, "label");
            var optionSets = yaml.Text(option, "sets", required: target is not null);
            if (optionSets is not null && target is not null && target.FindOption(optionSets) is null)
            {
                yaml.Problem(YamlReader.Node(option, "sets")!, $"'{sets}' has no option '{optionSets}'");
            }
            if (id is not null && options.Any(o => o.Id == id))
            {
                yaml.Problem(option, $"duplicate option id '{id}'");
            }
            if (id is not null && label is not null)
            {
                options.Add(new(id, label, optionSets, yaml.Flag(option, "exclusive")));
            }
        }
        return prompt is null ? null : new QuickQuestion(prompt, help, sets, options);
    }
}
