using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace RunBack.Web.Tests.Features.Fhir;

/// <summary>
/// Firely's validator (Firely.Fhir.Validation.R4) over the base R4 specification (Hl7.Fhir.Specification.Data.R4's
/// specification.zip, copied beside the tests), FHIRPath invariants on. One validator for the whole test run: it
/// compiles each StructureDefinition once.
/// </summary>
internal static class FhirValidation
{
    private static readonly Lazy<Validator> Shared = new(() =>
    {
        var resolver = new CachedResolver(ZipSource.CreateValidationSource());
        // FHIRPath invariants always run; best-practice ones (dom-6) are reported as warnings, which Valid counts too.
        return new Validator(resolver, new LocalTerminologyService(resolver), null, new ValidationSettings
        {
            // Invariants always run; best-practice ones (dom-6: a resource should have a narrative) as warnings.
            ConstraintBestPractices = ValidateBestPracticesSeverity.Warning,
        });
    });

    private static readonly object Gate = new();

    /// <summary>Every issue the validator reports for a resource (a Bundle is validated with its entries).</summary>
    public static IReadOnlyList<OperationOutcome.IssueComponent> Issues(Resource resource)
    {
        lock (Gate)
        {
            return Shared.Value.Validate(resource).Issue;
        }
    }

    private static string Describe(OperationOutcome.IssueComponent issue) =>
        $"{issue.Severity} {issue.Code}: {issue.Details?.Text ?? issue.Diagnostics} @ {string.Join(",", issue.Expression)}";

    /// <summary>Fails on any error or fatal issue, and on any dom-6 (no narrative) warning; lists every issue found.</summary>
    public static void Valid(Resource resource)
    {
        var issues = Issues(resource);
        var failing = issues.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal
            || (i.Details?.Text ?? i.Diagnostics ?? "").Contains("dom-6", StringComparison.Ordinal)).ToList();
        Assert.True(failing.Count == 0, $"{resource.TypeName} {resource.Id}: {failing.Count} issue(s):\n"
            + string.Join("\n", failing.Select(Describe)) + "\n(all: " + string.Join("\n", issues.Select(Describe)) + ")");
    }
}
