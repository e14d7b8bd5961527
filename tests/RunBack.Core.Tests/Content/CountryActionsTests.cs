using System.Globalization;
using RunBack.Core.Content;
using RunBack.Core.Rules;

namespace RunBack.Core.Tests.Content;

/// <summary>
/// Issue 23, hazard 2: emergency actions per country are content, each citing the official page its numbers come from,
/// and a release that does not know a country borrows it from the newest one that does.
/// </summary>
public sealed class CountryActionsTests : IDisposable
{
    private const string Draft = "2027.2.0";
    private static readonly ContentStore Store = ContentStore.Load(RepoPaths.Content, includeDrafts: true);
    private readonly ContentFixture _content = new();

    public void Dispose() => _content.Dispose();

    private static ContentRelease Release => Store.Find(Draft)!;

    [Fact]
    public void EveryCountryAction_CitesAnOfficialSourceWithAnAddress()
    {
        Assert.NotEmpty(Release.Actions.Countries);
        foreach (var country in Release.Actions.Countries)
        {
            var id = Release.Actions.SourceFor(country);
            Assert.True(id is not null, $"the actions for {country} cite no source");
            var source = Release.Sources.SingleOrDefault(s => s.Id == id);
            Assert.True(source?.Url is { } url && url.StartsWith("https://", StringComparison.Ordinal), $"{country}: source '{id}' has no https address");
        }
    }

    [Theory]
    [InlineData("GB", "999")]
    [InlineData("US", "911")]
    [InlineData("IE", "112")]
    [InlineData("CA", "911")]
    [InlineData("AU", "000")]
    [InlineData("NZ", "111")]
    [InlineData("DE", "112")]
    [InlineData("FR", "112")]
    [InlineData("NL", "112")]
    [InlineData("ES", "112")]
    public void Country_HasItsOwnEmergencyNumber(string country, string number)
    {
        var action = Release.Actions.For(TriageLevel.Emergency, country)!;

        Assert.Equal(number, action.Phone);
        Assert.Contains(number, action.Text, StringComparison.Ordinal);
        Assert.NotNull(Release.Actions.For(TriageLevel.Urgent, country));
    }

    [Theory]
    [InlineData("JP")]
    [InlineData("IN")]
    [InlineData(null)]
    public void OtherOrUnknownCountry_LocalEmergencyNumber_NoPhone(string? country)
    {
        var action = Release.Actions.For(TriageLevel.Emergency, country)!;

        Assert.Null(action.Phone);
        Assert.Contains("local emergency number", action.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void OlderReleases_BorrowTheCountriesTheyDoNotKnow_FromTheNewest()
    {
        var uk = CultureInfo.GetCultureInfo("en-GB");
        var us = CultureInfo.GetCultureInfo("en-US");

        Assert.Equal("911", Store.Edition(Store.Find("2026.11.0")!, uk).Actions.For(TriageLevel.Emergency, "CA")!.Phone);
        Assert.Equal("000", Store.Edition(Store.Find("2026.12.1")!, us).Actions.For(TriageLevel.Emergency, "AU")!.Phone);
        // A release's own actions stay its own: 2027.1.0's US edition still words the US and the UK as it did.
        var old = Store.Edition(Store.Find("2027.1.0")!, us).Actions;
        Assert.Equal("Call 911", old.For(TriageLevel.Emergency, "US")!.Label);
        Assert.Equal("Call 999", old.For(TriageLevel.Emergency, "GB")!.Label);
    }

    private const string Actions = "actions:\n  country: GB\n  emergency: { label: Call 999, phone: \"999\", text: Call 999 now. }\n"
        + "  urgent: { label: Call NHS 111, text: Call NHS 111. }\n  countries:\n    - codes: [CA]\n";

    private const string CanadaActions = "      emergency: { label: Call 911, phone: \"911\", text: Call 911 now. }\n      urgent: { label: Call a doctor, text: Call a doctor. }\n";

    [Theory]
    [InlineData("", "missing required field 'source'")]
    [InlineData("      source: no-such-page\n", "the actions for country 'CA' cite source 'no-such-page', which sources.yaml does not list")]
    public void CountryAction_WithoutAKnownSource_IsRefused(string source, string message)
    {
        _content.Replace("release.yaml", "title: First release\n", "title: First release\n" + Actions + source + CanadaActions);

        var problems = _content.LoadRelease();

        Assert.Contains(problems, p => p.Message.Contains(message, StringComparison.Ordinal));
    }
}
