using System.Text.RegularExpressions;

namespace RunBack.Web.Tests;

/// <summary>
/// The shape of the code, read from the source: dependencies run one way (Core ← Common/Data/shared components ←
/// features ← hosting) and features do not depend on each other in a circle.
/// </summary>
public sealed partial class LayoutTests
{
    private static readonly string Web = Path.Combine(RepoPaths.Root, "src", "RunBack.Web");

    [GeneratedRegex(@"RunBack\.Web\.(Hosting|Features(?:\.(\w+))?)\b")]
    private static partial Regex WebNamespace();

    private static IEnumerable<(string Path, string Text)> Sources(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Web, folder), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(Web, f), File.ReadAllText(f)));

    [Theory]
    [InlineData("Common")]
    [InlineData("Data")]
    [InlineData("Components/Shared")]
    [InlineData("Components/Layout")]
    public void LowerLayers_NameNoFeatureAndNoHosting(string folder)
    {
        var offenders = Sources(folder).Where(s => WebNamespace().IsMatch(s.Text)).Select(s => s.Path).ToList();
        Assert.True(offenders.Count == 0, "These files reach up into features or hosting: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Features_NeverReachIntoHosting()
    {
        var offenders = Sources("Features").Where(s => WebNamespace().Matches(s.Text).Any(m => m.Groups[1].Value == "Hosting")).Select(s => s.Path).ToList();
        Assert.True(offenders.Count == 0, "These feature files use hosting: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Features_DependOnEachOtherWithoutACircle()
    {
        var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var feature in Directory.EnumerateDirectories(Path.Combine(Web, "Features")).Select(Path.GetFileName))
        {
            edges[feature!] = Sources(Path.Combine("Features", feature!))
                .SelectMany(s => WebNamespace().Matches(s.Text))
                .Select(m => m.Groups[2].Value)
                .Where(other => other.Length > 0 && other != feature)
                .ToHashSet(StringComparer.Ordinal);
        }
        Assert.True(edges.Count >= 5, "The feature folders were not found.");

        // Peel off features that depend on nothing left; whatever remains is a circle.
        var remaining = new HashSet<string>(edges.Keys, StringComparer.Ordinal);
        while (remaining.RemoveWhere(f => !edges[f].Overlaps(remaining)) > 0)
        {
        }
        Assert.True(remaining.Count == 0, "These features depend on each other in a circle: " +
            string.Join("; ", remaining.Select(f => $"{f} → {string.Join(", ", edges[f].Intersect(remaining))}")));
    }

    [GeneratedRegex(@"Request\.Cookies|\bCookies\s*\[|Cookies\.(ContainsKey|TryGetValue)")]
    private static partial Regex CookieRead();

    [GeneratedRegex(@"SecretHash\s*==|\bFindAsync\(\s*(context|HttpContext)\s*\)")]
    private static partial Regex ProfileLookup();

    /// <summary>
    /// The profile is an identity: only the profile authentication scheme reads the device cookie and looks the device
    /// key up; every endpoint, page, rate limit and cache rule reads the principal it made (Common/ProfileIdentity).
    /// </summary>
    [Fact]
    public void OnlyTheProfileScheme_ReadsTheProfileCookie_OrLooksAProfileUp()
    {
        var scheme = Path.Combine("Features", "Profiles", "ProfileAuthentication.cs");
        var sources = Sources(".").ToList();
        Assert.Contains(sources, s => s.Path == scheme && CookieRead().IsMatch(s.Text) && ProfileLookup().IsMatch(s.Text));
        var offenders = sources.Where(s => s.Path != scheme)
            .Where(s => (s.Text.Contains("ProfileCookie", StringComparison.Ordinal) && CookieRead().IsMatch(s.Text)) || ProfileLookup().IsMatch(s.Text))
            .Select(s => s.Path).ToList();
        Assert.True(offenders.Count == 0, "These files read the profile cookie or look a profile up outside the profile authentication scheme: "
            + string.Join(", ", offenders));
    }

    [GeneratedRegex(@"\b(HttpRequest|IFormCollection)\b|Request\.(Form|Body)\b")]
    private static partial Regex ReadsARequest();

    [GeneratedRegex(@"AnswerParser\.(FromJson|TryParseNumber)\s*\(|JsonDocument\.Parse")]
    private static partial Regex ParsesAnswers();

    /// <summary>
    /// One answer intake: no file that reads a request (a body, a form) parses answers itself, and no file but the intake
    /// applies the day rule; the API, the save form, the summary draft and the quick check-in all go through AnswerIntake.
    /// </summary>
    [Fact]
    public void OnlyTheIntake_ParsesPostedAnswers_OrAppliesTheDateRule()
    {
        var intake = Path.Combine("Features", "Assessments", "AnswerIntake");
        var service = Path.Combine("Features", "Assessments", "AssessmentService.cs");
        var sources = Sources(".").ToList();
        Assert.Contains(sources, s => s.Path.StartsWith(intake, StringComparison.Ordinal) && ParsesAnswers().IsMatch(s.Text));
        var parsers = sources.Where(s => !s.Path.StartsWith(intake, StringComparison.Ordinal))
            .Where(s => ReadsARequest().IsMatch(s.Text) && ParsesAnswers().IsMatch(s.Text)).Select(s => s.Path).ToList();
        Assert.True(parsers.Count == 0, "These files read a request and parse answers outside the intake (AnswerIntake): " + string.Join(", ", parsers));
        var dateRules = sources.Where(s => !s.Path.StartsWith(intake, StringComparison.Ordinal) && s.Path != service)
            .Where(s => s.Text.Contains(".DateProblem(", StringComparison.Ordinal)).Select(s => s.Path).ToList();
        Assert.True(dateRules.Count == 0, "These files apply the day rule outside the intake (AnswerIntake.ReadDate): " + string.Join(", ", dateRules));
    }

    [Fact]
    public void NoSourceFile_IsOver250Lines()
    {
        var src = Path.Combine(RepoPaths.Root, "src");
        string[] kinds = [".cs", ".razor", ".css", ".js"];
        var skipped = new[] { "/bin/", "/obj/", "/Migrations/", "/wwwroot/lib/", "/node_modules/" };
        var files = Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => kinds.Contains(Path.GetExtension(f), StringComparer.Ordinal))
            .Where(f => !skipped.Any(s => f.Replace('\\', '/').Contains(s, StringComparison.Ordinal)))
            .ToList();
        Assert.True(files.Count > 50, "The source files were not found.");
        var tooLong = files.Select(f => (Path.GetRelativePath(src, f), File.ReadLines(f).Count())).Where(f => f.Item2 > 250).ToList();
        Assert.True(tooLong.Count == 0, "Over 250 lines: " + string.Join(", ", tooLong.Select(f => $"{f.Item1} ({f.Item2})")));
    }

    [Fact]
    public void Core_HasNoWebDatabaseOrBlazorDependency()
    {
        var core = Path.Combine(RepoPaths.Root, "src", "RunBack.Core");
        var project = File.ReadAllText(Path.Combine(core, "RunBack.Core.csproj"));
        Assert.DoesNotContain("Microsoft.AspNetCore", project, StringComparison.Ordinal);
        Assert.DoesNotContain("EntityFrameworkCore", project, StringComparison.Ordinal);
        Assert.DoesNotContain("Sdk.Web", project, StringComparison.Ordinal);
        var offenders = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"\b(Microsoft\.AspNetCore|Microsoft\.EntityFrameworkCore|RunBack\.Web\.\w)"))
            .ToList();
        Assert.Empty(offenders);
    }
}
