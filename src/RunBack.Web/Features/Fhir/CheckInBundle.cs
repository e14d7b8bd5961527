using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;
using RunBack.Core.CheckIns;
using RunBack.Core.Content;
using RunBack.Core.Questionnaire;
using RunBack.Data;

namespace RunBack.Web.Features.Fhir;

/// <summary>
/// Saved check-ins as a FHIR R4 Bundle of type collection (or transaction, for a server to import). Per check-in: one
/// QuestionnaireResponse (id = the check-in's id) answering the questionnaire of the release it was saved under (a quick
/// check-in: that release's quick check-in questionnaire, with only what the page asked), and one Observation each for
/// back and hip pain (LOINC 72514-3 with the body site in SNOMED CT), derived from that response. No subject: the runner
/// is anonymous. Identifiers (the check-in id under {base}/check-in) only in a transaction, for conditional create.
/// </summary>
public sealed partial class CheckInBundle(FhirQuestionnaires questionnaires, ContentStore store, QuickCheckInContent quick)
{
    private FhirQuestionnaires Questionnaires => questionnaires;

    private QuickCheckInContent Quick => quick;

    /// <summary>The day the answers are for (the check-in's day), on every QuestionnaireResponse; authored is when it was saved.</summary>
    public string CheckInDateExtension => $"{questionnaires.CanonicalBase}/StructureDefinition/check-in-date";

    /// <summary>A quick check-in: the day of the full self-check whose other answers its result used (they are not in the response).</summary>
    public string CarriedOverFromExtension => $"{questionnaires.CanonicalBase}/StructureDefinition/carried-over-from";

    /// <summary>The identifier system of check-ins (value = the check-in id) and of the Observations derived from them.</summary>
    public string CheckInSystem => $"{questionnaires.CanonicalBase}/check-in";

    public string ObservationSystem => $"{questionnaires.CanonicalBase}/check-in-observation";

    /// <summary>The pain questions that become Observations, with their body sites.</summary>
    private static readonly (string QuestionId, string Name, Func<Coding> BodySite)[] PainQuestions =
    [
        ("back_pain", "back-pain", FhirCodes.LowerBack),
        ("hip_pain", "hip-pain", FhirCodes.HipJoint),
    ];

    public Bundle Build(IEnumerable<CheckIn> checkIns, DateTimeOffset exportedAt, bool transaction = false)
    {
        var bundle = new Bundle { Type = transaction ? Bundle.BundleType.Transaction : Bundle.BundleType.Collection, Timestamp = exportedAt };
        foreach (var checkIn in checkIns)
        {
            // A release is never deleted (it is hash-locked), and stored answers were valid for it: skip, never fail, if not.
            if (store.Find(checkIn.ReleaseId) is not { } release)
            {
                continue;
            }
            var (answers, errors) = AnswerParser.FromJson(checkIn.AnswersJson, release.Questionnaire);
            if (errors.Count > 0)
            {
                continue;
            }
            var responseUrl = "urn:uuid:" + checkIn.Id;
            var response = checkIn.Kind == CheckInKinds.Quick ? QuickResponse(checkIn, release, answers) : Response(checkIn, release, answers);
            bundle.Entry.Add(Entry(responseUrl, response, transaction ? CheckInSystem : null, checkIn.Id));
            foreach (var (questionId, name, bodySite) in PainQuestions)
            {
                if (answers.Get(questionId) is { Kind: AnswerValueKind.Number } pain)
                {
                    var id = DerivedId(checkIn.Id, name);
                    var observation = Pain(checkIn, id, release.Questionnaire.Find(questionId)?.Label, (int)pain.Number, bodySite(), responseUrl);
                    bundle.Entry.Add(Entry("urn:uuid:" + id, observation, transaction ? ObservationSystem : null, id));
                }
            }
        }
        return bundle;
    }

    /// <summary>
    /// An entry; in a transaction, a conditional create on the resource's identifier, so importing the same export
    /// twice creates nothing new (a server resolves the urn:uuid references to what it created or found).
    /// </summary>
    private static Bundle.EntryComponent Entry(string fullUrl, Resource resource, string? identifierSystem, Guid id)
    {
        var entry = new Bundle.EntryComponent { FullUrl = fullUrl, Resource = resource };
        if (identifierSystem is null)
        {
            return entry;
        }
        var identifier = new Identifier(identifierSystem, id.ToString());
        switch (resource)
        {
            case QuestionnaireResponse response:
                response.Identifier = identifier;
                break;
            case Observation observation:
                observation.Identifier = [identifier];
                break;
        }
        entry.Request = new Bundle.RequestComponent
        {
            Method = Bundle.HTTPVerb.POST,
            Url = resource.TypeName,
            IfNoneExist = $"identifier={identifierSystem}|{id}",
        };
        return entry;
    }

