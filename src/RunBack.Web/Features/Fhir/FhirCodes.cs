using Hl7.Fhir.Model;

namespace RunBack.Web.Features.Fhir;

/// <summary>The standard codes the export uses, with where each was checked.</summary>
internal static class FhirCodes
{
    public const string Loinc = "http://loinc.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";

    /// <summary>
    /// LOINC 72514-3 "Pain severity - 0-10 verbal numeric rating [Score] - Reported" (https://loinc.org/72514-3);
    /// used the same way by HL7 Belgium's Patient Monitoring IG (ValueSet pain-scale) and the French ANS
    /// "mesures de santé" IG (profile MesObservationPainSeverity).
    /// </summary>
    public static Coding PainSeverity() =>
        new(Loinc, "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported");

    /// <summary>
    /// SNOMED CT 37822005 |Lower back structure (body structure)|: named so in SNOMED International's editorial guide
    /// (anatomy concept model, "Structure of left half of lower back" and its parents), and the finding site of
    /// 279039007 |Low back pain (finding)|.
    /// </summary>
    public static Coding LowerBack() => new(Snomed, "37822005", "Lower back structure");

    /// <summary>
    /// SNOMED CT 24136001 |Hip joint structure (body structure)|: as in the FHIR value set "Lower limb anatomical
    /// musculoskeletal structures" (Philips AIR implementation guide, AIRAnatomyLowerLimbValueSet) and Pathling's
    /// FHIRPath documentation (procedure site 24136001 |Hip joint structure| in a SNOMED CT expression).
    /// </summary>
    public static Coding HipJoint() => new(Snomed, "24136001", "Hip joint structure");

    public static Coding Survey() => new(ObservationCategory, "survey", "Survey");

    public const string MinValue = "http://hl7.org/fhir/StructureDefinition/minValue";
    public const string MaxValue = "http://hl7.org/fhir/StructureDefinition/maxValue";
    public const string QuestionnaireUnit = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";
}
