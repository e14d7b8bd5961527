using RunBack.Core.Questionnaire;

namespace RunBack.Core.History;

/// <summary>
/// What the history reads of one check-in's answers, taken once when it is saved and stored beside it (issue 22): the
/// four weekly distances and the shoes' distance as answered (in the runner's unit), the unit, and the PEG total when
/// all three PEG items were answered. The history, its chart, the training log and the summary's trend read these,
/// never the answers JSON row by row.
/// </summary>
public sealed record HistoryFacts(double? Week1, double? Week2, double? Week3, double? Week4, string? DistanceUnit, double? ShoeDistance,
    double? PegTotal)
{
    public static readonly HistoryFacts None = new(null, null, null, null, null, null, null);

    /// <summary>The facts of a set of answers (a number answer only: anything else is no answer).</summary>
    public static HistoryFacts From(AnswerSet answers)
    {
        double? Number(string id) => answers.Get(id) is { Kind: AnswerValueKind.Number } value ? value.Number : null;
        var weeks = TrainingLog.WeekQuestionIds;
        return new HistoryFacts(Number(weeks[0]), Number(weeks[1]), Number(weeks[2]), Number(weeks[3]),
            answers.Get(TrainingLog.UnitQuestionId).Text, Number(TrainingLog.ShoeQuestionId), PegScore.From(answers)?.Total);
    }

    /// <summary>The weekly distances, last week first (index 0 is <c>distance_week_1</c>).</summary>
    public IReadOnlyList<double?> Weeks => [Week1, Week2, Week3, Week4];

    public bool Miles => DistanceUnit == TrainingLog.Miles;

    /// <summary>The PEG score, when all three items were answered (never 0 for a missing one).</summary>
    public PegScore? Peg => PegTotal is { } total ? new PegScore(total) : null;
}
