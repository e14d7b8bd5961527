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
    public const string QuestionnaireUnitOption = "http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption";

    /// <summary>UCUM, the code system R4 expects for units (http://unitsofmeasure.org).</summary>
    public const string Ucum = "http://unitsofmeasure.org";

    /// <summary>
    /// The UCUM code of each unit the content names: a number's fixed <c>unit</c> ("hours a day") or a distance unit
    /// option id ("km", "miles"). [mi_i] is the international mile; h/d and /min are UCUM's per-day and per-minute.
    /// </summary>
    private static readonly Dictionary<string, string> UcumCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hours a day"] = "h/d",
        ["steps a minute"] = "/min",
        ["km"] = "km",
        ["miles"] = "[mi_i]",
    };

    /// <summary>The unit as a UCUM coding with the content's words as display; display only for a unit UCUM has no code for here.</summary>
    public static Coding Unit(string unit) =>
        UcumCodes.TryGetValue(unit, out var code) ? new Coding(Ucum, code, unit) : new Coding { Display = unit };

    /// <summary>A number in a unit as a Quantity (UCUM system and code when the unit has one).</summary>
    public static Quantity Quantity(decimal value, string? unit)
    {
        var quantity = new Quantity { Value = value };
        if (unit is not null)
        {
            var coding = Unit(unit);
            (quantity.Unit, quantity.System, quantity.Code) = (coding.Display, coding.System, coding.Code);
        }
        return quantity;
    }
}
