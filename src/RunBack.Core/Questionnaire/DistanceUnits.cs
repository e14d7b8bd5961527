using System.Collections.Concurrent;
using System.Globalization;

namespace RunBack.Core.Questionnaire;

/// <summary>
/// The distance unit a self-check starts with: miles where the culture's country does not use the metric system
/// (en-US), kilometres elsewhere (en-GB). Only a starting point: the runner's own choice is an answer like any other.
/// </summary>
public static class DistanceUnits
{
    public const string Kilometres = "km";
    public const string Miles = "miles";

    /// <summary>
    /// Each culture's unit, worked out once: <see cref="RegionInfo"/>'s constructor looks the region up in ICU under a
    /// process-wide lock, and every history view, quick check-in and self-check asks (a dotnet-trace of /history under
    /// load found requests queued on that lock). Two cultures in practice, so the cache stays tiny.
    /// </summary>
    private static readonly ConcurrentDictionary<string, string> ByCulture = new(StringComparer.Ordinal);

    public static string DefaultFor(CultureInfo culture) =>
        culture.IsNeutralCulture || culture.Name.Length == 0 ? Kilometres
            : ByCulture.GetOrAdd(culture.Name, static name => new RegionInfo(name).IsMetric ? Kilometres : Miles);

    /// <summary>
    /// The answers with the culture's unit chosen for every unit question (one a number's <c>unit_from</c> names, with
    /// options km and miles) that has no answer yet. A unit already answered is left as it is.
    /// </summary>
    public static AnswerSet WithDefaultUnit(AnswerSet answers, QuestionnaireDefinition questionnaire, CultureInfo culture)
    {
        var unit = DefaultFor(culture);
        foreach (var id in questionnaire.Questions.Select(q => q.UnitFrom).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (questionnaire.Find(id) is { } question && question.FindOption(Kilometres) is not null
                && question.FindOption(Miles) is not null && answers.Get(id).IsNone)
            {
                answers = answers.Set(id, AnswerValue.Of(unit));
            }
        }
        return answers;
    }
}
