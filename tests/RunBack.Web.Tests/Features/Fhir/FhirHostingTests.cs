using System.Net;
using RunBack.Web.Tests.Infrastructure;
using RunBack.Web.Tests.Integration;
using FhirQuestionnaire = Hl7.Fhir.Model.Questionnaire;
using Task = System.Threading.Tasks.Task;

namespace RunBack.Web.Tests.Features.Fhir;

/// <summary>The FHIR views' settings and limits: the canonical base is validated at start-up, exports share the export limit.</summary>
public sealed class FhirHostingTests
{
    [Theory]
    [InlineData("runback.example/fhir")]
    [InlineData("https://runback.example/fhir/")]
    [InlineData("ftp://runback.example/fhir")]
    public async Task CanonicalBase_NotAnAbsoluteHttpUrl_StopsStartup(string canonicalBase)
    {
        await using var factory = new RunBackFactory();
        factory.Settings["Fhir:CanonicalBase"] = canonicalBase;

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Fhir:CanonicalBase", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CanonicalBase_NamesEveryQuestionnaireAndOption()
    {
        await using var factory = new RunBackFactory();
        factory.Settings["Fhir:CanonicalBase"] = "https://clinic.example/runback/fhir";
        var client = factory.CreateClient();
        var release = await CheckInClient.CurrentReleaseAsync(client);

        var questionnaire = await FhirAssert.GetAsync<FhirQuestionnaire>(client, $"/fhir/Questionnaire/{release}");

        Assert.Equal($"https://clinic.example/runback/fhir/Questionnaire/{release}", questionnaire.Url);
        var options = questionnaire.Item.SelectMany(g => g.Item).SelectMany(i => i.AnswerOption).ToList();
        Assert.NotEmpty(options);
        Assert.All(options, o => Assert.StartsWith(questionnaire.Url + "/options/", ((Hl7.Fhir.Model.Coding)o.Value).System, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FhirExports_ShareTheExportRateLimit()
    {
        await using var factory = new RunBackFactory();
        factory.Settings["RateLimits:ExportPerMinute"] = "2";
        var client = factory.CreateBrowserLikeClient();
        var id = await CheckInClient.SaveOkAsync(client, Answers.NoRisk());

        var codes = new List<HttpStatusCode>
        {
            (await client.GetAsync("/history/export.fhir.json")).StatusCode,
            (await client.GetAsync($"/summary/{id}.fhir.json")).StatusCode,
            (await client.GetAsync("/history/export.fhir.json")).StatusCode,
            (await client.GetAsync("/history/export.csv")).StatusCode,
        };

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], codes);
    }
}
