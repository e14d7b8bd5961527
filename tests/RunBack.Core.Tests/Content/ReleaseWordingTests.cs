using RunBack.Core.Content;

namespace RunBack.Core.Tests.Content;

/// <summary>Wording rules for releases from 2026.12.0 on (2026.11.0 is published and cannot change).</summary>
public class ReleaseWordingTests
{
    private static IEnumerable<ContentRelease> CheckedReleases =>
        AnswersBuilder.Store.Releases.Where(r => ContentStore.ParseVersion(r.Id) >= new Version(2026, 12, 0));

    [Fact]
    public void ThereIsAReleaseToCheck() => Assert.NotEmpty(CheckedReleases);

    [Fact]
    public void NoCard_EndsOnAColon()
    {
        var colons = CheckedReleases.SelectMany(r => r.GuidanceItems.Where(i => i.Summary.TrimEnd().EndsWith(':')).Select(i => $"{r.Id}/{i.Id}"));
        Assert.Empty(colons);
    }

    [Fact]
    public void NoText_SaysUntitled_OrSuggestsAScan()
    {
        foreach (var release in CheckedReleases)
        {
            var directory = Path.Combine(RepoPaths.Content, ContentStore.ReleasesFolder, release.Id);
            foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
            {
                var text = File.ReadAllText(file);
                Assert.DoesNotContain("untitled", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("scan may be considered", text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void IceAndHeat_AreOneCard()
    {
        foreach (var release in CheckedReleases)
        {
            Assert.Null(release.FindItem("ice-first"));
            Assert.Null(release.FindItem("heat-after"));
            Assert.NotNull(release.FindItem("ice-then-heat"));
        }
    }

    [Fact]
    public void WarningSigns_AreAskedOnTheFirstOrSecondStep_AndHistoryHasNoTimeLimit()
    {
        foreach (var release in CheckedReleases)
        {
            var sections = release.Questionnaire.Sections;
            var safety = sections.Select((s, i) => (s, i)).Single(x => x.s.Safety).i;
            Assert.InRange(safety, 0, 1);
            var history = release.Questionnaire.Find("health_history")!;
            Assert.Equal(sections[safety].Id, history.SectionId);
            Assert.DoesNotContain("two weeks", history.Prompt + history.Help, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("however long ago", history.Prompt, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void EveryCheckedRelease_HasActionsForEmergencyAndUrgent_InItsCountryAndForAnUnknownOne()
    {
        foreach (var release in CheckedReleases)
        {
            foreach (var tier in new[] { RunBack.Core.Rules.TriageLevel.Emergency, RunBack.Core.Rules.TriageLevel.Urgent })
            {
                Assert.NotNull(release.Actions.ForDefaultCountry(tier));
                Assert.NotNull(release.Actions.For(tier, null));
            }
        }
    }

    [Fact]
    public void EverySource_HasALinkOrALocalCopy()
    {
        foreach (var source in CheckedReleases.SelectMany(r => r.Sources))
        {
            Assert.True(source.Url is not null || source.Reference.Length > 0, source.Id);
        }
    }
}
