using System.Net;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using FhirQuestionnaire = Hl7.Fhir.Model.Questionnaire;

namespace RunBack.Web.Tests.Features.Fhir;

/// <summary>Reads FHIR back with the Firely SDK's strict parser and checks what one resource says about another.</summary>
internal static class FhirAssert
{
    private static readonly FhirJsonDeserializer Parser = new(new DeserializerSettings().UsingMode(DeserializationMode.Strict));

    /// <summary>Fetches a FHIR response, checks its status and media type, and parses it strictly: any issue fails.</summary>
    public static async Task<T> GetAsync<T>(HttpClient client, string path, HttpStatusCode status = HttpStatusCode.OK) where T : Resource
    {
        var response = await client.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        return Parse<T>(await response.Content.ReadAsStringAsync());
    }

    public static T Parse<T>(string json) where T : Resource
    {
        var parsed = Parser.TryDeserializeResource(json, out var resource, out var issues);
        Assert.True(parsed, "FHIR parse failed: " + string.Join("; ", issues.Select(i => i.Message)));
        Assert.Empty(issues);
        return Assert.IsType<T>(resource);
    }

    /// <summary>Every reference inside the Bundle (derivedFrom and the like) names an entry's fullUrl.</summary>
    public static void ReferencesResolve(Bundle bundle)
    {
        var fullUrls = bundle.Entry.Select(e => e.FullUrl).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(bundle.Entry.Count, fullUrls.Count);
        Assert.All(fullUrls, url => Assert.StartsWith("urn:uuid:", url, StringComparison.Ordinal));
        var references = bundle.Entry.SelectMany(e => Walk(e.Resource!).OfType<ResourceReference>()).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.Contains(r.Reference, fullUrls));
    }

    private static IEnumerable<Base> Walk(Base node)
    {
        yield return node;
        foreach (var (_, value) in node.EnumerateElements())
        {
            var children = value switch
            {
                Base child => [child],
                IEnumerable<Base> list => list,
                _ => [],
            };
            foreach (var descendant in children.SelectMany(Walk))
            {
                yield return descendant;
            }
        }
    }

    /// <summary>
    /// The response answers the questionnaire: its items sit under the same groups, every linkId exists, answer types
    /// match item types, only repeating items have several answers, and codings are among the item's answer options.
    /// </summary>
    public static void Answers(FhirQuestionnaire questionnaire, QuestionnaireResponse response)
    {
        Assert.Equal($"{questionnaire.Url}|{questionnaire.Version}", response.Questionnaire);
        Assert.NotEmpty(response.Item);
        Assert.All(response.Item, item => Matches(questionnaire.Item, item));
        var given = Flatten(response.Item).Where(i => i.Answer.Count > 0).ToDictionary(i => i.LinkId!, i => i.Answer.Select(a => a.Value!).ToList(), StringComparer.Ordinal);
        foreach (var item in FlattenQuestionnaire(questionnaire.Item).Where(i => i.Type != FhirQuestionnaire.QuestionnaireItemType.Group))
        {
            var enabled = Enabled(item, given);
            // enableWhen respected: nothing is answered that the questionnaire would have hidden.
            Assert.True(enabled != false || !given.ContainsKey(item.LinkId!), $"'{item.LinkId}' is answered though its enableWhen is false");
            // Required items answered, wherever the questionnaire shows them (an unknowable show-if extension: not checked).
            Assert.True(enabled != true || item.Required != true || given.ContainsKey(item.LinkId!), $"required '{item.LinkId}' is not answered");
        }
    }

    private static IEnumerable<QuestionnaireResponse.ItemComponent> Flatten(IEnumerable<QuestionnaireResponse.ItemComponent> items) =>
        items.SelectMany(i => Flatten(i.Item).Prepend(i));

    private static IEnumerable<FhirQuestionnaire.ItemComponent> FlattenQuestionnaire(IEnumerable<FhirQuestionnaire.ItemComponent> items) =>
        items.SelectMany(i => FlattenQuestionnaire(i.Item).Prepend(i));

    /// <summary>An item's enableWhen evaluated over the answers given: null when a condition lives only in the show-if extension.</summary>
    private static bool? Enabled(FhirQuestionnaire.ItemComponent item, Dictionary<string, List<DataType>> given)
    {
        if (item.EnableWhen.Count == 0)
        {
            return item.Extension.Any(e => e.Url!.EndsWith("/StructureDefinition/show-if", StringComparison.Ordinal)) ? null : true;
        }
        var results = item.EnableWhen.Select(when =>
        {
            var answers = given.GetValueOrDefault(when.Question!) ?? [];
            return when.Operator switch
            {
                FhirQuestionnaire.QuestionnaireItemOperator.Exists => answers.Count > 0 == ((FhirBoolean)when.Answer).Value,
                FhirQuestionnaire.QuestionnaireItemOperator.Equal => answers.Any(a => Same(a, when.Answer)),
                FhirQuestionnaire.QuestionnaireItemOperator.NotEqual => answers.Count > 0 && !answers.Any(a => Same(a, when.Answer)),
                _ => answers.Any(a => Compare(a, when.Answer, when.Operator!.Value)),
            };
        }).ToList();
        return item.EnableBehavior == FhirQuestionnaire.EnableWhenBehavior.Any ? results.Any(r => r) : results.All(r => r);
    }

    private static bool Same(DataType answer, DataType expected) => (answer, expected) switch
    {
        (Coding a, Coding e) => a.System == e.System && a.Code == e.Code,
        (FhirBoolean a, FhirBoolean e) => a.Value == e.Value,
        _ => Number(answer) is { } a && Number(expected) is { } e && a == e,
    };

    private static bool Compare(DataType answer, DataType expected, FhirQuestionnaire.QuestionnaireItemOperator op) =>
        Number(answer) is { } a && Number(expected) is { } e && op switch
        {
            FhirQuestionnaire.QuestionnaireItemOperator.GreaterThan => a > e,
            FhirQuestionnaire.QuestionnaireItemOperator.GreaterOrEqual => a >= e,
            FhirQuestionnaire.QuestionnaireItemOperator.LessThan => a < e,
            _ => a <= e,
        };

    private static decimal? Number(DataType value) => value switch
    {
        Integer i => i.Value,
        FhirDecimal d => d.Value,
        Quantity q => q.Value,
        _ => null,
    };

    /// <summary>Every resource in the export carries a generated narrative; questionnaires and responses say their language.</summary>
    public static void Readable(Resource resource)
    {
        var resources = resource is Bundle bundle ? bundle.Entry.Select(e => e.Resource!).ToList() : [resource];
        Assert.NotEmpty(resources);
        Assert.All(resources, r =>
        {
            var text = Assert.IsAssignableFrom<DomainResource>(r).Text;
            Assert.True(text is not null, $"{r.TypeName} {r.Id} has no narrative");
            Assert.Equal(Narrative.NarrativeStatus.Generated, text.Status);
            Assert.StartsWith("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>", text.Div, StringComparison.Ordinal);
            if (r is FhirQuestionnaire or QuestionnaireResponse)
            {
                Assert.Equal("en-GB", r.Language);
            }
        });
    }

    private static void Matches(List<FhirQuestionnaire.ItemComponent> siblings, QuestionnaireResponse.ItemComponent answered)
    {
        var item = siblings.SingleOrDefault(i => i.LinkId == answered.LinkId);
        Assert.True(item is not null, $"linkId '{answered.LinkId}' is not in the questionnaire at this level");
        if (item.Type == FhirQuestionnaire.QuestionnaireItemType.Group)
        {
            Assert.Empty(answered.Answer);
            Assert.NotEmpty(answered.Item);
            Assert.All(answered.Item, child => Matches(item.Item, child));
            return;
        }
        Assert.NotEmpty(answered.Answer);
        Assert.True(item.Repeats == true || answered.Answer.Count == 1, $"'{item.LinkId}' does not repeat but has several answers");
        foreach (var answer in answered.Answer)
        {
            switch (item.Type)
            {
                case FhirQuestionnaire.QuestionnaireItemType.Boolean:
                    Assert.IsType<FhirBoolean>(answer.Value);
                    break;
                case FhirQuestionnaire.QuestionnaireItemType.Integer:
                    Assert.IsType<Integer>(answer.Value);
                    break;
                case FhirQuestionnaire.QuestionnaireItemType.Decimal:
                    Assert.IsType<FhirDecimal>(answer.Value);
                    break;
                case FhirQuestionnaire.QuestionnaireItemType.Date:
                    Assert.IsType<Date>(answer.Value);
                    break;
                case FhirQuestionnaire.QuestionnaireItemType.Quantity:
                    // A UCUM unit among the item's unit options.
                    var quantity = Assert.IsType<Quantity>(answer.Value);
                    Assert.Equal("http://unitsofmeasure.org", quantity.System);
                    Assert.Contains(item.Extension.Where(e => e.Url == "http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption")
                        .Select(e => ((Coding)e.Value!).Code), code => code == quantity.Code);
                    break;
                case FhirQuestionnaire.QuestionnaireItemType.Choice:
                    var coding = Assert.IsType<Coding>(answer.Value);
                    Assert.Contains(item.AnswerOption.Select(o => (Coding)o.Value), o => o.System == coding.System && o.Code == coding.Code);
                    break;
                case FhirQuestionnaire.QuestionnaireItemType.Text:
                    // The runner's note: free text within the item's maxLength (characters, as FHIR counts them).
                    var text = Assert.IsType<FhirString>(answer.Value);
                    Assert.True(item.MaxLength is null || (text.Value ?? "").EnumerateRunes().Count() <= item.MaxLength, $"'{item.LinkId}' is longer than its maxLength");
                    break;
                default:
                    Assert.Fail($"'{item.LinkId}' has an item type the export never writes: {item.Type}");
                    break;
            }
        }
    }
}
