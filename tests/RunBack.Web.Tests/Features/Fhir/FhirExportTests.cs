using System.Net;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Microsoft.Extensions.DependencyInjection;
using RunBack.Core.Content;
using RunBack.Core.Questionnaire;
using RunBack.Web.Tests.Infrastructure;
using RunBack.Web.Tests.Integration;
using FhirQuestionnaire = Hl7.Fhir.Model.Questionnaire;
using Task = System.Threading.Tasks.Task;

namespace RunBack.Web.Tests.Features.Fhir;

/// <summary>
/// The FHIR R4 views parse back with the Firely SDK, agree with each other, keep a check-in on the release it was saved
/// under, and show a runner's check-ins to that runner only.
/// </summary>
public sealed class FhirExportTests(RunBackFactory factory) : IClassFixture<RunBackFactory>
{
    private const string OldRelease = "2026.11.0";
    private static string NewRelease => RepoPaths.ServedRelease;
    private const string Canonical = "https://runback.example/fhir/Questionnaire/";

    [Fact]
    public async Task Questionnaire_EveryPublishedRelease_HasEveryQuestionWithItsTypeAndOptions()
    {
        var client = factory.CreateClient();
        var store = factory.Services.GetRequiredService<ContentStore>();
        Assert.Contains(store.Releases, r => r.Id == OldRelease);

        foreach (var release in store.Releases)
        {
            var questionnaire = await FhirAssert.GetAsync<FhirQuestionnaire>(client, $"/fhir/Questionnaire/{release.Id}");

            Assert.Equal(Canonical + release.Id, questionnaire.Url);
            Assert.Equal(release.Id, questionnaire.Version);
            Assert.Equal(PublicationStatus.Active, questionnaire.Status);
            var items = questionnaire.Item.SelectMany(g => g.Item).ToList();
            var linkIds = questionnaire.Item.Select(g => g.LinkId).Concat(items.Select(i => i.LinkId)).ToList();
            Assert.Equal(linkIds.Count, linkIds.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(release.Questionnaire.Questions.Select(q => q.Id), items.Select(i => i.LinkId));
            foreach (var question in release.Questionnaire.Questions)
            {
                var item = items.Single(i => i.LinkId == question.Id);
                Assert.Equal(question.Prompt, item.Text);
                Assert.Equal(question.Required, item.Required ?? false);
                Assert.Equal(question.UnitFrom is not null ? FhirQuestionnaire.QuestionnaireItemType.Quantity : Expected(question.Kind), item.Type);
                Assert.Equal(question.Kind == QuestionKind.MultiChoice, item.Repeats ?? false);
                var options = item.AnswerOption.Select(o => Assert.IsType<Coding>(o.Value)).ToList();
                Assert.Equal(question.Options.Select(o => o.Id), options.Select(c => c.Code));
                Assert.Equal(question.Options.Select(o => o.Label), options.Select(c => c.Display));
                Assert.All(options, c => Assert.Equal($"{Canonical}{release.Id}/options/{question.Id}", c.System));
                Assert.Equal(question.ShowIf is not null, item.EnableWhen.Count > 0
                    || item.Extension.Any(e => e.Url == "https://runback.example/fhir/StructureDefinition/show-if"));
            }
        }
    }

    private static FhirQuestionnaire.QuestionnaireItemType Expected(QuestionKind kind) => kind switch
    {
        QuestionKind.YesNo => FhirQuestionnaire.QuestionnaireItemType.Boolean,
        QuestionKind.SingleChoice or QuestionKind.MultiChoice => FhirQuestionnaire.QuestionnaireItemType.Choice,
        QuestionKind.Number => FhirQuestionnaire.QuestionnaireItemType.Decimal,
        QuestionKind.Scale => FhirQuestionnaire.QuestionnaireItemType.Integer,
        _ => FhirQuestionnaire.QuestionnaireItemType.Date,
    };

    [Fact]
    public async Task Questionnaire_ShowIfOnAnAnswer_BecomesEnableWhen_AndScaleKeepsItsRange()
    {
        var questionnaire = await FhirAssert.GetAsync<FhirQuestionnaire>(factory.CreateClient(), $"/fhir/Questionnaire/{NewRelease}");
        var items = questionnaire.Item.SelectMany(g => g.Item).ToList();

        // questionnaire.yaml: cadence has show_if { answer: cadence_known, equals: true }.
        var when = Assert.Single(items.Single(i => i.LinkId == "cadence").EnableWhen);
        Assert.Equal("cadence_known", when.Question);
        Assert.Equal(FhirQuestionnaire.QuestionnaireItemOperator.Equal, when.Operator);
        Assert.True(Assert.IsType<FhirBoolean>(when.Answer).Value);

        var backPain = items.Single(i => i.LinkId == "back_pain");
        Assert.Equal(0, Assert.IsType<Integer>(backPain.GetExtensionValue<DataType>("http://hl7.org/fhir/StructureDefinition/minValue")).Value);
        Assert.Equal(10, Assert.IsType<Integer>(backPain.GetExtensionValue<DataType>("http://hl7.org/fhir/StructureDefinition/maxValue")).Value);
    }

    [Theory]
    [InlineData("1999.1.0")]
    [InlineData("latest")]
    public async Task Questionnaire_UnknownRelease_Is404OperationOutcome(string releaseId)
    {
        var outcome = await FhirAssert.GetAsync<OperationOutcome>(factory.CreateClient(), $"/fhir/Questionnaire/{releaseId}", HttpStatusCode.NotFound);

        var issue = Assert.Single(outcome.Issue);
        Assert.Equal(OperationOutcome.IssueType.NotFound, issue.Code);
        Assert.Equal(OperationOutcome.IssueSeverity.Error, issue.Severity);
    }

    [Fact]
    public async Task HistoryExport_ParsesBack_ResolvesItsReferences_AndAnswersTheQuestionnaire()
    {
        var client = factory.CreateBrowserLikeClient();
        var first = await CheckInClient.SaveOkAsync(client, Answers.NoRisk());
        var second = await CheckInClient.SaveOkAsync(client, Answers.HipPattern());

        var response = await client.GetAsync("/history/export.fhir.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var bundle = FhirAssert.Parse<Bundle>(await response.Content.ReadAsStringAsync());
        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        FhirAssert.ReferencesResolve(bundle);
        var responses = bundle.Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>().ToList();
        // Both saved at the fake clock's one instant (the authored time below), so their order is the id's: compare as a set.
        Assert.Equal(new[] { first.ToString(), second.ToString() }.Order(), responses.Select(r => r.Id).Order());
        var questionnaire = await FhirAssert.GetAsync<FhirQuestionnaire>(client, $"/fhir/Questionnaire/{NewRelease}");
        foreach (var answered in responses)
        {
            Assert.Equal(QuestionnaireResponse.QuestionnaireResponseStatus.Completed, answered.Status);
            Assert.Equal(RunBackFactory.Start, answered.AuthoredElement!.ToDateTimeOffset(TimeSpan.Zero));
            Assert.Null(answered.Subject);
            Assert.Empty(answered.Identifier is null ? [] : new[] { answered.Identifier });
            FhirAssert.Answers(questionnaire, answered);
        }
        // NoRisk: back 3, hip 0; HipPattern: back 5, hip 4. One Observation per pain question and check-in.
        var pains = bundle.Entry.Select(e => e.Resource).OfType<Observation>().ToList();
        var painsOf = new Dictionary<string, int[]> { [first.ToString()] = [3, 0], [second.ToString()] = [5, 4] };
        Assert.Equal(responses.SelectMany(r => painsOf[r.Id!]), pains.Select(o => Assert.IsType<Integer>(o.Value).Value ?? -1));
        Assert.Equal(["37822005", "24136001", "37822005", "24136001"], pains.Select(o => Assert.Single(o.BodySite!.Coding).Code));
        Assert.All(pains, pain =>
        {
            Assert.Equal(ObservationStatus.Final, pain.Status);
            Assert.Equal(("http://loinc.org", "72514-3"), (pain.Code.Coding[0].System, pain.Code.Coding[0].Code));
            Assert.Equal("http://snomed.info/sct", pain.BodySite!.Coding[0].System);
            Assert.Equal("survey", Assert.Single(Assert.Single(pain.Category).Coding).Code);
            Assert.Equal(RunBackFactory.Start, Assert.IsType<FhirDateTime>(pain.Effective).ToDateTimeOffset(TimeSpan.Zero));
            Assert.Null(pain.Subject);
            Assert.Empty(pain.Identifier);
        });
        Assert.Equal(responses.SelectMany(r => new[] { r.Id, r.Id }).Select(id => $"urn:uuid:{id}"),
            pains.Select(p => Assert.Single(p.DerivedFrom).Reference));
    }

    [Fact]
    public async Task CheckInSavedUnderAnOlderRelease_ExportsAgainstThatReleasesQuestionnaire()
    {
        var client = factory.CreateBrowserLikeClient();
        Assert.Equal(NewRelease, await CheckInClient.CurrentReleaseAsync(client));
        var answers = Answers.NoRisk();
        // 2026.11.0 did not ask these.
        answers.Remove("health_history");
        answers.Remove("pain_pattern");
        answers.Remove("first_before_45");
        answers["serious_signs"] = new JsonArray("fever");
        var saved = await CheckInClient.SaveAsync(client, answers, release: OldRelease);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = Guid.Parse(saved.Headers.Location!.ToString()["/history?saved=".Length..]);

        var bundle = await FhirAssert.GetAsync<Bundle>(client, $"/summary/{id}.fhir.json");

        FhirAssert.ReferencesResolve(bundle);
        var answered = Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>());
        Assert.Equal(id.ToString(), answered.Id);
        Assert.Equal($"{Canonical}{OldRelease}|{OldRelease}", answered.Questionnaire);
        FhirAssert.Answers(await FhirAssert.GetAsync<FhirQuestionnaire>(client, $"/fhir/Questionnaire/{OldRelease}"), answered);
        // The same answers would not fit the current release: 2026.11.0 itself is what they answer.
        var current = await FhirAssert.GetAsync<FhirQuestionnaire>(client, $"/fhir/Questionnaire/{NewRelease}");
        Assert.NotEqual(current.Url, answered.Questionnaire!.Split('|')[0]);
        var warning = answered.Item.SelectMany(g => g.Item).Single(i => i.LinkId == "serious_signs");
        Assert.Equal("fever", Assert.IsType<Coding>(Assert.Single(warning.Answer).Value).Code);
    }

    [Fact]
    public async Task CheckInDatedBack_PainIsEffectiveThatDay_AndIssuedWhenSaved()
    {
        var client = factory.CreateBrowserLikeClient();
        var saved = await CheckInClient.SaveAsync(client, Answers.NoRisk(), date: Answers.Today.AddDays(-2).ToString("yyyy-MM-dd"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = saved.Headers.Location!.ToString()["/history?saved=".Length..];

        var bundle = await FhirAssert.GetAsync<Bundle>(client, $"/summary/{id}.fhir.json");

        var pains = bundle.Entry.Select(e => e.Resource).OfType<Observation>().ToList();
        Assert.Equal(2, pains.Count);
        Assert.All(pains, p => Assert.Equal("2026-11-21", Assert.IsType<FhirDateTime>(p.Effective).Value));
        Assert.All(pains, p => Assert.Equal(RunBackFactory.Start, p.Issued));
        // The response keeps the day its answers are for; authored stays the moment it was saved.
        var response = Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>());
        Assert.Equal("2026-11-21", Assert.IsType<Date>(response.GetExtensionValue<DataType>(CheckInDate)).Value);
        Assert.Equal(RunBackFactory.Start, response.AuthoredElement!.ToDateTimeOffset(TimeSpan.Zero));
    }

    private const string CheckInDate = "https://runback.example/fhir/StructureDefinition/check-in-date";
    private const string Ucum = "http://unitsofmeasure.org";

    [Fact]
    public async Task Units_AreUcum_AndDistancesAreQuantities()
    {
        var client = factory.CreateBrowserLikeClient();
        var questionnaire = await FhirAssert.GetAsync<FhirQuestionnaire>(client, $"/fhir/Questionnaire/{NewRelease}");
        var items = questionnaire.Item.SelectMany(g => g.Item).ToDictionary(i => i.LinkId!);
        (string, string) Unit(string linkId)
        {
            var coding = Assert.IsType<Coding>(items[linkId].GetExtensionValue<DataType>("http://hl7.org/fhir/StructureDefinition/questionnaire-unit"));
            return (coding.System!, coding.Code!);
        }
        Assert.Equal((Ucum, "h/d"), Unit("sitting_hours"));
        Assert.Equal((Ucum, "/min"), Unit("cadence"));
        var week = items["distance_week_1"];
        Assert.Equal(FhirQuestionnaire.QuestionnaireItemType.Quantity, week.Type);
        Assert.Equal(["km", "[mi_i]"], week.Extension.Where(e => e.Url == "http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption")
            .Select(e => Assert.IsType<Coding>(e.Value).Code));

        var id = await CheckInClient.SaveOkAsync(client, Answers.NoRisk().With("distance_unit", "miles"));
        var response = Assert.Single((await FhirAssert.GetAsync<Bundle>(client, $"/summary/{id}.fhir.json")).Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>());
        var distance = Assert.IsType<Quantity>(Assert.Single(response.Item.SelectMany(g => g.Item).Single(i => i.LinkId == "distance_week_1").Answer).Value);
        Assert.Equal((Ucum, "[mi_i]", "miles"), (distance.System, distance.Code, distance.Unit));
        Assert.Equal(decimal.Parse(Answers.NoRisk()["distance_week_1"]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture), distance.Value);
    }

    [Fact]
    public async Task QuickCheckIn_AnswersItsOwnQuestionnaire_WithOnlyWhatWasAsked_AndNamesWhereTheRestCameFrom()
    {
        var client = factory.CreateBrowserLikeClient();
        await CheckInClient.SaveOkAsync(client, Answers.NoRisk(), date: Answers.Today.AddDays(-5));
        var id = await FhirValidationTests.QuickAsync(client, CheckInClient.QuickForm(Answers.Today.AddDays(-1)));

        var bundle = await FhirAssert.GetAsync<Bundle>(client, $"/summary/{id}.fhir.json");

        var response = Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>());
        Assert.Equal($"{Canonical}quick-{NewRelease}|{NewRelease}", response.Questionnaire);
        var quick = await FhirAssert.GetAsync<FhirQuestionnaire>(client, $"/fhir/Questionnaire/quick-{NewRelease}");
        Assert.Equal([$"{Canonical}{NewRelease}|{NewRelease}"], quick.DerivedFrom);
        FhirAssert.Answers(quick, response);
        // Only what the page asked: pain, since last time, the distance, what helped, then the warning signs.
        Assert.Equal(["section-quick", "section-safety"], response.Item.Select(g => g.LinkId));
        Assert.Equal(["back_pain", "hip_pain", "since_last_time", "distance", "helped"], response.Item[0].Item.Select(i => i.LinkId));
        Assert.Equal(["serious_signs", "health_history", "leg_symptoms", "night_waking"], response.Item[1].Item.Select(i => i.LinkId));
        var answers = response.Item.SelectMany(g => g.Item).ToDictionary(i => i.LinkId!, i => i.Answer.Select(a => a.Value).ToList());
        Assert.Equal("better", Assert.IsType<Coding>(Assert.Single(answers["since_last_time"])).Code);
        Assert.Equal(["heat", "stretches"], answers["helped"].Select(v => Assert.IsType<Coding>(v).Code));
        var distance = Assert.IsType<Quantity>(Assert.Single(answers["distance"]));
        Assert.Equal((20m, Ucum, "km"), (distance.Value, distance.System, distance.Code));
        Assert.DoesNotContain("pain_trend", answers.Keys);
        Assert.DoesNotContain("age_band", answers.Keys);
        // The day it is for, and the self-check its other answers were carried over from.
        Assert.Equal(Answers.Today.AddDays(-1).ToString("yyyy-MM-dd"), Assert.IsType<Date>(response.GetExtensionValue<DataType>(CheckInDate)).Value);
        Assert.Equal(Answers.Today.AddDays(-5).ToString("yyyy-MM-dd"),
            Assert.IsType<Date>(response.GetExtensionValue<DataType>("https://runback.example/fhir/StructureDefinition/carried-over-from")).Value);
        Assert.Contains("carried over from the full self-check of " + Answers.Today.AddDays(-5).ToString("yyyy-MM-dd"), response.Text!.Div, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HistoryAsTransaction_CreatesConditionallyOnEachIdentifier()
    {
        var client = factory.CreateBrowserLikeClient();
        var id = await CheckInClient.SaveOkAsync(client, Answers.HipPattern());

        var bundle = await FhirAssert.GetAsync<Bundle>(client, "/history/export.fhir.json?type=transaction");

        Assert.Equal(Bundle.BundleType.Transaction, bundle.Type);
        Assert.Equal(3, bundle.Entry.Count);
        Assert.All(bundle.Entry, entry =>
        {
            Assert.Equal(Bundle.HTTPVerb.POST, entry.Request!.Method);
            Assert.Equal(entry.Resource!.TypeName, entry.Request.Url);
            var identifier = entry.Resource switch
            {
                QuestionnaireResponse r => r.Identifier!,
                Observation o => Assert.Single(o.Identifier),
                _ => throw new InvalidOperationException(entry.Resource.TypeName),
            };
            Assert.Equal($"identifier={identifier.System}|{identifier.Value}", entry.Request.IfNoneExist);
            Assert.Equal("urn:uuid:" + identifier.Value, entry.FullUrl);
        });
        Assert.Equal(("https://runback.example/fhir/check-in", id.ToString()),
            bundle.Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>().Select(r => (r.Identifier!.System, r.Identifier.Value)).Single());
    }

    [Theory]
    [InlineData("batch")]
    [InlineData("<script>")]
    public async Task HistoryExport_UnknownType_Is400OperationOutcome(string type)
    {
        var client = factory.CreateBrowserLikeClient();
        await CheckInClient.SaveOkAsync(client, Answers.NoRisk());

        var outcome = await FhirAssert.GetAsync<OperationOutcome>(client, "/history/export.fhir.json?type=" + Uri.EscapeDataString(type), HttpStatusCode.BadRequest);

        var issue = Assert.Single(outcome.Issue);
        Assert.Equal(OperationOutcome.IssueType.Invalid, issue.Code);
        Assert.Contains("collection", issue.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckInExport_IsOwnerOnly_NoStore_AndBadIdsAre404()
    {
        var owner = factory.CreateBrowserLikeClient();
        var id = await CheckInClient.SaveOkAsync(owner, Answers.RedFlag());
        var stranger = factory.CreateBrowserLikeClient();
        await CheckInClient.SaveOkAsync(stranger, Answers.NoRisk());
        var nobody = factory.CreateBrowserLikeClient();

        Assert.Contains($"href=\"/summary/{id}.fhir.json\"", await owner.GetStringAsync($"/summary/{id}"), StringComparison.Ordinal);
        Assert.Contains("href=\"/history/export.fhir.json\"", await owner.GetStringAsync("/history"), StringComparison.Ordinal);
        var own = await owner.GetAsync($"/summary/{id}.fhir.json");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("no-store", own.Headers.CacheControl?.ToString());

        await FhirAssert.GetAsync<OperationOutcome>(stranger, $"/summary/{id}.fhir.json", HttpStatusCode.NotFound);
        await FhirAssert.GetAsync<OperationOutcome>(nobody, $"/summary/{id}.fhir.json", HttpStatusCode.NotFound);
        await FhirAssert.GetAsync<OperationOutcome>(nobody, "/history/export.fhir.json", HttpStatusCode.NotFound);
        await FhirAssert.GetAsync<OperationOutcome>(owner, $"/summary/{Guid.NewGuid()}.fhir.json", HttpStatusCode.NotFound);
        await FhirAssert.GetAsync<OperationOutcome>(owner, "/summary/not-a-check-in.fhir.json", HttpStatusCode.NotFound);
        var strangersHistory = await FhirAssert.GetAsync<Bundle>(stranger, "/history/export.fhir.json");
        Assert.DoesNotContain(strangersHistory.Entry, e => e.Resource!.Id == id.ToString() || e.FullUrl!.Contains(id.ToString(), StringComparison.Ordinal));
        Assert.Single(strangersHistory.Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>());
    }
}
