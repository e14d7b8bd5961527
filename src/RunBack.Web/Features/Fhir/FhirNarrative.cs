using System.Net;
using Hl7.Fhir.Model;

namespace RunBack.Web.Features.Fhir;

/// <summary>
/// The short human-readable text every exported resource carries (status generated), for a clinician's FHIR viewer:
/// plain XHTML paragraphs, every value escaped, so it passes the narrative invariants (txt-1, txt-2).
/// </summary>
internal static class FhirNarrative
{
    /// <summary>The language of every text RunBack exports: the releases and the quick check-in are written in UK English.</summary>
    public const string Language = "en-GB";

    public static Narrative Of(params string[] paragraphs) => new()
    {
        Status = Narrative.NarrativeStatus.Generated,
        Div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">"
            + string.Concat(paragraphs.Where(p => p.Length > 0).Select(p => "<p>" + WebUtility.HtmlEncode(p) + "</p>")) + "</div>",
    };
}
