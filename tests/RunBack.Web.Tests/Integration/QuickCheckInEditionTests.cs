using System.Net;
using RunBack.Core.Content;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// The quick check-in in each edition: the release's questions in the edition's words (its locale overlay), and the
/// quick check-in's own words from content/checkin/locales/en-US.yaml in the US edition, quick.yaml's in the UK one.
/// Runs on a copy of the content with a newer release whose US overlay also rewords a warning sign.
/// </summary>
public sealed class QuickCheckInEditionTests : IDisposable
{
    private const string NewRelease = "2099.1.0";
    private const string UsWarningPrompt = "Do you have any of these right now?";
    private readonly string _content = Path.Combine(Path.GetTempPath(), "runback-content-" + Guid.NewGuid().ToString("N"));
    private readonly RunBackFactory _factory = new();

    public QuickCheckInEditionTests()
    {
        TestFiles.CopyDirectory(RepoPaths.Content, _content);
        var draft = TestFiles.CopyReleaseAsDraft(_content, ContentStore.Load(_content).Current.Id, NewRelease);
        var overlay = Path.Combine(draft, "locales", "en-US.yaml");
        var text = File.ReadAllText(overlay);
        // The release's overlay already rewords serious_signs: add a prompt and one more option to its entry.
        Assert.Contains("\n  serious_signs:\n", text, StringComparison.Ordinal);
        Assert.Contains("\n      saddle_numbness:", text, StringComparison.Ordinal);
        File.WriteAllText(overlay, text
            .Replace("\n  serious_signs:\n", $"\n  serious_signs:\n    prompt: {UsWarningPrompt}\n", StringComparison.Ordinal)
            .Replace("\n      saddle_numbness:", "\n      bladder_trouble: New trouble urinating, or you cannot feel when your bladder is full\n      saddle_numbness:", StringComparison.Ordinal));
        var output = new StringWriter();
        Assert.True(ContentCommand.Run(["content", "publish", NewRelease, _content], output) == 0, output.ToString());
        _factory.Settings["Content:Path"] = _content;
    }

    public void Dispose()
    {
        _factory.Dispose();
        Directory.Delete(_content, recursive: true);
    }

    private async Task<string> QuickPageAsync(string edition, bool miles)
    {
        var client = _factory.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", edition);
        var answers = Answers.NoRisk();
        if (miles)
        {
            answers["distance_unit"] = "miles";
        }
        await CheckInClient.SaveOkAsync(client, answers);
        var response = await client.GetAsync("/check-in/quick");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UsEdition_QuickCheckIn_UsesTheUsOverlays_AndTheRunnersMiles()
    {
        var html = await QuickPageAsync("en-US", miles: true);

        Assert.Contains(UsWarningPrompt, html, StringComparison.Ordinal);
        Assert.Contains("New trouble urinating", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Do you have any of these at the moment?", html, StringComparison.Ordinal);
        Assert.Contains("A physical therapist", html, StringComparison.Ordinal);
        Assert.Contains("Pain relievers", html, StringComparison.Ordinal);
        Assert.Contains("Check all that you tried", html, StringComparison.Ordinal);
        Assert.Contains("If you check one, what to do comes first on your result", html, StringComparison.Ordinal);
        Assert.DoesNotContain("appears straight away", html, StringComparison.Ordinal);
        Assert.DoesNotContain("physiotherapist", html, StringComparison.Ordinal);
        Assert.Matches(">\\s*miles\\s*<", html);
        Assert.Contains("From your self-check on November 23, 2026", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UkEdition_QuickCheckIn_KeepsTheUkWords()
    {
        var html = await QuickPageAsync("en-GB", miles: false);

        Assert.Contains("Do you have any of these at the moment?", html, StringComparison.Ordinal);
        Assert.DoesNotContain(UsWarningPrompt, html, StringComparison.Ordinal);
        Assert.Contains("A physiotherapist", html, StringComparison.Ordinal);
        Assert.Contains("Painkillers", html, StringComparison.Ordinal);
        // The page is a plain form: the release's "what to do appears straight away" would not be true here.
        Assert.Contains("If you tick one, what to do comes first on your result", html, StringComparison.Ordinal);
        Assert.DoesNotContain("appears straight away", html, StringComparison.Ordinal);
        Assert.DoesNotContain("physical therapist", html, StringComparison.Ordinal);
        Assert.Matches(">\\s*km\\s*<", html);
        Assert.Contains("Kilometres", html, StringComparison.Ordinal);
        Assert.Contains("From your self-check on 23 November 2026", html, StringComparison.Ordinal);
    }
}
