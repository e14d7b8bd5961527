using System.Collections.Frozen;
using RunBack.Core.Content;
using RunBack.Core.Rules;

namespace RunBack.Core.Questionnaire;

public sealed record AnswerOption(string Id, string Label, bool Exclusive = false);

public sealed class Question
{
    public required string Id { get; init; }
    public required QuestionKind Kind { get; init; }
    /// <summary>The full question as the runner reads it.</summary>
    public required string Prompt { get; init; }
    /// <summary>A short label for summaries and "why you are seeing this".</summary>
    public required string Label { get; init; }
    public string? Help { get; init; }
    public bool Required { get; init; }
    public IReadOnlyList<AnswerOption> Options { get; init; } = [];
    public double? Min { get; init; }
    public double? Max { get; init; }
    public double Step { get; init; } = 1;
    /// <summary>A fixed unit ("hours a day", "steps a minute").</summary>
    public string? Unit { get; init; }
    /// <summary>A single-choice question whose chosen option is this number's unit.</summary>
    public string? UnitFrom { get; init; }
    /// <summary>Labels for the ends of a 0–10 scale.</summary>
    public string? MinLabel { get; init; }
    public string? MaxLabel { get; init; }
    public Condition? ShowIf { get; init; }
    public required string SectionId { get; init; }
    public SourceLocation Location { get; init; } = SourceLocation.None;

    public AnswerOption? FindOption(string id)
    {
        foreach (var option in Options)
        {
            if (option.Id == id)
            {
                return option;
            }
        }
        return null;
    }

    public bool IsVisible(AnswerSet answers, IComputedValues? computed = null) =>
        ShowIf is null || ShowIf.Evaluate(new EvaluationScope(answers, computed ?? NoComputedValues.Instance));
}

public sealed class Section
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string? Intro { get; init; }
    /// <summary>Marks the section that asks for warning signs.</summary>
    public bool Safety { get; init; }
    public required IReadOnlyList<Question> Questions { get; init; }
    public SourceLocation Location { get; init; } = SourceLocation.None;
}

public sealed class QuestionnaireDefinition
{
    private readonly FrozenDictionary<string, Question> _byId;

    public QuestionnaireDefinition(IReadOnlyList<Section> sections)
    {
        Sections = sections;
        Questions = [.. sections.SelectMany(s => s.Questions)];
        _byId = Questions
            .GroupBy(q => q.Id, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public IReadOnlyList<Section> Sections { get; }
    public IReadOnlyList<Question> Questions { get; }

    public Question? Find(string id) => _byId.GetValueOrDefault(id);

    public Section? FindSection(string id) => Sections.FirstOrDefault(s => s.Id == id);
}
