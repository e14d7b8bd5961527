using RunBack.Core.Content;
using RunBack.Core.Rules;
using RunBack.Core.Tests.Content;

namespace RunBack.Core.Tests.Rules;

/// <summary>
/// Issue 26 item 11: the result's three things to do this week are actions. An explanation (how the hips can load the
/// back) goes with its factor, and shoes well past 300-500 miles (480-800 km) rank as a strong reason. The new
/// behaviour is carried by the content of the draft 2027.4.0 (kind=explanation, the shoes-well-past rule), so older
/// releases keep the results they gave.
/// </summary>
public sealed class TopThreeActionsTests : IDisposable
{
    private const string Draft = "2027.4.0";
    private static readonly Lazy<ContentStore> Drafts = new(() => ContentStore.Load(RepoPaths.Content, includeDrafts: true));
    private readonly ContentFixture _content = new();

    public void Dispose() => _content.Dispose();

    private static ContentRelease Release(string id) => Drafts.Value.Find(id)!;

    /// <summary>The runner: the hip patterns with long sitting, and worn shoes that have covered 950 km.</summary>
    private static Assessment HipsAndWornShoes(string releaseId, int shoeKm = 950)
    {
        var persona = Personas.HipPattern();
        persona["shoe_distance"] = shoeKm;
        persona["shoe_worn"] = true;
        return RulesEngine.Evaluate(Release(releaseId), AnswersBuilder.FromPersona(persona), AnswersBuilder.Today);
    }

    private static string Ids(IEnumerable<SelectedGuidance> items) => string.Join(", ", items.Select(g => g.Item.Id));

    [Fact]
    public void HipExplanationAndShoesAt950Km_TopThreeAreActions_WithShoes()
    {
        var a = HipsAndWornShoes(Draft);

        Assert.Equal(Assessment.TopGuidanceCount, a.TopGuidance.Count);
        Assert.All(a.TopGuidance, g => Assert.Equal(GuidanceKind.Action, g.Item.Kind));
        Assert.Contains(a.TopGuidance, g => g.Item.Id == "shoes-replace");
        Assert.DoesNotContain(a.TopGuidance, g => g.Item.Id == "hip-mechanism");
        Assert.Equal("shoes-replace, hip-flexibility, hip-track-which-leads", Ids(a.TopGuidance));
    }

    [Fact]
    public void HipExplanation_ShownWithItsFactor_NotInTheFoldedThingsToDo()
    {
        var a = HipsAndWornShoes(Draft);

        Assert.Equal("hip-mechanism, sitting-and-hips", Ids(a.ExplanationsFor("sitting_hip_flexors")));
        Assert.Contains(a.Factors, f => f.Id == "sitting_hip_flexors");
        Assert.DoesNotContain(a.MoreGuidance, g => g.IsExplanation);
        Assert.Empty(a.ExplanationsFor("footwear"));
    }

    [Theory]
    [InlineData(950)]
    [InlineData(800)]
    public void ShoesPastTheRange_AStrongReason_RankedFirst(int km)
    {
        var a = HipsAndWornShoes(Draft, km);

        var footwear = Assert.Single(a.Factors, f => f.Id == "footwear");
        Assert.Equal(4, footwear.Strength);
        Assert.Equal("footwear", a.Factors[0].Id);
        Assert.Equal("shoes-replace", a.Guidance[0].Item.Id);
        Assert.Contains("shoes-well-past", a.FiredRuleIds);
        Assert.DoesNotContain("shoes-distance", a.FiredRuleIds);
        var shoes = a.Guidance[0];
        Assert.Contains(shoes.Reasons, r => r.Contains($"covered {km}", StringComparison.Ordinal) && r.Contains("more than the 300 to 500\u00A0miles", StringComparison.Ordinal));
    }

    [Fact]
    public void ShoesInsideTheRange_StayAnOrdinaryReason()
    {
        var a = HipsAndWornShoes(Draft, 600);

        Assert.Equal(3, Assert.Single(a.Factors, f => f.Id == "footwear").Strength);
        Assert.Contains("shoes-distance", a.FiredRuleIds);
        Assert.DoesNotContain("shoes-well-past", a.FiredRuleIds);
    }

    [Fact]
    public void PublishedRelease_KeepsTheThreeItGave()
    {
        // 2027.3.0 marks no explanation: its first three stay the first three ranked, as its replay goldens hold.
        var a = HipsAndWornShoes("2027.3.0");

        Assert.Equal(Ids(a.Guidance.Take(3)), Ids(a.TopGuidance));
        Assert.Equal("hip-mechanism, hip-flexibility, hip-track-which-leads", Ids(a.TopGuidance));
        Assert.All(a.Guidance, g => Assert.False(g.IsExplanation));
    }

    [Fact]
    public void WarningSign_StillLeadsTheThree()
    {
        var persona = Personas.HipPattern();
        persona["shoe_distance"] = 950;
        persona["shoe_worn"] = true;
        persona["recurring"] = true;
        var a = RulesEngine.Evaluate(Release(Draft), AnswersBuilder.FromPersona(persona), AnswersBuilder.Today);

        Assert.Equal(TriageLevel.SeeProfessional, a.Triage);
        Assert.Equal("see-professional", a.TopGuidance[0].Item.Id);
        Assert.True(a.TopGuidance[0].Safety);
        Assert.Equal("see-professional, shoes-replace, hip-flexibility", Ids(a.TopGuidance));
    }

    [Fact]
    public void StoredResult_KeepsTheExplanationWithItsFactor()
    {
        var release = Release(Draft);
        var told = HipsAndWornShoes(Draft);
        var snapshot = ResultSnapshot.From(release, told);

        var shown = StoredResult.Apply(snapshot, release, HipsAndWornShoes(Draft));

        Assert.Equal(Ids(told.TopGuidance), Ids(shown.TopGuidance));
        Assert.Equal("hip-mechanism, sitting-and-hips", Ids(shown.ExplanationsFor("sitting_hip_flexors")));
    }

    [Fact]
    public void ExplanationSelectedByAWarningSign_IsAContentError()
    {
        _content.Replace("articles/safety.md", "{#see-professional}", "{#see-professional kind=explanation}");

        var problems = _content.LoadRelease();

        Assert.Contains(problems, p => p.Message.Contains("selects explanation 'see-professional'", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownKind_IsAContentError_NamingTheLine()
    {
        var line = _content.Replace("articles/shoes.md", "{#shoes-replace}", "{#shoes-replace kind=advice}");

        var problem = Assert.Single(_content.LoadRelease(), p => p.Message.Contains("unknown kind 'advice'", StringComparison.Ordinal));

        Assert.EndsWith("shoes.md", problem.Location.File, StringComparison.Ordinal);
        Assert.Equal(line, problem.Location.Line);
    }
}
