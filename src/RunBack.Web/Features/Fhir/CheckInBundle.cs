using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;
using RunBack.Core.Content;
using RunBack.Core.Questionnaire;
using RunBack.Web.Data;

namespace RunBack.Web.Features.Fhir;

/// <summary>
/// Saved check-ins as a FHIR R4 Bundle of type collection. Per check-in: one QuestionnaireResponse (id = the check-in's
/// random id) answering the questionnaire of the release it was saved under, and one Observation each for back and hip
/// pain (LOINC 72514-3 with the body site in SNOMED CT), derived from that response. No subject and no identifier: the
/// runner is anonymous, and the random check-in id is the only id that leaves.
/// </summary>
public sealed class CheckInBundle(FhirQuestionnaires questionnaires, ContentStore store)
{
    /// <summary>The pain questions that become Observations, with their body sites.</summary>
    private static readonly (string QuestionId, string Name, Func<Coding> BodySite)[] PainQuestions =
    [
        ("back_pain", "back-pain", FhirCodes.LowerBack),
        ("hip_pain", "hip-pain", FhirCodes.HipJoint),
    ];

    public Bundle Build(IEnumerable<CheckIn> checkIns, DateTimeOffset exportedAt)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Collection, Timestamp = exportedAt };
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
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = responseUrl, Resource = Response(checkIn, release, answers) });
            foreach (var (questionId, name, bodySite) in PainQuestions)
            {
                if (answers.Get(questionId) is { Kind: AnswerValueKind.Number } pain)
                {
                    var id = DerivedId(checkIn.Id, name);
                    bundle.Entry.Add(new Bundle.EntryComponent
                    {
                        FullUrl = "urn:uuid:" + id,
                        Resource = Pain(checkIn, id, release.Questionnaire.Find(questionId)?.Label, (int)pain.Number, bodySite(), responseUrl),
                    });
                }
            }
        }
        return bundle;
    }

    private QuestionnaireResponse Response(CheckIn checkIn, ContentRelease release, AnswerSet answers)
    {
        var response = new QuestionnaireResponse
        {
            Id = checkIn.Id.ToString(),
            Questionnaire = questionnaires.VersionedUrl(release.Id),
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Authored = checkIn.CreatedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
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
                    item.Answer.AddRange(Answers(release.Id, question, value).Select(v => new QuestionnaireResponse.AnswerComponent { Value = v }));
                    group.Item.Add(item);
                }
            }
            if (group.Item.Count > 0)
            {
                response.Item.Add(group);
            }
        }
        return response;
    }

    private IEnumerable<DataType> Answers(string releaseId, Question question, AnswerValue value)
    {
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
