using RunBack.Core.Rules;
using YamlDotNet.RepresentationModel;

namespace RunBack.Core.Content;

/// <summary>Reads the <c>actions:</c> block of release.yaml into <see cref="ReleaseActions"/>, reporting file and line.</summary>
internal static class ActionsParser
{
    public const string Key = "actions";
    private const string UnknownCountryKey = "unknown_country";
    private const string CountriesKey = "countries";

    /// <summary>The tiers that must say what to do first: the two that send a runner for help today.</summary>
    private static readonly TriageLevel[] RequiredTiers = [TriageLevel.Emergency, TriageLevel.Urgent];

    public static ReleaseActions Parse(YamlReader r, YamlMappingNode root, IReadOnlyDictionary<string, TriageLevel> tiers)
    {
        if (YamlReader.Node(root, Key) is not { } node)
        {
            return ReleaseActions.None;
        }
        if (node is not YamlMappingNode map)
        {
            r.Problem(node, $"'{Key}' must be a mapping of 'country', tiers and '{UnknownCountryKey}'");
            return ReleaseActions.None;
        }
        r.AllowKeys(map, ["country", "source", UnknownCountryKey, CountriesKey, .. tiers.Keys]);
        var country = r.Text(map, "country");
        if (country is not null && !IsCountryCode(country))
        {
            r.Problem(YamlReader.Node(map, "country")!, $"'country' is a two-letter country code such as GB, not '{country}'");
        }
        var defaults = ParseTiers(r, map, tiers);
        var unknownMap = r.Map(map, UnknownCountryKey);
        var unknown = unknownMap is null ? new Dictionary<TriageLevel, TierAction>() : ParseTiers(r, unknownMap, tiers);
        if (unknownMap is not null)
        {
            r.AllowKeys(unknownMap, [.. tiers.Keys]);
            foreach (var action in unknown.Values)
            {
                if (action.Phone is not null)
                {
                    r.Problem(action.Location, $"'{UnknownCountryKey}' cannot give a phone number: the runner's country, and so the number, is unknown");
                }
            }
        }
        CheckRequired(r, map, defaults, tiers, Key);
        if (unknownMap is not null)
        {
            CheckRequired(r, unknownMap, unknown, tiers, $"{Key}.{UnknownCountryKey}");
        }
        var others = ParseCountries(r, map, tiers, country);
        return new ReleaseActions(country ?? "", defaults, unknown)
            .WithDefaultSource(r.Text(map, "source", required: false))
            .WithCountries(others);
    }

    private static bool IsCountryCode(string code) => code.Length == 2 && code.All(char.IsAsciiLetterUpper);

    /// <summary>
    /// <c>countries:</c> (from 2027.2.0): a list of entries, each with <c>codes</c> (the countries it is for, e.g. [CA] or
    /// the EU's member states), <c>source</c> (the official page in sources.yaml the numbers come from) and its actions.
    /// </summary>
    private static List<(string, IReadOnlyDictionary<TriageLevel, TierAction>, string?)> ParseCountries(YamlReader r,
        YamlMappingNode map, IReadOnlyDictionary<string, TriageLevel> tiers, string? defaultCountry)
    {
        var result = new List<(string, IReadOnlyDictionary<TriageLevel, TierAction>, string?)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (defaultCountry is not null)
        {
            seen.Add(defaultCountry);
        }
        foreach (var entry in r.Maps(map, CountriesKey, required: false))
        {
            r.AllowKeys(entry, ["codes", "source", .. tiers.Keys]);
            var codes = r.TextList(entry, "codes", required: true);
            var source = r.Text(entry, "source");
            var actions = ParseTiers(r, entry, tiers);
            CheckRequired(r, entry, actions, tiers, CountriesKey);
            foreach (var code in codes)
            {
                if (!IsCountryCode(code))
                {
                    r.Problem(entry, $"'codes' holds two-letter country codes such as CA, not '{code}'");
                }
                else if (!seen.Add(code))
                {
                    r.Problem(entry, $"country '{code}' has actions twice");
                }
                else
                {
                    result.Add((code, actions, source));
                }
            }
        }
        return result;
    }

    internal static Dictionary<TriageLevel, TierAction> ParseTiers(YamlReader r, YamlMappingNode map, IReadOnlyDictionary<string, TriageLevel> tiers)
    {
        var result = new Dictionary<TriageLevel, TierAction>();
        foreach (var (name, tier) in tiers)
        {
            if (YamlReader.Node(map, name) is not { } node)
            {
                continue;
            }
            if (node is not YamlMappingNode actionMap)
            {
                r.Problem(node, $"action '{name}' must be a mapping with 'label', 'text' and an optional 'phone'");
                continue;
            }
            r.AllowKeys(actionMap, "label", "phone", "text");
            var label = r.Text(actionMap, "label");
            var text = r.Text(actionMap, "text");
            var phone = r.Text(actionMap, "phone", required: false);
            if (phone is not null && (phone.Length == 0 || !phone.All(c => char.IsAsciiDigit(c) || c == '+')))
            {
                r.Problem(YamlReader.Node(actionMap, "phone")!, $"'phone' holds only digits (and a leading +) for a tel: link, not '{phone}'");
                phone = null;
            }
            if (label is not null && text is not null)
            {
                result[tier] = new TierAction(label, phone, text, r.At(actionMap));
            }
        }
        return result;
    }

    internal static void CheckRequired(YamlReader r, YamlMappingNode map, Dictionary<TriageLevel, TierAction> actions,
        IReadOnlyDictionary<string, TriageLevel> tiers, string where)
    {
        foreach (var tier in RequiredTiers)
        {
            if (!actions.ContainsKey(tier))
            {
                var name = tiers.First(t => t.Value == tier).Key;
                r.Problem(map, $"'{where}' needs an action for '{name}'");
            }
        }
    }
}
