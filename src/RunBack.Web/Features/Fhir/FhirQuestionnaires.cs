using System.Collections.Concurrent;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;
using RunBack.Core.CheckIns;
using RunBack.Core.Content;
using RunBack.Core.Questionnaire;
using FhirQuestionnaire = Hl7.Fhir.Model.Questionnaire;

namespace RunBack.Web.Features.Fhir;

/// <summary>
/// Each published release as a FHIR R4 Questionnaire: url = {CanonicalBase}/Questionnaire/{releaseId}, version = the
/// release id, one group item per section and one item per question (linkId = question id). Releases are immutable,
/// so each is mapped once. Beside each release, its quick check-in (<see cref="QuickPrefix"/>): the questions that page
/// asks, worded by content/checkin/quick.yaml, so a quick check-in's response holds only what was asked that day.
/// </summary>
public sealed class FhirQuestionnaires(ContentStore store, QuickCheckInContent quick, IOptions<FhirOptions> options)
{
    /// <summary>The id of a release's quick check-in questionnaire is this prefix and the release id.</summary>
    public const string QuickPrefix = "quick-";

    /// <summary>linkIds of the quick check-in's own items (the form's field names), in its group <c>section-quick</c>.</summary>
    public const string QuickSection = "quick", SinceLastTime = "since_last_time", Distance = "distance", Helped = "helped";

    /// <summary>
    /// The runner's own note (issue 26 item 16): the last item of every questionnaire, free text (<c>text</c>, at most 500
    /// characters), so a clinic's import reads it as one more answer of the response. Never a question the rules read.
    /// </summary>
    public const string RunnerNote = "runner-note";

    public const string RunnerNoteText = "Your note (optional): anything you want to remember about this check-in, in your own words.";

