using System.Globalization;
using RunBack.Core.Content;
using RunBack.Core.Questionnaire;
using RunBack.Core.Rules;
using RunBack.Web.Features.Assessments;

namespace RunBack.Web.Features.SelfCheck;

/// <summary>
/// The self-check as a state machine, with no page, storage or browser in it: one content section per step, the
/// answers and the text typed so far, validation in the order a runner sees it, and what Back and Next do.
/// The release is fixed when the self-check starts, so answers given under one release are evaluated and saved
/// under that release even if a newer one is published meanwhile.
/// </summary>
public sealed class SelfCheckWizard
{
    private const int MaxTypedLength = 64;

    private readonly AssessmentService _assessments;
    private readonly Dictionary<string, string> _raw = new(StringComparer.Ordinal);
    private Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    public SelfCheckWizard(AssessmentService assessments, ContentRelease release)
    {
        _assessments = assessments;
        Release = release;
        Answers = StartingAnswers();
    }

    /// <summary>A new self-check starts with the edition's distance unit chosen (miles for en-US); the runner can change it.</summary>
    private AnswerSet StartingAnswers() => DistanceUnits.WithDefaultUnit(AnswerSet.Empty, Release.Questionnaire, CultureInfo.CurrentCulture);

    public ContentRelease Release { get; }

    public DateOnly Today => _assessments.Today;

    public int Step { get; private set; }

    public AnswerSet Answers { get; private set; } = AnswerSet.Empty;

    public Guid IdempotencyKey { get; private set; } = Guid.NewGuid();

    /// <summary>The result, once every step is valid; null while answering.</summary>
    public Assessment? Result { get; private set; }

    /// <summary>The answers so far, evaluated after every answer: drives the live warning banner.</summary>
    public Assessment? Live { get; private set; }

    public IReadOnlyDictionary<string, string> RawText => _raw;

    /// <summary>This step's errors by question id, in the order of the questions on the page.</summary>
    public IReadOnlyDictionary<string, string> Errors => _errors;

    public string? FirstError => _errors.Keys.FirstOrDefault();

    public IReadOnlyList<Section> Sections => Release.Questionnaire.Sections;

    public Section Section => Sections[Step];

    public bool IsLastStep => Step == Sections.Count - 1;

    public IEnumerable<Question> VisibleQuestions => Section.Questions.Where(q => q.IsVisible(Answers));

    public string AnswersJson => AnswerParser.ToJson(Answers);

    /// <summary>Resumes a stored self-check under the release it was started with, or null when that cannot be done.</summary>
    public static SelfCheckWizard? Resume(AssessmentService assessments, SelfCheckSnapshot snapshot)
    {
        var release = assessments.Find(snapshot.ReleaseId);
        if (release is null)
        {
            return null;
        }
        var (answers, errors) = AnswerParser.FromJson(snapshot.AnswersJson, release.Questionnaire);
        var wizard = new SelfCheckWizard(assessments, release)
        {
            Answers = errors.Count == 0 ? answers.WithoutHidden(release.Questionnaire) : AnswerSet.Empty,
            Step = Math.Clamp(snapshot.Step, 0, release.Questionnaire.Sections.Count - 1),
            IdempotencyKey = snapshot.IdempotencyKey,
        };
        foreach (var (id, text) in snapshot.RawText)
        {
            wizard._raw[id] = Trim(text);
        }
        wizard.Live = wizard.Evaluate();
        if (snapshot.ShowingResult)
        {
            wizard.Result = wizard._assessments.Assess(release, wizard.Answers, wizard.Today).Assessment;
        }
        return wizard;
    }

    /// <summary>
    /// A new self-check filled in with the answers of an earlier one ("change these answers" from the quick check-in),
    /// read under the current release. The warning-sign answers are left out: they are always asked afresh.
    /// </summary>
    public static SelfCheckWizard Prefilled(AssessmentService assessments, string answersJson)
    {
        var release = assessments.Current;
        var (answers, _) = AnswerParser.FromJson(answersJson, release.Questionnaire);
        foreach (var question in release.Questionnaire.Sections.Where(s => s.Safety).SelectMany(s => s.Questions))
        {
            answers = answers.Remove(question.Id);
        }
        var wizard = new SelfCheckWizard(assessments, release) { Answers = answers.WithoutHidden(release.Questionnaire) };
        wizard.Live = wizard.Evaluate();
        return wizard;
    }

