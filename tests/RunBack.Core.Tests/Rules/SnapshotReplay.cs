using System.Globalization;
using System.Reflection;
using RunBack.Core.Content;
using RunBack.Core.Questionnaire;
using RunBack.Core.Rules;

namespace RunBack.Core.Tests.Rules;

/// <summary>
/// Replays every persona (tests/Shared/Personas.cs, every public method) and every saved fixture (Snapshots/fixtures/*.json:
/// {"date": "yyyy-MM-dd", "answers": {...}}) under every published release (read from releases.lock) and compares the result
/// with the golden snapshot checked in under Snapshots/&lt;release&gt;/&lt;case&gt;.json.
/// </summary>
internal static class SnapshotReplay
{
    public const string AcceptVariable = "RUNBACK_ACCEPT_SNAPSHOTS";

    public const string Regenerate = $"{AcceptVariable}=1 dotnet test tests/RunBack.Core.Tests --filter FullyQualifiedName~SnapshotReplayTests";

    /// <summary>The day every case is assessed on (the personas' dates count back from it).</summary>
    public static readonly DateOnly Day = AnswersBuilder.Today;

    public static string GoldenRoot => Path.Combine(RepoPaths.Root, "tests", "RunBack.Core.Tests", "Snapshots");

    /// <summary>The cases: name → the answers as stored JSON (so a fixture and a persona are read the same way) and the day.</summary>
    public static IEnumerable<(string Name, string AnswersJson, DateOnly Day)> Cases(string goldenRoot)
    {
        foreach (var method in typeof(Personas).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(Dictionary<string, object>) && m.GetParameters().Length == 0).OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            var persona = (Dictionary<string, object>)method.Invoke(null, null)!;
            yield return ("persona-" + method.Name, AnswerParser.ToJson(AnswersBuilder.FromPersona(persona)), Day);
        }
        var fixtures = Path.Combine(goldenRoot, "fixtures");
        foreach (var file in Directory.Exists(fixtures) ? Directory.EnumerateFiles(fixtures, "*.json").Order(StringComparer.Ordinal).ToList() : [])
        {
            using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
            var day = DateOnly.ParseExact(document.RootElement.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            yield return ("fixture-" + Path.GetFileNameWithoutExtension(file), document.RootElement.GetProperty("answers").GetRawText(), day);
        }
    }

    /// <summary>The snapshot of one case under one release (in the release's own edition, en-GB numbers and dates).</summary>
    public static string Replay(ContentRelease release, string answersJson, DateOnly day)
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-GB");
        try
        {
            var (answers, _) = AnswerParser.FromJson(answersJson, release.Questionnaire);
            return ResultSnapshot.From(release, RulesEngine.Evaluate(release, answers.WithoutHidden(release.Questionnaire), day)).ToJson();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    /// <summary>
    /// Every difference between replay and goldens, in words that say what to do. With <paramref name="accept"/> missing
    /// goldens (a new release or case) and goldens of an older engine version are written; a golden that differs under
    /// the same engine version is never overwritten: that change must be made deliberate by bumping the version first.
    /// </summary>
    public static IReadOnlyList<string> Check(string contentRoot, string goldenRoot, bool accept)
    {
        var problems = new List<ContentProblem>();
        var published = ReleaseLock.Read(contentRoot, problems).Keys.Order(StringComparer.Ordinal).ToList();
        var store = ContentStore.Load(contentRoot);
        var result = new List<string>();
        if (published.Count == 0)
        {
            result.Add("No published release was found in releases.lock.");
        }
        var cases = Cases(goldenRoot).ToList();
        foreach (var releaseId in published)
        {
            var release = store.Find(releaseId);
            if (release is null)
            {
                result.Add($"Release {releaseId} is in releases.lock but could not be loaded.");
                continue;
            }
            var folder = Path.Combine(goldenRoot, releaseId);
            if (!Directory.Exists(folder) && !accept)
            {
                result.Add($"Release {releaseId} is published but has no golden snapshots (Snapshots/{releaseId}/). Make them with: {Regenerate}");
                continue;
            }
            Directory.CreateDirectory(folder);
            foreach (var (name, answersJson, day) in cases)
            {
                var replayed = Replay(release, answersJson, day);
                var path = Path.Combine(folder, name + ".json");
                var golden = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
                var goldenEngine = ResultSnapshot.FromJson(golden)?.Engine;
                if (golden == replayed)
                {
                    continue;
                }
                if (golden is not null && goldenEngine == RulesEngine.Version)
                {
                    result.Add($"{name} under {releaseId}: the replay differs from the golden snapshot and RulesEngine.Version ({RulesEngine.Version}) " +
                        $"did not change, so what runners were told would change silently. If the change is deliberate, bump RulesEngine.Version " +
                        $"and regenerate with: {Regenerate}. Golden:\n{golden}\nReplay:\n{replayed}");
                }
                else if (accept)
                {
                    File.WriteAllText(path, replayed);
                }
                else
                {
                    result.Add(golden is null
                        ? $"{name} under {releaseId}: no golden snapshot. Make it with: {Regenerate}"
                        : $"{name} under {releaseId}: the golden was made by engine version {goldenEngine}, the engine is now {RulesEngine.Version}. Regenerate with: {Regenerate}");
                }
            }
        }
        return result;
    }
}