    private QuestionnaireResponse Response(CheckIn checkIn, ContentRelease release, AnswerSet answers)
    {
        var response = new QuestionnaireResponse
        {
            Id = checkIn.Id.ToString(),
            Questionnaire = questionnaires.VersionedUrl(release.Id),
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Authored = Authored(checkIn),
            Language = FhirNarrative.Language,
        };
        response.Extension.Add(new Extension(CheckInDateExtension, Day(checkIn.CheckInDate)));
        // Items mirror the questionnaire: a group per section that has answers, in the questionnaire's order.
        foreach (var section in release.Questionnaire.Sections)
        {
            var group = new QuestionnaireResponse.ItemComponent { LinkId = FhirQuestionnaires.SectionLinkId(section.Id), Text = section.Title };
            foreach (var question in section.Questions)
            {
                var value = answers.Get(question.Id);
                if (!value.IsNone)
                {
                    var item = new QuestionnaireResponse.ItemComponent { LinkId = question.Id, Text = question.Prompt };
                    item.Answer.AddRange(Answers(release.Id, question, value, answers).Select(v => new QuestionnaireResponse.AnswerComponent { Value = v }));
                    group.Item.Add(item);
                }
            }
            if (group.Item.Count > 0)
            {
                response.Item.Add(group);
            }
        }
        AddNote(response, checkIn);
        response.Text = FhirNarrative.Of(
            $"RunBack full self-check for {DayText(checkIn.CheckInDate)}, saved {Authored(checkIn)}, answering release {release.Id}.",
            PainSummary(answers));
        return response;
    }

    /// <summary>The runner's own note, when there is one, as the questionnaire's last item (valueString).</summary>
    private static void AddNote(QuestionnaireResponse response, CheckIn checkIn)
    {
        if (checkIn.Note is { } note)
        {
            response.Item.Add(new QuestionnaireResponse.ItemComponent
            {
                LinkId = FhirQuestionnaires.RunnerNote,
                Text = FhirQuestionnaires.RunnerNoteText,
                Answer = [new QuestionnaireResponse.AnswerComponent { Value = new FhirString(note) }],
            });
        }
    }

    private static string PainSummary(AnswerSet answers) =>
        $"Back pain {Score(answers, "back_pain")}, hip pain {Score(answers, "hip_pain")}.";

    private static string Score(AnswerSet answers, string id) =>
        answers.Get(id) is { Kind: AnswerValueKind.Number } v ? $"{(int)v.Number} out of 10" : "not answered";

    private static string Authored(CheckIn checkIn) =>
        checkIn.CreatedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static Date Day(DateOnly day) => new(DayText(day));

    private static string DayText(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private IEnumerable<DataType> Answers(string releaseId, Question question, AnswerValue value, AnswerSet answers)
    {
        if (FhirQuestionnaires.IsQuantity(question))
        {
            return [FhirCodes.Quantity((decimal)value.Number, answers.Get(question.UnitFrom!).Text)];
        }
        switch (question.Kind)
        {
            case QuestionKind.YesNo:
                return [new FhirBoolean(value.Flag)];
            case QuestionKind.SingleChoice:
                return [Option(releaseId, question, value.Text ?? "")];
            case QuestionKind.MultiChoice:
                return value.OptionIds.Select(id => Option(releaseId, question, id));
            case QuestionKind.Scale:
                return [new Integer((int)value.Number)];
            case QuestionKind.Number:
                return [new FhirDecimal((decimal)value.Number)];
            default:
                return [new Date(value.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))];
        }
    }

    private Coding Option(string releaseId, Question question, string optionId) =>
        new(questionnaires.OptionSystem(releaseId, question.Id), optionId, question.FindOption(optionId)?.Label);

    private static Observation Pain(CheckIn checkIn, Guid id, string? label, int score, Coding bodySite, string responseUrl) => new()
    {
        Id = id.ToString(),
        Text = FhirNarrative.Of($"{label ?? "Pain"}: {score} out of 10 ({bodySite.Display}), on {DayText(checkIn.CheckInDate)}."),
        Status = ObservationStatus.Final,
        Category = [new CodeableConcept { Coding = [FhirCodes.Survey()] }],
        Code = new CodeableConcept { Coding = [FhirCodes.PainSeverity()], Text = label },
        BodySite = new CodeableConcept { Coding = [bodySite] },
        Effective = Effective(checkIn),
        Issued = checkIn.CreatedAt.ToUniversalTime(),
        Value = new Integer(score),
        DerivedFrom = [new ResourceReference(responseUrl)],
    };

    /// <summary>When the pain was: the moment of saving, or only the day when the check-in was dated back.</summary>
    private static FhirDateTime Effective(CheckIn checkIn)
    {
        var saved = checkIn.CreatedAt.ToUniversalTime();
        return DateOnly.FromDateTime(saved.UtcDateTime) == checkIn.CheckInDate
            ? new FhirDateTime(saved)
            : new FhirDateTime(checkIn.CheckInDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>A stable id for a resource derived from a check-in (name-based, so an export is the same each time).</summary>
    internal static Guid DerivedId(Guid checkInId, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(checkInId.ToString("D") + "/" + name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8: custom, name-based
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