    private static FhirQuestionnaire.ItemComponent NoteItem() => new()
    {
        LinkId = RunnerNote,
        Text = RunnerNoteText,
        Type = FhirQuestionnaire.QuestionnaireItemType.Text,
        Required = false,
        MaxLength = RunBack.Web.Common.RunnerNote.MaxLength,
    };

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
    public FhirQuestionnaire? Find(string releaseId)
    {
        if (releaseId.StartsWith(QuickPrefix, StringComparison.Ordinal))
        {
            return store.Find(releaseId[QuickPrefix.Length..]) is { } forQuick ? _mapped.GetOrAdd(releaseId, _ => MapQuick(forQuick)) : null;
        }
        return store.Find(releaseId) is { } release ? _mapped.GetOrAdd(release.Id, _ => Map(release)) : null;
    }

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
        var questionnaire = Header(release, release.Id, release.Info.Title);
        var conditions = new EnableWhenMapper(this, release);
        foreach (var section in release.Questionnaire.Sections)
        {
            questionnaire.Item.Add(Group(release, section, conditions));
        }
        questionnaire.Item.Add(NoteItem());
        questionnaire.Text = FhirNarrative.Of(
            $"{release.Info.Title}: the RunBack self-check of release {release.Id}, published {questionnaire.Date}.",
            $"{release.Questionnaire.Questions.Count} questions in {release.Questionnaire.Sections.Count} sections: "
                + string.Join(", ", release.Questionnaire.Sections.Select(s => s.Title)) + ".");
        return questionnaire;
    }

    /// <summary>
    /// A release's quick check-in: one group with back and hip pain (the release's items), since last time, the
    /// distance of the last 7 days (a Quantity in km or miles) and what helped (quick.yaml's options), then the release's
    /// warning-sign sections as they are. derivedFrom names the release's questionnaire.
    /// </summary>
    private FhirQuestionnaire MapQuick(ContentRelease release)
    {
        var id = QuickPrefix + release.Id;
        var questionnaire = Header(release, id, $"{quick.Title} ({release.Info.Title})");
        questionnaire.DerivedFrom = [VersionedUrl(release.Id)];
        var conditions = new EnableWhenMapper(this, release);
        var group = new FhirQuestionnaire.ItemComponent
        {
            LinkId = SectionLinkId(QuickSection),
            Text = quick.Title,
            Type = FhirQuestionnaire.QuestionnaireItemType.Group,
        };
        foreach (var pain in QuickCheckInContent.PainQuestions(release.Questionnaire))
        {
            group.Item.Add(Item(release.Id, pain));
        }
        group.Item.Add(QuickChoice(id, SinceLastTime, quick.SinceLastTime, required: true, repeats: false));
        var distance = new FhirQuestionnaire.ItemComponent
        {
            LinkId = Distance,
            Text = quick.Distance.Prompt,
            Type = FhirQuestionnaire.QuestionnaireItemType.Quantity,
            Required = true,
        };
        distance.Extension.Add(new Extension(FhirCodes.QuestionnaireUnitOption, FhirCodes.Unit("km")));
        distance.Extension.Add(new Extension(FhirCodes.QuestionnaireUnitOption, FhirCodes.Unit("miles")));
        group.Item.Add(distance);
        group.Item.Add(QuickChoice(id, Helped, quick.Helped, required: false, repeats: true));
        questionnaire.Item.Add(group);
        foreach (var section in release.Questionnaire.Sections.Where(s => s.Safety))
        {
            questionnaire.Item.Add(Group(release, section, conditions));
        }
        questionnaire.Item.Add(NoteItem());
        questionnaire.Text = FhirNarrative.Of(
            $"{quick.Title} of RunBack release {release.Id}: back and hip pain, since last time, the distance run in the last 7 days, "
                + "what helped, and every warning-sign question of the release.",
            "Everything else a quick check-in's result used is carried over from the runner's last full self-check, and is not part of its response.");
        return questionnaire;
    }

    private FhirQuestionnaire.ItemComponent QuickChoice(string questionnaireId, string linkId, QuickQuestion question, bool required, bool repeats)
    {
        var item = new FhirQuestionnaire.ItemComponent
        {
            LinkId = linkId,
            Text = question.Prompt,
            Type = FhirQuestionnaire.QuestionnaireItemType.Choice,
            Required = required,
            Repeats = repeats ? true : null,
        };
        foreach (var option in question.Options)
        {
            item.AnswerOption.Add(new FhirQuestionnaire.AnswerOptionComponent { Value = new Coding(OptionSystem(questionnaireId, linkId), option.Id, option.Label) });
        }
        return item;
    }

    private FhirQuestionnaire Header(ContentRelease release, string id, string title) => new()
    {
        Id = id,
        Url = Url(id),
        Version = release.Id,
        Name = "RunBack_" + id.Replace('.', '_').Replace('-', '_'),
        Title = title,
        Status = PublicationStatus.Active,
        Date = release.Info.Published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Publisher = "RunBack",
        Description = new Markdown(release.Info.Disclaimer),
        SubjectType = [ResourceType.Patient],
        Language = FhirNarrative.Language,
    };

    private FhirQuestionnaire.ItemComponent Group(ContentRelease release, Section section, EnableWhenMapper conditions)
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
        return group;
    }

    /// <summary>The linkId of a section's group: prefixed, so a section never clashes with a question of the same id.</summary>
    public static string SectionLinkId(string sectionId) => "section-" + sectionId;

    /// <summary>A number whose unit is another answer (a distance in km or miles): a quantity, its units the UCUM options.</summary>
    public static bool IsQuantity(Question question) => question.Kind == QuestionKind.Number && question.UnitFrom is not null;

    private FhirQuestionnaire.ItemComponent Item(string releaseId, Question question)
    {
        var item = new FhirQuestionnaire.ItemComponent
        {
            LinkId = question.Id,
            Text = question.Prompt,
            Type = IsQuantity(question) ? FhirQuestionnaire.QuestionnaireItemType.Quantity : ItemType(question.Kind),
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
        else if (IsQuantity(question))
        {
            // minValue/maxValue take no Quantity in R4: the range stays in the content; the units are the unit question's options.
            var units = store.Find(releaseId)?.Questionnaire.Find(question.UnitFrom!)?.Options ?? [];
            foreach (var unit in units)
            {
                item.Extension.Add(new Extension(FhirCodes.QuestionnaireUnitOption, FhirCodes.Unit(unit.Id)));
            }
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
                item.Extension.Add(new Extension(FhirCodes.QuestionnaireUnit, FhirCodes.Unit(unit)));
            }
        }
        return item;
    }
}
