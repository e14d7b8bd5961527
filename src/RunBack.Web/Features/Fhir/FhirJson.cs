using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace RunBack.Web.Features.Fhir;

/// <summary>FHIR JSON through the Firely SDK's System.Text.Json converters, and the responses that carry it.</summary>
public static class FhirJson
{
    public const string MediaType = "application/fhir+json";

    /// <summary>
    /// Built on the first FHIR response, not at start-up: the Firely converters take a tenth of a second or more to set
    /// up, and the endpoints' "no profile" outcome is made while the routes are mapped (issue 28).
    /// </summary>
    public static JsonSerializerOptions Options => LazyOptions.Value;

    private static readonly Lazy<JsonSerializerOptions> LazyOptions = new(() => new JsonSerializerOptions().ForFhir().Pretty());

    public static byte[] Serialize(Resource resource) => JsonSerializer.SerializeToUtf8Bytes(resource, resource.GetType(), Options);

    public static IResult Ok(Resource resource) => Results.Bytes(Serialize(resource), MediaType);

    public static IResult Download(Resource resource, string fileName) => Results.File(Serialize(resource), MediaType, fileName);

    /// <summary>A 404 that says so as FHIR: an OperationOutcome with one not-found issue.</summary>
    public static IResult NotFound(string diagnostics) => new OutcomeResult(OperationOutcome.IssueType.NotFound, diagnostics, StatusCodes.Status404NotFound);

    /// <summary>A 400 for a request RunBack cannot answer as asked (a bad parameter), as an OperationOutcome.</summary>
    public static IResult Invalid(string diagnostics) => new OutcomeResult(OperationOutcome.IssueType.Invalid, diagnostics, StatusCodes.Status400BadRequest);

    /// <summary>An OperationOutcome written when the response is: serialising it needs <see cref="Options"/>.</summary>
    private sealed class OutcomeResult(OperationOutcome.IssueType code, string diagnostics, int status) : IResult
    {
        public System.Threading.Tasks.Task ExecuteAsync(HttpContext httpContext) => Results.Content(JsonSerializer.Serialize(new OperationOutcome
        {
            Issue =
            [
                new OperationOutcome.IssueComponent
                {
                    Severity = OperationOutcome.IssueSeverity.Error,
                    Code = code,
                    Diagnostics = diagnostics,
                },
            ],
        }, Options), MediaType, System.Text.Encoding.UTF8, status).ExecuteAsync(httpContext);
    }
}
