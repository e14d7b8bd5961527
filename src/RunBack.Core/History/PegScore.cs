using System.Globalization;
using System.Text.Json;
using RunBack.Core.Questionnaire;

namespace RunBack.Core.History;

/// <summary>
/// The PEG score (Krebs et al. 2009, J Gen Intern Med 24(6):733–738): three 0–10 questions (average pain in the past
/// week, how pain has interfered with enjoyment of life, with general activity); the score is their mean. Kept as the
/// total of the three (0–30) so a change is judged exactly, and shown as the mean to one decimal.
/// </summary>
public readonly record struct PegScore(double Total)
{
    public const string PainId = "peg_pain";
    public const string EnjoymentId = "peg_enjoyment";
    public const string ActivityId = "peg_activity";

    /// <summary>The release's question ids of the three items, in the instrument's order.</summary>
    public static readonly IReadOnlyList<string> QuestionIds = [PainId, EnjoymentId, ActivityId];

    /// <summary>A change of this much or more against the earlier score is meaningful (Krebs et al. 2009).</summary>
    public const double MeaningfulChangePercent = 30;

    /// <summary>The score: the mean of the three items, to one decimal.</summary>
    public double Value => Math.Round(Total / 3, 1, MidpointRounding.AwayFromZero);

    /// <summary>"4.3" in the runner's culture.</summary>
    public string Display => Value.ToString("0.0", CultureInfo.CurrentCulture);

    /// <summary>The score of three answers; null when any item is missing or outside 0–10 (no score is better than a wrong one).</summary>
    public static PegScore? From(double? pain, double? enjoyment, double? activity) =>
        pain is { } p && enjoyment is { } e && activity is { } a && InRange(p) && InRange(e) && InRange(a)
            ? new PegScore(p + e + a)
            : null;

    /// <summary>The score of an answer set; null when it does not answer all three PEG questions.</summary>
    public static PegScore? From(AnswerSet answers)
    {
        double? Item(string id) => answers.Get(id) is { Kind: AnswerValueKind.Number } value ? value.Number : null;
        return From(Item(PainId), Item(EnjoymentId), Item(ActivityId));
    }

    /// <summary>
    /// The score of a saved check-in's answers (the stored JSON object); null for a check-in without all three, such as
    /// one saved under a release before 2027.2.0, or one whose JSON cannot be read.
    /// </summary>
    public static PegScore? FromAnswersJson(string answersJson)
    {
        try
        {
            using var document = JsonDocument.Parse(answersJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            double? Item(string id) =>
                document.RootElement.TryGetProperty(id, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
            return From(Item(PainId), Item(EnjoymentId), Item(ActivityId));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The change from an earlier score, or null when the earlier score is 0 (no percentage can be taken of nothing).</summary>
    public PegChange? ChangeFrom(PegScore earlier)
    {
        if (earlier.Total <= 0)
        {
            return null;
        }
        var percent = (Total - earlier.Total) / earlier.Total * 100;
        // Judged on the totals, not the rounded means: 6.7 to 4.7 is 20 to 14, exactly 30 %.
        return new PegChange(earlier, this, percent, Math.Abs(percent) >= MeaningfulChangePercent - 1e-9);
    }

    /// <summary>
    /// Each score of a series with its change from the score before it (the earlier check-in that has one); check-ins
    /// without a score are skipped, never counted as 0.
    /// </summary>
    public static IReadOnlyList<PegPoint> Series(IEnumerable<(DateTimeOffset At, PegScore? Score)> checkIns)
    {
        var points = new List<PegPoint>();
        foreach (var (at, score) in checkIns.OrderBy(c => c.At))
        {
            if (score is { } s)
            {
                points.Add(new PegPoint(at, s, points.Count == 0 ? null : s.ChangeFrom(points[^1].Score)));
            }
        }
        return points;
    }

    private static bool InRange(double item) => item is >= 0 and <= 10;
}

/// <summary>A change between two PEG scores; meaningful at 30 % or more either way.</summary>
public sealed record PegChange(PegScore Earlier, PegScore Later, double Percent, bool Meaningful)
{
    public bool Better => Percent < 0;

    /// <summary>The size of the change in whole percent, either way (33 for −33.3 %); 0 is shown as no change.</summary>
    public int WholePercent => (int)Math.Round(Math.Abs(Percent), MidpointRounding.AwayFromZero);
}

/// <summary>One check-in's PEG score and its change from the score before it (null for the first, or after a 0).</summary>
public sealed record PegPoint(DateTimeOffset At, PegScore Score, PegChange? Change);
