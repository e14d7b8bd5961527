using System.Globalization;
using RunBack.Core.History;
using RunBack.Core.Questionnaire;

namespace RunBack.Core.Tests.History;

/// <summary>PEG-3 (Krebs et al. 2009): the mean of three 0–10 items, one decimal; a change of 30 % or more is meaningful.</summary>
public sealed class PegScoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;

    public PegScoreTests() => CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-GB");

    public void Dispose() => CultureInfo.CurrentCulture = _culture;

    [Theory]
    [InlineData(6, 6, 6, 6.0)]
    [InlineData(1, 2, 2, 1.7)]
    [InlineData(1, 1, 2, 1.3)]
    [InlineData(0, 0, 1, 0.3)]
    [InlineData(0, 0, 0, 0.0)]
    [InlineData(10, 10, 10, 10.0)]
    [InlineData(7, 3, 5, 5.0)]
    public void Score_IsTheMeanOfTheThreeItems_ToOneDecimal(int pain, int enjoyment, int activity, double expected)
    {
        var score = PegScore.From(pain, enjoyment, activity);

        Assert.NotNull(score);
        Assert.Equal(expected, score.Value.Value);
        Assert.Equal(expected.ToString("0.0", CultureInfo.GetCultureInfo("en-GB")), score.Value.Display);
    }

    [Theory]
    [InlineData(null, 5.0, 5.0)]
    [InlineData(5.0, null, 5.0)]
    [InlineData(5.0, 5.0, null)]
    [InlineData(11.0, 5.0, 5.0)]
    [InlineData(-1.0, 5.0, 5.0)]
    public void Score_MissingOrOutOfRangeItem_GivesNoScore(double? pain, double? enjoyment, double? activity) =>
        Assert.Null(PegScore.From(pain, enjoyment, activity));

    [Fact]
    public void Score_FromAnswers_NeedsAllThree_NeverZeroForMissing()
    {
        var two = AnswerSet.Empty.Set(PegScore.PainId, AnswerValue.Of(4)).Set(PegScore.EnjoymentId, AnswerValue.Of(5));

        Assert.Null(PegScore.From(two));
        Assert.Equal(5.0, PegScore.From(two.Set(PegScore.ActivityId, AnswerValue.Of(6)))!.Value.Value);
    }

    [Fact]
    public void Score_FromSavedJson_OlderCheckInWithoutPeg_HasNone()
    {
        Assert.Null(PegScore.FromAnswersJson("""{"back_pain":5,"hip_pain":2}"""));
        Assert.Null(PegScore.FromAnswersJson("""{"peg_pain":5,"peg_enjoyment":2}"""));
        Assert.Null(PegScore.FromAnswersJson("not json"));
        Assert.Equal(3.7, PegScore.FromAnswersJson("""{"back_pain":5,"peg_pain":4,"peg_enjoyment":4,"peg_activity":3}""")!.Value.Value);
    }

    /// <summary>
    /// A history whose answer is known: 6.0, 4.0 (−33 %), 3.7 (−8 %), a check-in without PEG, 5.0 (+36 %), 5.3 (+7 %),
    /// 6.7 (+25 %), 4.7 (−30 % exactly).
    /// </summary>
    [Fact]
    public void Series_MarksChangesOf30PercentOrMore_AgainstTheScoreBefore_SkippingCheckInsWithoutOne()
    {
        (int, int, int)?[] answers = [(6, 6, 6), (4, 4, 4), (4, 4, 3), null, (5, 5, 5), (6, 5, 5), (7, 7, 6), (5, 5, 4)];
        var series = PegScore.Series(answers.Select((a, i) =>
            (Start.AddDays(7 * i), a is var (p, e, x) ? PegScore.From(p, e, x) : null)));

        Assert.Equal([6.0, 4.0, 3.7, 5.0, 5.3, 6.7, 4.7], series.Select(s => s.Score.Value));
        Assert.Null(series[0].Change);
        Assert.Equal([true, false, true, false, false, true], series.Skip(1).Select(s => s.Change!.Meaningful));
        Assert.Equal(-33, Math.Round(series[1].Change!.Percent));
        Assert.Equal((true, 33), (series[1].Change!.Better, series[1].Change!.WholePercent));
        Assert.Equal((false, 36), (series[3].Change!.Better, series[3].Change!.WholePercent));
        // 6.7 to 4.7 rounds to 29.9 % on the shown scores but is 20 to 14 in totals: exactly 30 %, meaningful.
        Assert.Equal(-30, series[6].Change!.Percent, 6);
        Assert.Equal(Start.AddDays(28), series[3].At);
    }

    [Fact]
    public void Change_FromZero_IsNotJudgedAsAPercentage() =>
        Assert.Null(PegScore.From(3, 3, 3)!.Value.ChangeFrom(PegScore.From(0, 0, 0)!.Value));

    [Fact]
    public void Insights_NameTheLatestPegChange_AndSayNothingWithoutPeg()
    {
        PainPoint[] points =
        [
            new(Start, 5, 2) { Peg = PegScore.From(6, 6, 6) },
            new(Start.AddDays(3), 5, 2),
            new(Start.AddDays(7), 4, 2) { Peg = PegScore.From(4, 4, 4) },
        ];

        var insights = PainInsights.Analyse(points, Start.AddDays(8));
        var without = PainInsights.Analyse([.. points.Select(p => p with { Peg = null })], Start.AddDays(8));

        Assert.Equal(2, insights.Peg.Count);
        Assert.Equal((4.0, true), (insights.Peg[^1].Score.Value, insights.Peg[^1].Change!.Meaningful));
        Assert.Empty(without.Peg);
    }

    [Fact]
    public void Insights_SmallPegChange_IsCalledNormalVariation()
    {
        PainPoint[] points = [new(Start, 5, 2) { Peg = PegScore.From(4, 4, 4) }, new(Start.AddDays(7), 5, 2) { Peg = PegScore.From(4, 4, 3) }];

        var change = PainInsights.Analyse(points, Start.AddDays(8)).Peg[^1].Change!;

        Assert.Equal((true, 8, false), (change.Better, change.WholePercent, change.Meaningful));
    }
}
