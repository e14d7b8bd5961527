using RunBack.Core.History;
using RunBack.Core.Questionnaire;
using RunBack.Web.Features.CheckIns;

namespace RunBack.Web.Features.QuickCheckIn;

/// <summary>
/// The shoes' distance on the quick check-in (issue 26 item 14): the running total counted from the check-ins since the
/// runner gave it, and "New shoes since last time?", which starts the count again at 0 or at the distance they give.
/// </summary>
public sealed partial record QuickStart
{
    /// <summary>The release's shoe-distance question, when it has one.</summary>
    public Question? ShoeQuestion => Release.Questionnaire.Find(TrainingLog.ShoeQuestionId);

    /// <summary>The running total before this check-in, or null when the runner never gave their shoes' distance.</summary>
    public ShoeCount? Shoes => ShoeCounter.Count(History.Select(c => c.Row()));

    /// <summary>The running total with this check-in's last 7 days added (reported on <paramref name="date"/>).</summary>
    public ShoeCount? ShoesWith(DateOnly date, double distance) =>
        ShoeCounter.Count(History.Select(c => c.Row()).Append(new HistoryRow(Guid.Empty,
            new DateTimeOffset(date.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero), date, DateTimeOffset.MaxValue, 0, [],
            new HistoryFacts(distance, null, null, null, Miles ? TrainingLog.Miles : DistanceUnits.Kilometres, null, null), false)));

    public Question NewShoesQuestion => new()
    {
        Id = QuickFields.NewShoes,
        Kind = QuestionKind.YesNo,
        Prompt = "New shoes since last time?",
        Label = "New shoes since last time",
        Help = "Choose Yes if you run in a different pair now: the count starts again.",
        Required = false,
        SectionId = "quick",
    };

    public Question NewShoesDistanceQuestion => new()
    {
        Id = QuickFields.NewShoesDistance,
        Kind = QuestionKind.Number,
        Prompt = "If they are not new out of the box: roughly how far have they gone?",
        Label = "Distance on the new shoes",
        Help = "Leave it empty for new shoes.",
        Required = false,
        SectionId = "quick",
        Min = 0,
        Max = ShoeQuestion?.Max ?? 10000,
        Step = 1,
        Unit = Miles ? "miles" : "km",
    };
}
