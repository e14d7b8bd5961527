using RunBack.Core.Content;
using RunBack.Core.Questionnaire;

namespace RunBack.Core.Tests;

/// <summary>Builds answer sets from the shared "no risk" runner, changed one answer at a time.</summary>
internal sealed class AnswersBuilder
{
    public static readonly DateOnly Today = new(2026, 11, 22);

    private static readonly Lazy<ContentStore> LazyStore = new(() => ContentStore.Load(RepoPaths.Content));

    private AnswerSet _answers = FromPersona(Personas.NoRisk());

    /// <summary>A shared persona (tests/Shared/Personas.cs) as an answer set, dated from <see cref="Today"/>.</summary>
    public static AnswerSet FromPersona(IReadOnlyDictionary<string, object> persona) => AnswerSet.From(persona.ToDictionary(p => p.Key, p => p.Value switch
    {
        string option => AnswerValue.Of(option),
        string[] options => AnswerValue.OfOptions(options),
        bool yes => AnswerValue.Of(yes),
        int number => AnswerValue.Of(number),
        DaysAgo ago => AnswerValue.Of(ago.From(Today)),
        _ => throw new ArgumentException(p.Key),
    }, StringComparer.Ordinal));

    public static ContentStore Store => LazyStore.Value;

    /// <summary>The newest published release, which the app serves.</summary>
    public static ContentRelease Release => Store.Current;

    /// <summary>Release 2026.12.1, for tests of its wording and rules (pinned so that publishing a newer one does not move them).</summary>
    public static ContentRelease Release2026_12_1 => Store.Find("2026.12.1")!;

    /// <summary>Release 2027.1.0 (issue 23: warning signs that fit), pinned for tests of its wording and rules.</summary>
    public static ContentRelease Release2027_1_0 => Store.Find("2027.1.0")!;

    /// <summary>The first release, kept so that check-ins saved under it re-evaluate exactly as they did.</summary>
    public static ContentRelease FirstRelease => Store.Find("2026.11.0")!;

    public AnswersBuilder With(string id, bool value) => Set(id, AnswerValue.Of(value));
    public AnswersBuilder With(string id, double value) => Set(id, AnswerValue.Of(value));
    public AnswersBuilder With(string id, string option) => Set(id, AnswerValue.Of(option));
    public AnswersBuilder With(string id, DateOnly date) => Set(id, AnswerValue.Of(date));
    public AnswersBuilder WithOptions(string id, params string[] options) => Set(id, AnswerValue.OfOptions(options));
    public AnswersBuilder Without(string id) => Set(id, AnswerValue.None);

    public AnswersBuilder WithPainStartedDaysAgo(int days) => With("pain_started", Today.AddDays(-days));

    public AnswersBuilder WithRedFlag(params string[] signs) => WithOptions("serious_signs", signs);

    public AnswersBuilder WithHistory(params string[] items) => WithOptions("health_history", items);

    public AnswersBuilder Set(string id, AnswerValue value)
    {
        _answers = _answers.Set(id, value);
        return this;
    }

    public AnswerSet Build() => _answers;
}
