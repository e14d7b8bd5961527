using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace RunBack.Core.Content;

/// <summary>The parts of the locale overlay that the quick check-in's overlay (content/checkin/locales) uses too.</summary>
internal static partial class LocaleOverlay
{
    /// <summary>The region of a specific culture name (en-US: US); null for a neutral or unknown name.</summary>
    public static string? RegionOf(string cultureName)
    {
        if (string.IsNullOrWhiteSpace(cultureName))
        {
            return null;
        }
        try
        {
            var culture = CultureInfo.GetCultureInfo(cultureName, predefinedOnly: true);
            return culture.IsNeutralCulture || culture.Name.Length == 0 ? null : new RegionInfo(culture.Name).TwoLetterISORegionName;
        }
        catch (ArgumentException)
        {
            // CultureNotFoundException is an ArgumentException; so is a culture with no region.
            return null;
        }
    }

    /// <summary>
    /// The <c>options: { &lt;option id&gt;: &lt;label&gt; }</c> of a reworded question; an option id the question does not have,
    /// or a label that is not text, is reported at its line. Shared with the quick check-in's overlay.
    /// </summary>
    public static Dictionary<string, string> OptionLabels(YamlReader r, YamlMappingNode question, string questionId, Func<string, bool> exists)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (r.Map(question, "options", required: false) is not { } optionMap)
        {
            return labels;
        }
        foreach (var (optionNode, labelNode) in optionMap.Children)
        {
            var optionId = (optionNode as YamlScalarNode)?.Value ?? "";
            if (!exists(optionId))
            {
                r.Problem(optionNode, $"question '{questionId}' has no option '{optionId}'");
            }
            else if (labelNode is YamlScalarNode { Value: { Length: > 0 } label } && !string.IsNullOrWhiteSpace(label))
            {
                labels[optionId] = label.Trim();
            }
            else
            {
                r.Problem(labelNode, $"option '{optionId}' of '{questionId}' needs its label as text");
            }
        }
        return labels;
    }
}
