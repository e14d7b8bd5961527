using Hl7.Fhir.Model;
using RunBack.Core.CheckIns;
using RunBack.Core.Content;
using RunBack.Core.Questionnaire;
using RunBack.Data;

namespace RunBack.Web.Features.Fhir;

/// <summary>The quick check-in's QuestionnaireResponse: what its page asked that day, against its own questionnaire.</summary>
public sealed partial class CheckInBundle
{
    /// <summary>
    /// A quick check-in against its own questionnaire (quick-{release}): pain, since last time, the distance of the last 7
    /// days, what helped and the warning-sign answers, all given that day. The carried-over answers its result used are not
    /// in it; the carried-over-from extension names the day of the self-check they came from.
    /// </summary>
    private QuestionnaireResponse QuickResponse(CheckIn checkIn, ContentRelease release, AnswerSet answers)
    {
        var quickId = FhirQuestionnaires.QuickPrefix + release.Id;
        var response = new QuestionnaireResponse
        {
            Id = checkIn.Id.ToString(),
            Questionnaire = $"{Questionnaires.Url(quickId)}|{release.Id}",
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Authored = Authored(checkIn),
            Language = FhirNarrative.Language,
        };
        response.Extension.Add(new Extension(CheckInDateExtension, Day(checkIn.CheckInDate)));
        if (checkIn.CarriedFromDate is { } carried)
        {
            response.Extension.Add(new Extension(CarriedOverFromExtension, Day(carried)));
        }
        var group = new QuestionnaireResponse.ItemComponent { LinkId = FhirQuestionnaires.SectionLinkId(FhirQuestionnaires.QuickSection), Text = Quick.Title };
        foreach (var question in QuickCheckInContent.PainQuestions(release.Questionnaire))
        {
            if (answers.Get(question.Id) is { IsNone: false } value)
            {
                group.Item.Add(ResponseItem(question.Id, question.Prompt, Answers(release.Id, question, value, answers)));
            }
        }
        if (checkIn.SinceLastTime is { } since)
        {
            group.Item.Add(ResponseItem(FhirQuestionnaires.SinceLastTime, Quick.SinceLastTime.Prompt,
                [QuickOption(quickId, FhirQuestionnaires.SinceLastTime, Quick.SinceLastTime, since)]));
        }
        if (answers.Get(TrainingWeekOne) is { Kind: AnswerValueKind.Number } distance)
        {
            group.Item.Add(ResponseItem(FhirQuestionnaires.Distance, Quick.Distance.Prompt,
                [FhirCodes.Quantity((decimal)distance.Number, answers.Get(DistanceUnit).Text)]));
        }
        var helped = checkIn.Helped.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (helped.Length > 0)
        {
            group.Item.Add(ResponseItem(FhirQuestionnaires.Helped, Quick.Helped.Prompt,
                [.. helped.Select(id => QuickOption(quickId, FhirQuestionnaires.Helped, Quick.Helped, id))]));
        }
        response.Item.Add(group);
        foreach (var section in release.Questionnaire.Sections.Where(s => s.Safety))
        {
            var safety = new QuestionnaireResponse.ItemComponent { LinkId = FhirQuestionnaires.SectionLinkId(section.Id), Text = section.Title };
            foreach (var question in section.Questions)
            {
                if (answers.Get(question.Id) is { IsNone: false } value)
                {
                    safety.Item.Add(ResponseItem(question.Id, question.Prompt, Answers(release.Id, question, value, answers)));
                }
            }
            if (safety.Item.Count > 0)
            {
                response.Item.Add(safety);
            }
        }
        AddNote(response, checkIn);
        var sinceLabel = Quick.SinceLastTime.Options.FirstOrDefault(o => o.Id == checkIn.SinceLastTime)?.Label;
        response.Text = FhirNarrative.Of(
            $"RunBack quick check-in for {DayText(checkIn.CheckInDate)}, saved {Authored(checkIn)}, under release {release.Id}.",
            PainSummary(answers) + (sinceLabel is null ? "" : $" Since the last check-in: {sinceLabel}."),
            checkIn.CarriedFromDate is { } from
                ? $"Its other answers were carried over from the full self-check of {DayText(from)} and are not part of this response."
                : "");
        return response;
    }

    private const string TrainingWeekOne = "distance_week_1";
    private const string DistanceUnit = "distance_unit";

    private static QuestionnaireResponse.ItemComponent ResponseItem(string linkId, string text, IEnumerable<DataType> values)
    {
        var item = new QuestionnaireResponse.ItemComponent { LinkId = linkId, Text = text };
        item.Answer.AddRange(values.Select(v => new QuestionnaireResponse.AnswerComponent { Value = v }));
        return item;
    }

    private Coding QuickOption(string quickId, string linkId, QuickQuestion question, string optionId) =>
        new(Questionnaires.OptionSystem(quickId, linkId), optionId, question.Options.FirstOrDefault(o => o.Id == optionId)?.Label);
}
