using System.Collections.Concurrent;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;
using RunBack.Core.Content;
using RunBack.Core.Questionnaire;
using FhirQuestionnaire = Hl7.Fhir.Model.Questionnaire;

namespace RunBack.Web.Features.Fhir;

/// <summary>
/// Each published release as a FHIR R4 Questionnaire: url = {CanonicalBase}/Questionnaire/{releaseId}, version = the
/// release id, one group item per section and one item per question (linkId = question id). Releases are immutable,
/// so each is mapped once.
/// </summary>
public sealed class FhirQuestionnaires(ContentStore store, IOptions<FhirOptions> options)
{
    private readonly ConcurrentDictionary<string, FhirQuestionnaire> _mapped = new(StringComparer.Ordinal);

    public string CanonicalBase { get; } = options.Value.CanonicalBase;

    public string Url(string releaseId) => $"{CanonicalBase}/Questionnaire/{releaseId}";

    /// <summary>The canonical with its version, as a QuestionnaireResponse names what it answers.</summary>
    public string VersionedUrl(string releaseId) => $"{Url(releaseId)}|{releaseId}";

    /// <summary>The code system of one question's options: the release's own, so a code never changes meaning.</summary>
    public string OptionSystem(string releaseId, string questionId) => $"{Url(releaseId)}/options/{questionId}";

    /// <summary>An extension holding a show_if that enableWhen cannot say (computed values, "not", nested any/all).</summary>
    public string ShowIfExtension => $"{CanonicalBase}/StructureDefinition/show-if";

    /// <summary>The questionnaire of a published release; null for an id that is not one.</summary>
    public FhirQuestionnaire? Find(string releaseId) =>
        store.Find(releaseId) is { } release ? _mapped.GetOrAdd(release.Id, _ => Map(release)) : null;

    /// <summary>The FHIR item type of a kind. Numbers are decimal: steps are not enforced on stored answers.</summary>
    public static FhirQuestionnaire.QuestionnaireItemType ItemType(QuestionKind kind) => kind switch
    {
        QuestionKind.YesNo => FhirQuestionnaire.QuestionnaireItemType.Boolean,
        QuestionKind.SingleChoice or QuestionKind.MultiChoice => FhirQuestionnaire.QuestionnaireItemType.Choice,
        QuestionKind.Number => FhirQuestionnaire.QuestionnaireItemType.Decimal,
        QuestionKind.Scale => FhirQuestionnaire.QuestionnaireItemType.Integer,
        QuestionKind.Date => FhirQuestionnaire.QuestionnaireItemType.Date,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no FHIR item type for this kind"),
    };

    private FhirQuestionnaire Map(ContentRelease release)
    {
        var questionnaire = new FhirQuestionnaire
        {
            Id = release.Id,
            Url = Url(release.Id),
            Version = release.Id,
            Name = "RunBack_" + release.Id.Replace('.', '_'),
            Title = release.Info.Title,
            Status = PublicationStatus.Active,
            Date = release.Info.Published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Publisher = "RunBack",
            Description = new Markdown(release.Info.Disclaimer),
            SubjectType = [ResourceType.Patient],
        };
        var conditions = new EnableWhenMapper(this, release);
        foreach (var section in release.Questionnaire.Sections)
        {
            var group = new FhirQuestionnaire.ItemComponent
            {
                LinkId = SectionLinkId(section.Id),
                Text = section.Title,
                Type = FhirQuestionnaire.QuestionnaireItemType.Group,
            };
            foreach (var question in section.Questions)
            {
                var item = Item(release.Id, question);
                conditions.Apply(question, item);
                group.Item.Add(item);
            }
            questionnaire.Item.Add(group);
        }
        return questionnaire;
    }

    /// <summary>The linkId of a section's group: prefixed, so a section never clashes with a question of the same id.</summary>
    public static string SectionLinkId(string sectionId) => "section-" + sectionId;

    private FhirQuestionnaire.ItemComponent Item(string releaseId, Question question)
    {
        var item = new FhirQuestionnaire.ItemComponent
        {
            LinkId = question.Id,
            Text = question.Prompt,
            Type = ItemType(question.Kind),
            Required = question.Required,
        };
        if (question.Kind == QuestionKind.MultiChoice)
        {
            item.Repeats = true;
        }
        foreach (var option in question.Options)
        {
            item.AnswerOption.Add(new FhirQuestionnaire.AnswerOptionComponent
            {
                Value = new Coding(OptionSystem(releaseId, question.Id), option.Id, option.Label),
            });
        }
        if (question.Kind == QuestionKind.Scale)
        {
            item.Extension.Add(new Extension(FhirCodes.MinValue, new Integer((int)(question.Min ?? 0))));
            item.Extension.Add(new Extension(FhirCodes.MaxValue, new Integer((int)(question.Max ?? 10))));
        }
        else if (question.Kind == QuestionKind.Number)
        {
            if (question.Min is { } min)
            {
                item.Extension.Add(new Extension(FhirCodes.MinValue, new FhirDecimal((decimal)min)));
            }
            if (question.Max is { } max)
            {
                item.Extension.Add(new Extension(FhirCodes.MaxValue, new FhirDecimal((decimal)max)));
            }
            if (question.Unit is { } unit)
            {
                item.Extension.Add(new Extension(FhirCodes.QuestionnaireUnit, new Coding { Display = unit }));
            }
        }
        return item;
    }
}
