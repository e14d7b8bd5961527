using System.ComponentModel.DataAnnotations;

namespace RunBack.Web.Features.Fhir;

/// <summary>Where RunBack's FHIR definitions live by name: the base of every canonical URL it writes.</summary>
public sealed class FhirOptions : IValidatableObject
{
    public const string Section = "Fhir";

    /// <summary>
    /// The stable base of the canonical URLs, e.g. <c>https://runback.example/fhir</c>: a release's questionnaire is
    /// <c>{CanonicalBase}/Questionnaire/{releaseId}</c>. A name, not necessarily an address that answers; never change
    /// it once exports are out, or old exports stop pointing at the same questionnaire.
    /// </summary>
    [Required]
    public string CanonicalBase { get; set; } = Placeholder;

    /// <summary>The shipped default: a name nobody owns, fine for development and tests, refused in Production.</summary>
    public const string Placeholder = "https://runback.example/fhir";

    /// <summary>
    /// Production refuses the placeholder: every export would carry a name nobody owns, forever (the base must never
    /// change once exports are out).
    /// </summary>
    public string? ProductionProblem(IHostEnvironment environment) =>
        environment.IsProduction() && string.Equals(CanonicalBase, Placeholder, StringComparison.OrdinalIgnoreCase)
            ? $"{Section}:{nameof(CanonicalBase)} is still the placeholder {Placeholder}: in Production give the stable name of your FHIR definitions " +
              "(an https address of your organisation, e.g. https://fhir.your-clinic.org/runback; see the README's FHIR section) before any export goes out."
            : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(CanonicalBase, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || CanonicalBase.EndsWith('/'))
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(CanonicalBase)} must be an absolute http(s) URL without a query, fragment or trailing slash, like https://runback.example/fhir.",
                [nameof(CanonicalBase)]);
        }
    }
}
