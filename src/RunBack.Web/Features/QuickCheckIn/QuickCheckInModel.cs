using RunBack.Core.CheckIns;
using RunBack.Core.Content;
using RunBack.Core.Questionnaire;
using RunBack.Data;

namespace RunBack.Web.Features.QuickCheckIn;

/// <summary>Field names of the quick check-in form beside the release's own question fields (q-&lt;question id&gt;).</summary>
public static class QuickFields
{
    public const string Date = "date";
    public const string Since = "since_last_time";
    public const string Distance = "distance";
    public const string Helped = "helped";
    public const string Key = "key";
    public const string NewShoes = "new_shoes";
    public const string NewShoesDistance = "new_shoes_distance";
}

/// <summary>
/// What the quick check-in starts from: the last full self-check and its answers read under the current release, and the
/// profile's check-ins as read for the page (the earlier weeks' distances come from them, without reading them again).
/// </summary>
public sealed partial record QuickStart(
    ContentRelease Release,
    QuickCheckInContent Content,
    CheckIn Source,
    AnswerSet Carried,
    IReadOnlyDictionary<string, string> CarryErrors,
    bool Stale,
    bool Miles,
    IReadOnlyList<CheckIn> History)
{
    /// <summary>The release's pain questions on the page: back and hip pain, and the PEG's three when the release has them.</summary>
    public IReadOnlyList<Question> PainFromRelease => QuickCheckInContent.PainQuestions(Release.Questionnaire);

    /// <summary>The release's warning-sign questions, asked first on the page.</summary>
    public IEnumerable<Question> SafetyFromRelease => Release.Questionnaire.Sections.Where(s => s.Safety).SelectMany(s => s.Questions);

    /// <summary>The questions asked on the quick check-in from the release: pain (with the PEG), then every warning-sign question.</summary>
    public IReadOnlyList<Question> AskedFromRelease => [.. PainFromRelease, .. SafetyFromRelease];

    /// <summary>Ids the quick check-in answers itself (never carried over).</summary>
    public IReadOnlySet<string> AnsweredHere => new HashSet<string>(
        AskedFromRelease.Select(q => q.Id)
            .Concat([Content.SinceLastTime.Sets!, Content.Distance.Sets!])
            .Concat(Core.History.TrainingLog.WeekQuestionIds), StringComparer.Ordinal);

    /// <summary>The carried-over answers a runner sees, in questionnaire order.</summary>
    public IEnumerable<Question> CarriedQuestions =>
        Release.Questionnaire.Questions.Where(q => !AnsweredHere.Contains(q.Id) && (!Carried.Get(q.Id).IsNone || CarryErrors.ContainsKey(q.Id)));

    /// <summary>The quick check-in's own questions as release-style questions, so they render like every other field.</summary>
    public Question SinceQuestion => new()
    {
        Id = QuickFields.Since,
        Kind = QuestionKind.SingleChoice,
        Prompt = Content.SinceLastTime.Prompt,
        Label = "Since last time",
        Help = Content.SinceLastTime.Help,
        Required = true,
        SectionId = "quick",
        Options = [.. Content.SinceLastTime.Options.Select(o => new AnswerOption(o.Id, o.Label))],
    };

    public Question DistanceQuestion => new()
    {
        Id = QuickFields.Distance,
        Kind = QuestionKind.Number,
        Prompt = Content.Distance.Prompt,
        Label = "Distance in the last 7\u00A0days",
        Help = Content.Distance.Help,
        Required = true,
        SectionId = "quick",
        Min = 0,
        Max = 500,
        Step = 0.5,
        Unit = Miles ? "miles" : "km",
    };

    public Question HelpedQuestion => new()
    {
        Id = QuickFields.Helped,
        Kind = QuestionKind.MultiChoice,
        Prompt = Content.Helped.Prompt,
        Label = "What helped",
        Help = Content.Helped.Help,
        Required = false,
        SectionId = "quick",
        Options = [.. Content.Helped.Options.Select(o => new AnswerOption(o.Id, o.Label, o.Exclusive))],
    };
}

/// <summary>The quick check-in as posted: its own answers (for re-showing), the day and the key, and every problem by field.</summary>
public sealed record QuickSubmission(AnswerSet Shown, IReadOnlyDictionary<string, string> RawText, string? Date, Guid Key,
    Dictionary<string, string> Errors)
{
    /// <summary>The runner's note to store (issue 26 item 16; null when none or refused): never an answer, so never merged.</summary>
    public string? Note { get; init; }

    /// <summary>The note as typed, given back in the field whatever happened.</summary>
    public string NoteTyped { get; init; } = "";
}
