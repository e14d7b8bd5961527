using System.Net;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Microsoft.Extensions.DependencyInjection;
using RunBack.Core.Content;
using RunBack.Web.Tests.Infrastructure;
using RunBack.Web.Tests.Integration;
using FhirQuestionnaire = Hl7.Fhir.Model.Questionnaire;
using Task = System.Threading.Tasks.Task;

namespace RunBack.Web.Tests.Features.Fhir;

/// <summary>
/// Every kind of FHIR export validates against the base R4 profiles (Firely's validator, FHIRPath invariants on) with no
/// error, carries a narrative on every resource, and each QuestionnaireResponse answers its own Questionnaire (linkIds,
/// answer types and options, required items, enableWhen).
/// </summary>
public sealed class FhirValidationTests(RunBackFactory factory) : IClassFixture<RunBackFactory>
{
    private const string OldRelease = "2026.11.0";

    /// <summary>Posts the quick check-in form and returns the new check-in's id.</summary>
    internal static async Task<Guid> QuickAsync(HttpClient client, Dictionary<string, string[]> fields)
    {
        var response = await RunBack.Web.Tests.Integration.CheckInClient.PostQuickAsync(client, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(System.Text.RegularExpressions.Regex.Match(response.Headers.Location!.ToString(), "/check-in/([0-9a-f-]{36})").Groups[1].Value);
    }

    [Fact]
    public void Validator_ReportsAnInvalidResource()
    {
        // Observation.status is required (1..1): the validator must see it is missing, or its silence below proves nothing.
        var broken = new Observation { Code = new CodeableConcept("http://loinc.org", "72514-3") };

        Assert.Contains(FhirValidation.Issues(broken), i => i.Severity == OperationOutcome.IssueSeverity.Error);
    }

    [Fact]
    public async Task EveryPublishedQuestionnaire_AndItsQuickCheckIn_Validate()
    {
        var client = factory.CreateClient();
        foreach (var release in factory.Services.GetRequiredService<ContentStore>().Releases)
        {
            foreach (var id in new[] { release.Id, "quick-" + release.Id })
            {
                var questionnaire = await FhirAssert.GetAsync<FhirQuestionnaire>(client, $"/fhir/Questionnaire/{id}");
                FhirValidation.Valid(questionnaire);
                FhirAssert.Readable(questionnaire);
            }
        }
    }

    public enum Kind { Full, Quick, Backdated, WarningSign, OldRelease, QuickWarningSign, FullWithNote, QuickWithNote }

    /// <summary>A runner's note with what a text field may hold: line breaks, quotes, markup-like text and an emoji.</summary>
    internal const string Note = "Hilly 10\u00A0km on Sunday <b>\"tight\"</b> & sore after \U0001F3C3\nStretched on Monday.";

    [Theory]
    [InlineData(Kind.Full)]
    [InlineData(Kind.Quick)]
    [InlineData(Kind.Backdated)]
    [InlineData(Kind.WarningSign)]
    [InlineData(Kind.OldRelease)]
    [InlineData(Kind.QuickWarningSign)]
    [InlineData(Kind.FullWithNote)]
    [InlineData(Kind.QuickWithNote)]
    public async Task OneCheckIn_Validates_AndAnswersItsQuestionnaire(Kind kind)
    {
        var client = factory.CreateBrowserLikeClient();
        var id = await SaveAsync(client, kind);

        var bundle = await FhirAssert.GetAsync<Bundle>(client, $"/summary/{id}.fhir.json");

        FhirValidation.Valid(bundle);
        FhirAssert.Readable(bundle);
        var response = Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>());
        FhirAssert.Answers(await QuestionnaireOfAsync(client, response), response);
        var note = response.Item.SingleOrDefault(i => i.LinkId == "runner-note");
        if (kind is Kind.FullWithNote or Kind.QuickWithNote)
        {
            // The note is the response's last item, its answer the note as typed (issue 26 item 16).
            Assert.Same(note, response.Item[^1]);
            Assert.Equal(Note, Assert.IsType<FhirString>(Assert.Single(note!.Answer).Value).Value);
        }
        else
        {
            Assert.Null(note);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("?type=collection")]
    [InlineData("?type=transaction")]
    public async Task HistoryExport_OfEveryKind_Validates_BothWays(string query)
    {
        var client = factory.CreateBrowserLikeClient();
        foreach (var kind in Enum.GetValues<Kind>())
        {
            // A second apart: the quick check-in carries from the latest full self-check, and saves of one fake instant
            // have no order (the database may return them either way).
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            await SaveAsync(client, kind);
        }

        var bundle = await FhirAssert.GetAsync<Bundle>(client, "/history/export.fhir.json" + query);

        Assert.Equal(query.EndsWith("transaction", StringComparison.Ordinal) ? Bundle.BundleType.Transaction : Bundle.BundleType.Collection, bundle.Type);
        FhirValidation.Valid(bundle);
        FhirAssert.Readable(bundle);
        FhirAssert.ReferencesResolve(bundle);
        // Two full self-checks come first (the quick check-ins carry from them), then one check-in per kind after the first.
        var responses = bundle.Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>().ToList();
        Assert.True(responses.Count >= Enum.GetValues<Kind>().Length);
        foreach (var response in responses)
        {
            FhirAssert.Answers(await QuestionnaireOfAsync(client, response), response);
        }
    }

    private static async Task<FhirQuestionnaire> QuestionnaireOfAsync(HttpClient client, QuestionnaireResponse response)
    {
        var url = response.Questionnaire!.Split('|')[0];
        return await FhirAssert.GetAsync<FhirQuestionnaire>(client, "/fhir/Questionnaire/" + url[(url.LastIndexOf('/') + 1)..]);
    }

    private static async Task<Guid> SaveAsync(HttpClient client, Kind kind)
    {
        switch (kind)
        {
            case Kind.Full:
                return await CheckInClient.SaveOkAsync(client, Answers.HipPattern());
            case Kind.FullWithNote:
                var withNote = await CheckInClient.SaveAsync(client, Answers.HipPattern(), note: Note);
                Assert.Equal(HttpStatusCode.Redirect, withNote.StatusCode);
                return Guid.Parse(withNote.Headers.Location!.ToString()["/history?saved=".Length..]);
            case Kind.Backdated:
                return await CheckInClient.SaveOkAsync(client, Answers.NoRisk(), date: Answers.Today.AddDays(-3));
            case Kind.WarningSign:
                return await CheckInClient.SaveOkAsync(client, Answers.RedFlag());
            case Kind.OldRelease:
                var answers = Answers.NoRisk();
                answers.Remove("health_history");
                answers.Remove("pain_pattern");
                answers.Remove("first_before_45");
                answers["serious_signs"] = new JsonArray("fever");
                var saved = await CheckInClient.SaveAsync(client, answers, release: OldRelease);
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
                return Guid.Parse(saved.Headers.Location!.ToString()["/history?saved=".Length..]);
            default:
                // A quick check-in carries from the last full self-check: make sure there is one.
                await CheckInClient.SaveOkAsync(client, Answers.NoRisk());
                var fields = CheckInClient.QuickForm(Answers.Today, seriousSigns: kind == Kind.QuickWarningSign ? "fever" : "none");
                if (kind == Kind.QuickWithNote)
                {
                    fields["note"] = [Note];
                }
                return await QuickAsync(client, fields);
        }
    }
}