    public SelfCheckSnapshot Snapshot() =>
        new(Release.Id, Step, AnswersJson, new Dictionary<string, string>(_raw, StringComparer.Ordinal), IdempotencyKey, Result is not null);

    public void Answer(Question question, AnswerValue value)
    {
        Answers = Answers.Set(question.Id, value).WithoutHidden(Release.Questionnaire);
        _errors.Remove(question.Id);
        Live = Evaluate();
    }

    /// <summary>Keeps typed text as typed; when it reads as an answer, the answer is set too.</summary>
    public void Typed(Question question, string text)
    {
        text = Trim(text);
        _raw[question.Id] = text;
        var (value, error) = Parse(question, text);
        if (error is null)
        {
            Answer(question, value);
        }
    }

    public StepMove Next()
    {
        _errors = ValidateStep(Step);
        if (_errors.Count > 0)
        {
            return StepMove.Invalid;
        }
        if (!IsLastStep)
        {
            Step++;
            return StepMove.NextStep;
        }
        // The result is reachable only when every step is valid: send the runner to the first step that is not.
        for (var i = 0; i < Sections.Count; i++)
        {
            var errors = ValidateStep(i);
            if (errors.Count > 0)
            {
                Step = i;
                _errors = errors;
                return StepMove.Invalid;
            }
        }
        Result = _assessments.Assess(Release, Answers, Today).Assessment;
        return Result is null ? StepMove.Invalid : StepMove.Result;
    }

    public void Back() => GoTo(Step - 1);

    /// <summary>Goes to a step already visited (or the first); errors of the step being left are dropped.</summary>
    public void GoTo(int step)
    {
        _errors.Clear();
        Step = Math.Clamp(step, 0, Sections.Count - 1);
    }

    /// <summary>A step chosen with the browser's Back: leaves the result (if shown) for that step, every answer kept.</summary>
    public void ShowStep(int step)
    {
        Result = null;
        GoTo(step);
    }

    /// <summary>From the result back to the first step, every answer kept.</summary>
    public void Edit()
    {
        Result = null;
        GoTo(0);
    }

    /// <summary>After a save: back to the first step with every answer kept and a new key, so saving makes a new check-in.</summary>
    public void EditAsNew()
    {
        IdempotencyKey = Guid.NewGuid();
        Edit();
    }

    public void StartAgain()
    {
        Answers = StartingAnswers();
        _raw.Clear();
        Result = null;
        Live = null;
        IdempotencyKey = Guid.NewGuid();
        GoTo(0);
    }

    /// <summary>Turns typed text into an answer, or a message naming the question. Empty text clears the answer.</summary>
    public (AnswerValue Value, string? Error) Parse(Question question, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (AnswerValue.None, null);
        }
        if (question.Kind == QuestionKind.Date)
        {
            return AnswerParser.TryParseDate(text, out var date)
                ? (AnswerValue.Of(date), null)
                : (AnswerValue.None, $"{question.Label}: enter a date, or pick one of the quick choices.");
        }
        return AnswerParser.TryParseNumber(text, out var number, out var code)
            ? (AnswerValue.Of(number), null)
            : (AnswerValue.None, $"{question.Label}: {(code is { } c ? _assessments.Say(new AnswerError(c, null)) : null)}");
    }

    /// <summary>The live tier and flags for the warning banner after each answer: decisions only, no explanations.</summary>
    private Assessment Evaluate() => AssessmentService.Evaluate(Release, Answers, Today, AssessmentDetail.Decisions);

    private Dictionary<string, string> ValidateStep(int step)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var section = Sections[step];
        // Typed text that is not a number or date is reported as typed, before the range checks.
        foreach (var question in section.Questions.Where(q => q.IsVisible(Answers)))
        {
            if (_raw.TryGetValue(question.Id, out var text) && Parse(question, text).Error is { } error)
            {
                errors[question.Id] = error;
            }
        }
        foreach (var failure in _assessments.Validate(Release, Answers, Today, section.Id).Errors)
        {
            errors.TryAdd(failure.PropertyName, failure.ErrorMessage);
        }
        // Keep the order of the questions on the page, so focus goes to the first one.
        var order = section.Questions.Select(q => q.Id).ToList();
        return errors.OrderBy(e => order.IndexOf(e.Key)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
    }

    private static string Trim(string text) => text.Length > MaxTypedLength ? text[..MaxTypedLength] : text;
}
