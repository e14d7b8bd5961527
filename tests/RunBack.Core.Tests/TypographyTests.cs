using System.Text.RegularExpressions;
using RunBack.Core.History;
using RunBack.Core.Rules;

namespace RunBack.Core.Tests;

/// <summary>
/// Issue 26 item 5: numbers stay on the line with their units ("20 %", "36 km", "950 km"), joined by a no-break space
/// in everything the rules and the history write, and in the content's own text (reasons, cards, articles).
/// </summary>
public partial class TypographyTests
{
    [GeneratedRegex(@"\d (%|km|miles)(?![\p{L}])")]
    private static partial Regex NumberSpaceUnit();

    [Theory]
    [InlineData("add no more than 10 % a week", "add no more than 10\u00A0% a week")]
    [InlineData("between 300 and 500 miles (480 to 800 km)", "between 300 and 500\u00A0miles (480 to 800\u00A0km)")]
    [InlineData("the first 48 hours, 3 days, 2 weeks", "the first 48\u00A0hours, 3\u00A0days, 2\u00A0weeks")]
    [InlineData("5 kmh and 3 milestones, 10 dayspring", "5 kmh and 3 milestones, 10 dayspring")]
    [InlineData("No number here", "No number here")]
    public void KeepUnits_JoinsANumberToTheUnitAfterIt_Only(string text, string expected) =>
        Assert.Equal(expected, Typography.KeepUnits(text));

    [Fact]
    public void RulesText_ForTheIssuesRunner_NeverBreaksANumberFromItsUnit()
    {
        var persona = Personas.HipPattern();
        persona["shoe_distance"] = 950;
        persona["shoe_worn"] = true;
        persona["distance_week_2"] = 30;
        persona["distance_week_1"] = 36;
        var a = RulesEngine.Evaluate(AnswersBuilder.Release, AnswersBuilder.FromPersona(persona), AnswersBuilder.Today);

        var texts = a.Guidance.SelectMany(g => g.Reasons.Concat(g.Evidence.Select(e => e.Answer)).Append(g.Item.Summary))
            .Concat(a.Factors.SelectMany(f => f.Evidence.Select(e => e.Answer)))
            .Concat(a.Computed.Select(c => c.Display)).ToList();

        Assert.Contains(texts, t => t.Contains("950\u00A0km", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("20\u00A0% (from 30\u00A0km to 36\u00A0km)", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("10\u00A0% a week", StringComparison.Ordinal));
        Assert.All(texts, t => Assert.False(NumberSpaceUnit().IsMatch(t), $"A number split from its unit: \"{t}\""));
    }

    [Fact]
    public void HistoryText_DistancesKeepTheirUnits_PegChangesAreWholePercent()
    {
        Assert.Equal("36\u00A0km", TrainingLog.Format(36, miles: false));
        Assert.Equal("22.4\u00A0miles", TrainingLog.Format(36, miles: true));
        var change = new PegChange(PegScore.From(6, 6, 6)!.Value, PegScore.From(4, 4, 4)!.Value, -33.3, Meaningful: true);
        Assert.Equal((true, 33), (change.Better, change.WholePercent));
    }
}
