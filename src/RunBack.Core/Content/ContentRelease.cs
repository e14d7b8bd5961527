using System.Collections.Frozen;
using RunBack.Core.Questionnaire;
using RunBack.Core.Rules;

namespace RunBack.Core.Content;

/// <summary>A source article or document the guidance is drawn from.</summary>
public sealed record SourceReference(string Id, string Title, string Publisher, string Reference, SourceLocation Location)
{
    /// <summary>Where the source can be read (http or https), when it has an address.</summary>
    public string? Url { get; init; }
}

/// <summary>One piece of guidance a rule can select: a section of an article.</summary>
public sealed class GuidanceItem
{
    public required string Id { get; init; }
    public required string ArticleId { get; init; }
    public required string Title { get; init; }
    /// <summary>The first paragraph, as plain text, for a card.</summary>
    public required string Summary { get; init; }
    /// <summary>The whole item rendered from Markdown with raw HTML disabled.</summary>
    public required string Html { get; init; }
    public required IReadOnlyList<SourceReference> Sources { get; init; }
    public SourceLocation Location { get; init; } = SourceLocation.None;
    /// <summary>
    /// Something to do (the default) or an explanation of a factor (<c>kind=explanation</c> on the item's heading, from
    /// 2027.4.0): explanations are shown with their factor and never counted in the result's three things to do.
    /// </summary>
    public GuidanceKind Kind { get; init; } = GuidanceKind.Action;
    /// <summary>The exercise drawings the item shows beside their steps (from 2027.3.0), in the item's order.</summary>
    public IReadOnlyList<ExerciseFigure> Figures { get; init; } = [];
    /// <summary>The item's Markdown, kept so an edition can render it again with its own alt text.</summary>
    internal string Markdown { get; init; } = "";
}

/// <summary>What a guidance item is for: something to do this week, or how a factor can add to back pain.</summary>
public enum GuidanceKind
{
    Action,
    Explanation,
}

/// <summary>
/// An exercise drawing beside its step: <paramref name="Name"/> is the file name in the release's figures folder,
/// <paramref name="Html"/> the inline SVG with <paramref name="Alt"/> as its accessible name, and
/// <paramref name="StepHtml"/> the step it illustrates, rendered without the drawing.
/// </summary>
public sealed record ExerciseFigure(string Name, string Alt, string Html, string StepHtml);

public sealed class Article
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public required DateOnly Reviewed { get; init; }
    public required IReadOnlyList<SourceReference> Sources { get; init; }
    public required IReadOnlyList<GuidanceItem> Items { get; init; }
    /// <summary>Any text before the first item, rendered.</summary>
    public string IntroHtml { get; init; } = "";
    public SourceLocation Location { get; init; } = SourceLocation.None;
}

/// <summary>A question a runner may want to ask a physiotherapist, printed on the summary.</summary>
public sealed record PhysioQuestion(string Text, SourceLocation Location);

/// <summary>One immutable, validated release of the questionnaire, rules and articles.</summary>
public sealed class ContentRelease
{
    private readonly FrozenDictionary<string, GuidanceItem> _items;
    private readonly FrozenDictionary<string, Article> _articles;

    public ContentRelease(
        ReleaseInfo info,
        QuestionnaireDefinition questionnaire,
        RuleSet rules,
        IReadOnlyList<Article> articles,
        IReadOnlyList<SourceReference> sources)
    {
        Info = info;
        Questionnaire = questionnaire;
        Rules = rules;
        Articles = articles;
        Sources = sources;
        _articles = articles.ToFrozenDictionary(a => a.Id, StringComparer.Ordinal);
        _items = articles.SelectMany(a => a.Items).ToFrozenDictionary(i => i.Id, StringComparer.Ordinal);
    }

    public ReleaseInfo Info { get; }
    public string Id => Info.Id;
    public QuestionnaireDefinition Questionnaire { get; }
    public RuleSet Rules { get; }
    public IReadOnlyList<Article> Articles { get; }
    public IReadOnlyList<SourceReference> Sources { get; }
    public IEnumerable<GuidanceItem> GuidanceItems => _items.Values;

    /// <summary>What to do first for each triage tier; empty for releases that carry none.</summary>
    public ReleaseActions Actions => Info.Actions;

    public GuidanceItem? FindItem(string id) => _items.GetValueOrDefault(id);

    /// <summary>The locale of this edition's wording (en-US) when it was made from an overlay; null for the release's own words.</summary>
    public string? Locale { get; init; }

    private readonly Dictionary<string, ContentRelease> _editions = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The locales the release has an overlay for (locales/*.yaml).</summary>
    public IReadOnlyCollection<string> Locales => _editions.Keys;

    /// <summary>The release in a locale's words (its overlay applied); null when the release has no overlay for it.</summary>
    public ContentRelease? Edition(string locale) => _editions.GetValueOrDefault(locale);

    internal void AddEdition(ContentRelease edition) => _editions[edition.Locale!] = edition;

    /// <summary>The same release with other actions: how an older release borrows the actions of a newer one.</summary>
    public ContentRelease WithActions(ReleaseActions actions) =>
        new(Info with { Actions = actions }, Questionnaire, Rules, Articles, Sources) { Locale = Locale, FigureFiles = FigureFiles };

    /// <summary>The release's checked drawings (figures/*.svg) by name, as inline SVG markup; empty before 2027.3.0.</summary>
    internal IReadOnlyDictionary<string, string> FigureFiles { get; init; } = new Dictionary<string, string>();

    public Article? FindArticle(string id) => _articles.GetValueOrDefault(id);
}

public sealed record ReleaseInfo(
    string Id,
    DateOnly Published,
    string Title,
    string Disclaimer,
    IReadOnlyList<PhysioQuestion> PhysioQuestions,
    SourceLocation Location)
{
    /// <summary>What to do first for each tier (label, phone number, sentence), from release.yaml's 'actions:'.</summary>
    public ReleaseActions Actions { get; init; } = ReleaseActions.None;
}
