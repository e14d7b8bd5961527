using System.Text.Json;
using Microsoft.Extensions.Localization;
using RunBack.Core.Questionnaire;
using RunBack.Web.Common;

namespace RunBack.Web.Features.Assessments;

/// <summary>The intake's front doors: the API's JSON body, a result's form (save, summary draft) and the quick check-in's fields.</summary>
public sealed partial class AnswerIntake
{
    /// <summary>
    /// The API's request body, as the intake reads it: the OpenAPI document describes this record, and the JSON front
    /// door reads exactly its properties (by these names), so the two cannot drift.
    /// </summary>
    /// <param name="Answers">Question id to answer: true/false, a number, an option id, a list of option ids, or a yyyy-MM-dd date.</param>
    /// <param name="Date">The day of the check-in (defaults to today).</param>
    public sealed record ApiRequest(Dictionary<string, JsonElement> Answers, string? Date);

    /// <summary>The JSON names of <see cref="ApiRequest"/>'s properties, as the front door reads them.</summary>
    public static readonly string AnswersProperty = JsonNamingPolicy.CamelCase.ConvertName(nameof(ApiRequest.Answers));

    public static readonly string DateProperty = JsonNamingPolicy.CamelCase.ConvertName(nameof(ApiRequest.Date));

    /// <summary>
    /// The API's body, parsed strictly (a repeated name is refused). A null document with a null error: the body is too large.
    /// </summary>
    public static async Task<(JsonDocument? Document, string? Error)> ParseBodyAsync(Stream body, IStringLocalizer<Wording> words, CancellationToken cancellationToken)
    {
        try
        {
            return (await JsonDocument.ParseAsync(body, AnswerParser.StrictJson, cancellationToken), null);
        }
        catch (JsonException)
        {
            return (null, "The body is not valid JSON, or it repeats a property name.");
        }
        catch (InvalidOperationException)
        {
            // Checking for repeated names decodes every name: a lone surrogate in one surfaces here.
            return (null, AnswerWording.Say(words, AnswerParser.NotUnicode));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, null);
        }
    }

    /// <summary>The API: a parsed JSON body under the current release. Errors are keyed by field (a question id, "answers", "date", "body").</summary>
    public IntakeResult FromJson(JsonElement root, string? country)
    {
        if (!AnswerParser.IsValidText(root))
        {
            return Unreadable("body", assessments.Say(AnswerParser.NotUnicode), country);
        }
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(AnswersProperty, out var answersElement))
        {
            return Unreadable(AnswersProperty, "Send an object like {\"answers\": {\"back_pain\": 4, ...}}.", country);
        }
        var release = assessments.Current;
        var (answers, readErrors) = AnswerParser.FromJson(answersElement, release.Questionnaire);
        if (readErrors.TryGetValue(AnswersProperty, out var whole) && whole.Code == AnswerErrorCode.NotUnicode)
        {
            return Unreadable(AnswersProperty, assessments.Say(whole), country);
        }
        var date = new PostedDate(assessments.Today, false, null);
        if (root.TryGetProperty(DateProperty, out var dateElement) && dateElement.ValueKind != JsonValueKind.Null)
        {
            date = dateElement.ValueKind == JsonValueKind.String
                ? ReadDate(dateElement.GetString(), emptyIsToday: false)
                : new PostedDate(assessments.Today, true, "'date' is the day of the check-in, yyyy-MM-dd.");
        }
        return Check(release, answers, date, readErrors, country);
    }

    /// <summary>
    /// A result's form (to save a check-in or print an unsaved summary): the answers as JSON under the release the form
    /// names. A refusal's <see cref="IntakeResult.Problem"/> says in plain words what is wrong.
    /// </summary>
    public IntakeResult FromForm(PostedAnswers form, string? country)
    {
        if (string.IsNullOrWhiteSpace(form.Answers) || form.Answers.Length > RequestLimits.MaxAnswersLength)
        {
            return Unreadable(AnswersProperty, "The answers did not arrive. Please go back to your result and try again.", country) with
            {
                Problem = "The answers did not arrive. Please go back to your result and try again.",
            };
        }
        var release = string.IsNullOrEmpty(form.Release) ? null : assessments.Find(form.Release);
        AnswerSet answers;
        IReadOnlyDictionary<string, AnswerError> readErrors;
        try
        {
            // Read under the named release, or the current one when RunBack no longer has it: a warning sign is still a
            // warning sign, and it is judged before anything else is said.
            (answers, readErrors) = AnswerParser.FromJson(form.Answers, (release ?? assessments.Current).Questionnaire);
        }
        catch (JsonException)
        {
            const string NotJson = "The answers could not be read (they are not valid JSON, or they repeat a question). Please go back to your result and try again.";
            return Unreadable(AnswersProperty, NotJson, country) with { Problem = NotJson };
        }
        if (release is null)
        {
            const string Gone = "These answers belong to a version of the self-check we no longer have. Please start the self-check again.";
            var current = assessments.Current;
            return new IntakeResult(IntakeStage.UnknownRelease, null, answers, new PostedDate(assessments.Today, false, null), country,
                new Dictionary<string, string[]>(StringComparer.Ordinal) { ["release"] = [Gone] },
                assessments.WarningSigns(current, answers, ReadDate(form.Date).Day), null)
            { Problem = Gone };
        }
        var date = ReadDate(form.Date);
        if (date.Problem is null && readErrors.TryGetValue(AnswersProperty, out var whole) && whole.Code == AnswerErrorCode.NotUnicode)
        {
            const string NotUnicode = "Some answers contain text that is not valid Unicode. Please go back to the self-check and answer again.";
            return Unreadable(AnswersProperty, NotUnicode, country, release) with { Problem = NotUnicode };
        }
        var result = Check(release, answers, date, readErrors, country);
        return result with
        {
            Problem = result.Stage switch
            {
                IntakeStage.Date when date.Unreadable => "The date of the check-in could not be read. Please go back to your result and try again.",
                IntakeStage.Date => date.Problem,
                IntakeStage.Answers => "Some answers could not be read. Please go back to the self-check and check them.",
                IntakeStage.Invalid => NotValidAnyMore,
                _ => null,
            },
        };
    }

    /// <summary>Answers that were read but that the validator refuses (a form kept from an older page, or edited).</summary>
    public const string NotValidAnyMore = "Some answers are not valid any more. Go back to the self-check and check them.";

    /// <summary>
    /// The quick check-in: one question's posted values (a form field may repeat for a multiple choice). A mistake comes
    /// back as a message; for a multiple choice the known answers other than "None of these" come back with it, so a sign
    /// ticked beside "none" or beside an unknown option is never dropped.
    /// </summary>
    public (AnswerValue Value, string? Error) ReadField(Question question, IReadOnlyList<string> values)
    {
        if (values.Count == 0 || (values.Count == 1 && string.IsNullOrWhiteSpace(values[0])))
        {
            return (AnswerValue.None, null);
        }
        switch (question.Kind)
        {
            case QuestionKind.Scale or QuestionKind.Number:
                return AnswerParser.TryParseNumber(values[0], out var number, out var code)
                    ? (AnswerValue.Of(number), null)
                    : (AnswerValue.None, $"{question.Label}: {(code is { } c ? assessments.Say(new AnswerError(c, null)) : null)}");
            case QuestionKind.YesNo:
                return values[0] switch
                {
                    "yes" => (AnswerValue.Of(true), null),
                    "no" => (AnswerValue.Of(false), null),
                    _ => (AnswerValue.None, $"{question.Label}: choose Yes or No."),
                };
            case QuestionKind.SingleChoice:
                return question.FindOption(values[0]) is not null
                    ? (AnswerValue.Of(values[0]), null)
                    : (AnswerValue.None, $"{question.Label}: choose one of the answers.");
            case QuestionKind.MultiChoice:
                var ticked = question.Options.Where(o => !o.Exclusive && values.Contains(o.Id)).Select(o => o.Id).ToList();
                var kept = ticked.Count == 0 ? AnswerValue.None : AnswerValue.OfOptions(ticked);
                if (values.Any(id => question.FindOption(id) is null))
                {
                    return (kept, $"{question.Label}: choose from the answers shown.");
                }
                if (values.Count > 1 && values.Any(id => question.FindOption(id)!.Exclusive))
                {
                    var none = question.Options.First(o => o.Exclusive).Label;
                    return (kept, $"{question.Label}: \"{none}\" cannot be ticked together with another answer.");
                }
                return (AnswerValue.OfOptions(question.Options.Select(o => o.Id).Where(values.Contains)), null);
            default:
                return (AnswerValue.None, $"{question.Label}: this answer cannot be read.");
        }
    }
}
