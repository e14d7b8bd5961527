using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RunBack.Core.Content;
using RunBack.Web.Features.Assessments;
using RunBack.Web.Features.SelfCheck;
using RunBack.Web.Tests.Infrastructure;
using RunBack.Web.Tests.Integration;

namespace RunBack.Web.Tests.Features;

/// <summary>
/// A release is published while a runner is half-way through the self-check (or a second instance serves a newer
/// release): the answers are evaluated, saved and summarised under the release they were given under.
/// </summary>
public sealed class ReleaseTravelTests : IDisposable
{
    private const string NewRelease = "2099.1.0";
    private readonly string _content = Path.Combine(Path.GetTempPath(), "runback-content-" + Guid.NewGuid().ToString("N"));
    private readonly RunBackFactory _factory = new();
    private readonly string _oldRelease;

    public ReleaseTravelTests()
    {
        TestFiles.CopyDirectory(RepoPaths.Content, _content);
        _oldRelease = ContentStore.Load(_content).Current.Id;
        TestFiles.CopyReleaseAsDraft(_content, _oldRelease, NewRelease);
        var output = new StringWriter();
        Assert.True(ContentCommand.Run(["content", "publish", NewRelease, _content], output) == 0, output.ToString());
        _factory.Settings["Content:Path"] = _content;
    }

    [Fact]
    public async Task SelfCheckStartedBeforeAPublish_IsSavedAndSummarisedUnderItsOwnRelease()
    {
        var assessments = _factory.Services.GetRequiredService<AssessmentService>();
        Assert.Equal(NewRelease, assessments.Current.Id);
        var stored = new SelfCheckWizard(assessments, assessments.Store.Find(_oldRelease)!).Snapshot();

        // The runner comes back to the tab after the publish: the self-check resumes under the old release.
        var wizard = SelfCheckWizard.Resume(assessments, stored)!;
        var answers = RunBack.Core.Questionnaire.AnswerParser.FromJson(Answers.NoRisk().ToJsonString(), wizard.Release.Questionnaire).Answers;
        foreach (var question in wizard.Sections.SelectMany(s => s.Questions))
        {
            wizard.Answer(question, answers.Get(question.Id));
        }
        while (wizard.Result is null)
        {
            Assert.NotEqual(StepMove.Invalid, wizard.Next());
        }
        Assert.Equal(_oldRelease, wizard.Result.ReleaseId);

        var client = _factory.CreateBrowserLikeClient();
        var id = await SaveAsync(client, wizard.AnswersJson, wizard.Release.Id);

        await using (var db = new SqliteConnection($"Data Source={_factory.DatabasePath}"))
        {
            await db.OpenAsync();
            var command = db.CreateCommand();
            command.CommandText = "SELECT ReleaseId FROM check_ins";
            Assert.Equal(_oldRelease, await command.ExecuteScalarAsync());
        }
        var summary = WebUtility.HtmlDecode(await client.GetStringAsync($"/summary/{id}"));
        Assert.Contains(_oldRelease, summary, StringComparison.Ordinal);
        Assert.DoesNotContain(NewRelease, summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_UnderAReleaseTheAppDoesNotHave_IsRefusedInPlainWordsWithTheAnswersKept()
    {
        var client = _factory.CreateBrowserLikeClient();

        var response = await CheckInClient.SaveAsync(client, Answers.NoRisk(), release: "1999.1.0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("version of the self-check we no longer have", html, StringComparison.Ordinal);
        Assert.Contains("name=\"answers\"", html, StringComparison.Ordinal);
    }

    private static async Task<Guid> SaveAsync(HttpClient client, string answersJson, string release)
    {
        var response = await CheckInClient.PostFormAsync(client, "/check-ins", new Dictionary<string, string>
        {
            ["answers"] = answersJson,
            ["release"] = release,
            ["date"] = Answers.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["key"] = Guid.NewGuid().ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.ToString()["/history?saved=".Length..]);
    }

    public void Dispose()
    {
        _factory.Dispose();
        try
        {
            Directory.Delete(_content, recursive: true);
        }
        catch (IOException)
        {
            // Cleaned up with the temp folder later.
        }
    }
}
