using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using RunBack.Core.Content;
using RunBack.Core.Questionnaire;
using RunBack.Core.Rules;
using RunBack.Web.Components;
using RunBack.Web.Features.Assessments;
using RunBack.Web.Tests.Features;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests;

/// <summary>
/// Page chrome comes from Resources/Wording.resx through IStringLocalizer&lt;Wording&gt;, which answers a missing key with
/// the key itself instead of failing. So every key the code asks for must exist in Wording.resx: a literal key is read
/// from the source; a key built at run time is allowed only in the few named builders, which are run for every value.
/// (That Wording.en-US.resx only rewords keys the default has: EditionTests.UsWording_OnlyRewordsKeysTheUkWordingHas.)
/// </summary>
public sealed partial class WordingKeyTests
{
    private static readonly string Web = Path.Combine(RepoPaths.Root, "src", "RunBack.Web");

    /// <summary>The files that build a key at run time, each run for all its values in <see cref="BuiltKeys_AllExist"/>.</summary>
    private static readonly string[] KeyBuilders =
    [
        "Components/TriageWording.cs", "Components/HipWording.cs", "Components/Layout/EditionSwitch.razor", "Components/Layout/EditionConfirm.razor",
        "Features/Assessments/AnswerWording.cs",
    ];

    [GeneratedRegex(@"\b[Ww]ords\[(?<literal>""(?<key>[^""]*)""(?=\s*[\],]))?")]
    private static partial Regex KeyUse();

    internal static HashSet<string> ResxKeys(string file) =>
    [
        .. System.Xml.Linq.XDocument.Load(Path.Combine(Web, "Resources", file)).Root!.Elements("data").Select(e => e.Attribute("name")!.Value),
    ];

    private static IEnumerable<(string Path, Match Use)> Uses() =>
        Directory.EnumerateFiles(Web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => (Path.GetRelativePath(Web, f).Replace('\\', '/'), m)));

    [Fact]
    public void LiteralKeys_AllExistInTheDefaultWording()
    {
        var keys = ResxKeys("Wording.resx");
        var uses = Uses().Where(u => u.Use.Groups["literal"].Success).ToList();
        var missing = uses.Where(u => !keys.Contains(u.Use.Groups["key"].Value)).Select(u => $"{u.Path}: {u.Use.Groups["key"].Value}").ToList();

        Assert.True(uses.Count > 10, $"Only {uses.Count} uses of the wording found: has the localizer been renamed?");
        Assert.True(missing.Count == 0, "Keys not in Resources/Wording.resx: " + string.Join(", ", missing));
    }

    [Fact]
    public void KeysBuiltAtRunTime_OnlyInTheNamedBuilders()
    {
        var offenders = Uses().Where(u => !u.Use.Groups["literal"].Success && !KeyBuilders.Contains(u.Path)).Select(u => u.Path).Distinct().ToList();

        Assert.True(offenders.Count == 0, "These files build a wording key at run time; use a literal key, or add a builder here and run it "
            + "in BuiltKeys_AllExist: " + string.Join(", ", offenders));
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("en-US")]
    public void BuiltKeys_AllExist(string culture)
    {
        var words = new Recording();
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            foreach (var level in Enum.GetValues<TriageLevel>())
            {
                TriageWording.For(words, level);
                TriageWording.For(words, level, ReleaseActions.None, null);
            }
            foreach (var component in Enum.GetValues<HipComponent>())
            {
                HipWording.Plain(words, component);
            }
            foreach (var edition in Common.LocalizationOptions.DefaultEditions)
            {
                _ = words["Edition_" + edition];
            }
            foreach (var error in AnswerWordingTests.Messages.Select(row => (AnswerError)row[1]))
            {
                AnswerWording.Say(words, error);
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        Assert.Equal(4 * 3 * 2 + 3 + 2 + AnswerWordingTests.Messages.Count, words.Asked.Count);
        Assert.All(Enum.GetValues<AnswerErrorCode>(), code => Assert.Contains("Answer_" + code, words.Asked));
        Assert.Contains("Answer_NumberRangeUnit", words.Asked);
        Assert.Empty(words.Missing);
    }

    /// <summary>The app's localizer, noting every key asked for and those Wording.resx lacks.</summary>
    private sealed class Recording : IStringLocalizer<Wording>
    {
        public List<string> Asked { get; } = [];

        public List<string> Missing { get; } = [];

        public LocalizedString this[string name]
        {
            get
            {
                var found = TestWording.Localizer[name];
                Asked.Add(name);
                if (found.ResourceNotFound)
                {
                    Missing.Add(name);
                }
                return found;
            }
        }

        public LocalizedString this[string name, params object[] arguments] =>
            new(name, string.Format(CultureInfo.CurrentCulture, this[name].Value, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => TestWording.Localizer.GetAllStrings(includeParentCultures);
    }
}
