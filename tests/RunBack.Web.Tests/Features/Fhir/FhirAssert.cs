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
                case FhirQuestionnaire.QuestionnaireItemType.Choice:
                    var coding = Assert.IsType<Coding>(answer.Value);
                    Assert.Contains(item.AnswerOption.Select(o => (Coding)o.Value), o => o.System == coding.System && o.Code == coding.Code);
                    break;
                default:
                    Assert.Fail($"'{item.LinkId}' has an item type the export never writes: {item.Type}");
                    break;
            }
        }
    }
}
