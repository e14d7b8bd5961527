using System.Net;
using System.Text.Json.Nodes;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

public sealed class SummaryTests : IClassFixture<RunBackFactory>
{
    private readonly RunBackFactory _factory;

    public SummaryTests(RunBackFactory factory) => _factory = factory;

    public static TheoryData<string, string, string, string> PersonaSummaries => new()
    {
        { "no-risk", "No warning signs reported — self-care advised.", "Hip component: none", "Gentle stretches" },
        { "hip", "No warning signs reported — self-care advised.", "Hip component: likely", "How the hips can load the lower back" },
        { "red-flag", "Red flag reported — advised emergency care now: Numbness or a changed feeling in the saddle area", "Hip component: none", "Go to emergency care now" },
    };

    private static JsonObject Persona(string name) => name switch
    {
        "hip" => Answers.HipPattern(),
        "red-flag" => Answers.RedFlag(),
        _ => Answers.NoRisk(),
    };

    [Fact]
    public async Task EmergencySummary_LeadsWithTheReleasesAction_BeforeTheSignsAndThePain()
    {
        var client = _factory.CreateBrowserLikeClient();
        var id = await CheckInClient.SaveOkAsync(client, Answers.RedFlag());

        var text = System.Text.RegularExpressions.Regex.Replace(WebUtility.HtmlDecode(await client.GetStringAsync($"/summary/{id}")), "<[^>]+>", "");

        var action = text.IndexOf("Go to emergency care now. Call 999 now, or go to A&E if you can get there safely.", StringComparison.Ordinal);
        Assert.True(action > 0, "The emergency action is missing from the summary.");
        Assert.True(action < text.IndexOf("Red flag reported", StringComparison.Ordinal), "The action must come before the list of signs.");
        Assert.True(action < text.IndexOf("Pain now", StringComparison.Ordinal), "The action must come before everything else.");
    }

    [Theory]
    [MemberData(nameof(PersonaSummaries))]
    public async Task SavedCheckIn_SummaryLeadsWithTriage_AndHoldsWhatAClinicianNeeds(string persona, string triage, string hip, string firstGuidance)
    {
        var client = _factory.CreateBrowserLikeClient();
        var id = await CheckInClient.SaveOkAsync(client, Persona(persona));

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/summary/{id}"));

        var text = System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", "");
        var triageAt = text.IndexOf(triage, StringComparison.Ordinal);
        Assert.True(triageAt > 0, $"Triage line missing: {triage}");
        Assert.True(triageAt < text.IndexOf("Pain now", StringComparison.Ordinal), "The triage result must come first.");
        Assert.Contains(id.ToString("N")[^8..].ToUpperInvariant(), html, StringComparison.Ordinal);
        Assert.Contains(RepoPaths.ServedRelease, html, StringComparison.Ordinal);
        Assert.Contains(hip, html, StringComparison.Ordinal);
        Assert.Contains($"<strong>{firstGuidance}</strong>", html, StringComparison.Ordinal);
        Assert.Contains("[Source ", html, StringComparison.Ordinal);
        Assert.Contains("Back pain now", html, StringComparison.Ordinal);
        Assert.Contains("Questions to ask your physiotherapist", html, StringComparison.Ordinal);
        Assert.Contains("Information, not a diagnosis.", html, StringComparison.Ordinal);
        Assert.Contains("Download PDF (A4)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedFlagAnswer_IsMarkedAsWarningSignInTheAnswers()
    {
        var client = _factory.CreateBrowserLikeClient();
        var id = await CheckInClient.SaveOkAsync(client, Answers.RedFlag());

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/summary/{id}"));

        Assert.Matches("<tr class=\"is-warning\"><th scope=\"row\">Warning signs now</th>", html);
    }

    [Fact]
    public async Task DraftSummary_OnlyInTheSameBrowserSession()
    {
        var client = _factory.CreateBrowserLikeClient();
        var token = await Html.AntiforgeryTokenAsync(client, "/forget");
        var post = await client.PostAsync("/summary/draft", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["answers"] = Answers.HipPattern().ToJsonString(),
            ["release"] = await CheckInClient.CurrentReleaseAsync(client),
        }));
        Assert.Equal("/summary/draft", post.Headers.Location!.ToString());

        var mine = WebUtility.HtmlDecode(await client.GetStringAsync("/summary/draft"));
        var stranger = WebUtility.HtmlDecode(await _factory.CreateBrowserLikeClient().GetStringAsync("/summary/draft"));

        Assert.Contains("UNSAVED", mine, StringComparison.Ordinal);
        Assert.Contains("Hip component: likely", mine, StringComparison.Ordinal);
        Assert.Contains("No summary to show", stranger, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TamperedDraftCookie_NoSummaryNoError()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", "__Host-rb_draft=CfDJ8forged");

        var response = await client.GetAsync("/summary/draft");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("No summary to show", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
