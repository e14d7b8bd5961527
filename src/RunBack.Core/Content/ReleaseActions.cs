using RunBack.Core.Rules;

namespace RunBack.Core.Content;

/// <summary>
/// What a runner is told to do first for a triage tier: a short label for the main button, an optional phone number
/// for a <c>tel:</c> link and a sentence. Content, not code: the wording and numbers come from release.yaml.
/// </summary>
public sealed record TierAction(string Label, string? Phone, string Text, SourceLocation Location);

/// <summary>
/// The actions of a release, per tier: the defaults for the country the release is written for (e.g. GB: 999, A&amp;E,
/// NHS 111) and the wording for a runner whose country is unknown ("your local emergency number"). A locale overlay can
/// later replace single actions for another country with <see cref="WithCountry"/>, leaving the rest as they are.
/// </summary>
public sealed class ReleaseActions
{
    private readonly Dictionary<string, IReadOnlyDictionary<TriageLevel, TierAction>> _byCountry;

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

    /// <summary>The action for a tier in the release's own country.</summary>
    public TierAction? ForDefaultCountry(TriageLevel tier) => For(tier, Country);

    /// <summary>
    /// A copy with actions for another country (a locale overlay): each tier it names replaces the release's default
    /// for that country; tiers it leaves out keep the release's default wording.
    /// </summary>
    public ReleaseActions WithCountry(string country, IReadOnlyDictionary<TriageLevel, TierAction> overrides)
    {
        var copy = new ReleaseActions(Country, Defaults, UnknownCountry);
        foreach (var (key, value) in _byCountry)
        {
            copy._byCountry[key] = value;
        }
        var merged = new Dictionary<TriageLevel, TierAction>(Defaults);
        foreach (var (tier, action) in overrides)
        {
            merged[tier] = action;
        }
        copy._byCountry[country] = merged;
        return copy;
    }
}
