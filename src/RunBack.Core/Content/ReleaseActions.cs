using RunBack.Core.Rules;

namespace RunBack.Core.Content;

/// <summary>
/// What a runner is told to do first for a triage tier: a short label for the main button, an optional phone number
/// for a <c>tel:</c> link and a sentence. Content, not code: the wording and numbers come from release.yaml.
/// </summary>
public sealed record TierAction(string Label, string? Phone, string Text, SourceLocation Location);

/// <summary>
/// The actions of a release, per tier: the defaults for the country the release is written for (e.g. GB: 999, A&amp;E,
/// NHS 111), those of other countries (from 2027.2.0, <c>countries:</c> in release.yaml: US 911, Canada 911, Australia
/// 000, the EU's 112 ...), and the wording for a runner whose country is unknown ("your local emergency number"). A
/// locale overlay can later replace single actions for a country with <see cref="WithCountry"/>, leaving the rest.
/// </summary>
public sealed class ReleaseActions
{
    private readonly Dictionary<string, IReadOnlyDictionary<TriageLevel, TierAction>> _byCountry;
    private readonly Dictionary<string, string> _sources = new(StringComparer.OrdinalIgnoreCase);

    public ReleaseActions(string country, IReadOnlyDictionary<TriageLevel, TierAction> defaults,
        IReadOnlyDictionary<TriageLevel, TierAction> unknownCountry)
    {
        Country = country;
        Defaults = defaults;
        UnknownCountry = unknownCountry;
        _byCountry = new(StringComparer.OrdinalIgnoreCase) { [country] = defaults };
    }

    /// <summary>No actions (releases before 2026.12.0 carried the wording in their articles only).</summary>
    public static ReleaseActions None { get; } = new("", new Dictionary<TriageLevel, TierAction>(), new Dictionary<TriageLevel, TierAction>());

    /// <summary>The country (ISO 3166 alpha-2, e.g. GB) the default actions are written for.</summary>
    public string Country { get; }

    public IReadOnlyDictionary<TriageLevel, TierAction> Defaults { get; }

    public IReadOnlyDictionary<TriageLevel, TierAction> UnknownCountry { get; }

    public bool IsEmpty => Defaults.Count == 0;

    /// <summary>
    /// The action for a tier in a country: the country's own, else (for a country the content does not know, or none)
    /// the "your local emergency number" wording. Null when the release has no action for the tier.
    /// </summary>
    public TierAction? For(TriageLevel tier, string? country)
    {
        if (country is not null && _byCountry.TryGetValue(country, out var actions) && actions.TryGetValue(tier, out var action))
        {
            return action;
        }
        return UnknownCountry.GetValueOrDefault(tier);
    }

    /// <summary>Whether the release has its own actions for a country (its default country, or one an overlay added).</summary>
    public bool Knows(string? country) => country is not null && !IsEmpty && _byCountry.ContainsKey(country);

    /// <summary>Every country the actions know (ISO 3166 alpha-2), upper case.</summary>
    public IReadOnlyCollection<string> Countries => IsEmpty ? [] : _byCountry.Keys;

    /// <summary>The id (in sources.yaml) of the official page a country's actions come from; null when none is named.</summary>
    public string? SourceFor(string country) => _sources.GetValueOrDefault(country);

    /// <summary>The action for a tier in the release's own country.</summary>
    public TierAction? ForDefaultCountry(TriageLevel tier) => For(tier, Country);

    /// <summary>
    /// A copy with actions for another country (a locale overlay): each tier it names replaces the release's default
    /// for that country; tiers it leaves out keep the release's default wording.
    /// </summary>
    public ReleaseActions WithCountry(string country, IReadOnlyDictionary<TriageLevel, TierAction> overrides)
    {
        var copy = Copy();
        var merged = new Dictionary<TriageLevel, TierAction>(_byCountry.GetValueOrDefault(country) ?? Defaults);
        foreach (var (tier, action) in overrides)
        {
            merged[tier] = action;
        }
        copy._byCountry[country] = merged;
        return copy;
    }

    /// <summary>A copy that also knows the given countries (release.yaml's <c>countries:</c>), each with its source.</summary>
    internal ReleaseActions WithCountries(IEnumerable<(string Country, IReadOnlyDictionary<TriageLevel, TierAction> Actions, string? Source)> countries)
    {
        var copy = Copy();
        foreach (var (country, actions, source) in countries)
        {
            copy._byCountry[country] = actions;
            if (source is not null)
            {
                copy._sources[country] = source;
            }
        }
        return copy;
    }

    /// <summary>A copy whose default country names its source.</summary>
    internal ReleaseActions WithDefaultSource(string? source)
    {
        var copy = Copy();
        if (source is not null && Country.Length > 0)
        {
            copy._sources[Country] = source;
        }
        return copy;
    }

    /// <summary>
    /// These actions, with every country they do not know borrowed from <paramref name="newer"/> (a newer release's
    /// edition). Countries these actions know keep their own wording; with no actions at all, the newer ones are taken
    /// whole (their "country unknown" wording too).
    /// </summary>
    public ReleaseActions Borrowing(ReleaseActions newer)
    {
        if (newer.IsEmpty)
        {
            return this;
        }
        var copy = IsEmpty ? newer.Copy() : Copy();
        foreach (var (country, actions) in newer._byCountry)
        {
            if (copy._byCountry.TryAdd(country, actions) && newer._sources.TryGetValue(country, out var source))
            {
                copy._sources[country] = source;
            }
        }
        return copy;
    }

    private ReleaseActions Copy()
    {
        var copy = new ReleaseActions(Country, Defaults, UnknownCountry);
        foreach (var (key, value) in _byCountry)
        {
            copy._byCountry[key] = value;
        }
        foreach (var (key, value) in _sources)
        {
            copy._sources[key] = value;
        }
        return copy;
    }
}
