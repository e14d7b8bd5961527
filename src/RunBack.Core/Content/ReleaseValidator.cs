using FluentValidation;
using FluentValidation.Results;
using RunBack.Core.Questionnaire;
using RunBack.Core.Rules;

namespace RunBack.Core.Content;

/// <summary>
/// Checks a parsed release as a whole: every reference points somewhere, every value fits its question,
/// every guidance item can be reached. Each failure carries the <see cref="SourceLocation"/> to fix.
/// </summary>
public sealed partial class ReleaseValidator : AbstractValidator<ContentRelease>
{
    public ReleaseValidator()
    {
        RuleFor(r => r.Questionnaire.Sections).NotEmpty().WithMessage("the questionnaire has no sections")
            .WithState(r => r.Info.Location);
        RuleFor(r => r).Custom(CheckQuestions);
        RuleFor(r => r).Custom(CheckComputed);
        RuleFor(r => r).Custom(CheckRules);
        RuleFor(r => r).Custom(CheckReachability);
        RuleFor(r => r).Custom(CheckInfo);
    }

    private static void Fail(ValidationContext<ContentRelease> context, SourceLocation location, string message) =>
        context.AddFailure(new ValidationFailure("", message) { CustomState = location });

    private static void CheckInfo(ContentRelease release, ValidationContext<ContentRelease> context)
    {
        if (release.Info.PhysioQuestions.Count == 0)
        {
            Fail(context, release.Info.Location, "release.yaml lists no 'physio_questions' for the printed summary");
        }
    }

    private static void CheckQuestions(ContentRelease release, ValidationContext<ContentRelease> context)
    {
        var questionnaire = release.Questionnaire;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in questionnaire.Sections)
        {
            if (section.Questions.Count == 0)
            {
                Fail(context, section.Location, $"section '{section.Id}' has no questions");
            }
            foreach (var q in section.Questions)
            {
                var where = q.Location;
                switch (q.Kind)
                {
                    case QuestionKind.SingleChoice or QuestionKind.MultiChoice when q.Options.Count < 2:
                        Fail(context, where, $"question '{q.Id}' is a choice and needs at least two options");
                        break;
                    case QuestionKind.YesNo or QuestionKind.Number or QuestionKind.Scale or QuestionKind.Date when q.Options.Count > 0:
                        Fail(context, where, $"question '{q.Id}' of kind {q.Kind} cannot have options");
                        break;
                }
                if (q.Kind == QuestionKind.SingleChoice && q.Options.Any(o => o.Exclusive))
                {
                    Fail(context, where, $"question '{q.Id}': 'exclusive' options only make sense in a multi_choice question");
                }
                if (q.Kind is QuestionKind.Number or QuestionKind.Scale)
                {
                    if (q.Min is null || q.Max is null)
                    {
                        Fail(context, where, $"question '{q.Id}' needs 'min' and 'max'");
                    }
                    else if (q.Min >= q.Max)
                    {
                        Fail(context, where, $"question '{q.Id}': 'min' must be less than 'max'");
                    }
                    if (q.Kind == QuestionKind.Scale && (q.Min != 0 || q.Max != 10))
                    {
                        Fail(context, where, $"question '{q.Id}': a pain scale runs from 0 to 10");
                    }
                    if (q.Step <= 0)
                    {
                        Fail(context, where, $"question '{q.Id}': 'step' must be above zero");
                    }
                }
                if (q.UnitFrom is not null)
                {
                    var unitQuestion = questionnaire.Find(q.UnitFrom);
                    if (unitQuestion is null || unitQuestion.Kind != QuestionKind.SingleChoice)
                    {
                        Fail(context, where, $"question '{q.Id}': 'unit_from' must name a single_choice question, not '{q.UnitFrom}'");
                    }
                    else if (!seen.Contains(unitQuestion.Id))
                    {
                        Fail(context, where, $"question '{q.Id}': its unit question '{q.UnitFrom}' must come before it");
                    }
                }
                if (q.ShowIf is not null)
                {
                    foreach (var leaf in q.ShowIf.Leaves())
                    {
                        if (leaf.Value.Source == ValueSource.Answer && !seen.Contains(leaf.Value.Id))
                        {
                            Fail(context, leaf.Location, $"question '{q.Id}' is shown depending on '{leaf.Value.Id}', which must be an earlier question");
                        }
                    }
                    CheckCondition(release, q.ShowIf, context);
                }
                seen.Add(q.Id);
            }
        }
    }

    private static void CheckComputed(ContentRelease release, ValidationContext<ContentRelease> context)
    {
        foreach (var c in release.Rules.Computed)
        {
            foreach (var input in c.Inputs)
            {
                var question = release.Questionnaire.Find(input);
                var expected = c.Function is ComputedFunction.DaysSince or ComputedFunction.DaysAgo ? QuestionKind.Date : QuestionKind.Number;
                if (question is null)
                {
                    Fail(context, c.Location, $"computed value '{c.Id}' reads unknown question '{input}'");
                }
                else if (question.Kind != expected)
                {
                    Fail(context, c.Location, $"computed value '{c.Id}' needs '{input}' to be a {expected} question, not {question.Kind}");
                }
            }
            var expectedInputs = c.Function switch
            {
                ComputedFunction.LargestIncreasePercent or ComputedFunction.LargestWeeklyRise or ComputedFunction.NewStart => c.Inputs.Count >= 2,
                ComputedFunction.RiseOverAverage => c.Inputs.Count >= 3,
                _ => c.Inputs.Count == 1,
            };
            if (!expectedInputs)
            {
                Fail(context, c.Location, $"computed value '{c.Id}' has the wrong number of inputs for its function");
            }
            if (c.Function == ComputedFunction.DistanceInMiles)
            {
                var unit = c.UnitFrom is null ? null : release.Questionnaire.Find(c.UnitFrom);
                if (unit is null || unit.FindOption("km") is null || unit.FindOption("miles") is null)
                {
                    Fail(context, c.Location, $"computed value '{c.Id}' needs 'unit_from' naming a question with options 'km' and 'miles'");
                }
            }
        }
    }

    private static void CheckRules(ContentRelease release, ValidationContext<ContentRelease> context)
    {
        var rules = release.Rules;
        foreach (var pattern in rules.Hip.Patterns.Append(rules.Hip.LeadingSign))
        {
            CheckCondition(release, pattern.When, context);
        }
        if (rules.Hip.Patterns.Count == 0)
        {
            Fail(context, rules.Hip.LeadingSign.Location, "the hip section lists no patterns");
        }
        var knownValues = new HashSet<string>(release.Questionnaire.Questions.Select(q => q.Id).Concat(rules.ComputedIds()), StringComparer.Ordinal);
        foreach (var rule in rules.Rules)
        {
            CheckCondition(release, rule.When, context);
            if (rule.Factor is not null && rules.FindFactor(rule.Factor) is null)
            {
                Fail(context, rule.Location, $"rule '{rule.Id}' marks unknown factor '{rule.Factor}'");
            }
            foreach (var itemId in rule.Guidance)
            {
                if (release.FindItem(itemId) is not { } item)
                {
                    Fail(context, rule.Location, $"rule '{rule.Id}' selects guidance item '{itemId}', which does not exist");
                }
                else if (item.Kind == GuidanceKind.Explanation && (rule.Factor is null || rule.Triage is not null))
                {
                    // An explanation is shown with its factor, never as something to do; a warning sign leads with actions.
                    Fail(context, rule.Location, $"rule '{rule.Id}' selects explanation '{itemId}': an explanation goes with a factor, so only a rule with a factor and no triage tier may select it");
                }
            }
            if (rule.Triage is > TriageLevel.SelfCare && string.IsNullOrWhiteSpace(rule.Flag))
            {
                Fail(context, rule.Location, $"rule '{rule.Id}' raises the triage tier and must name the warning sign in 'flag'");
            }
            if (rule.Triage is null && rule.Factor is null && rule.Guidance.Count == 0)
            {
                Fail(context, rule.Location, $"rule '{rule.Id}' does nothing: give it a triage tier, a factor or guidance");
            }
            foreach (var placeholder in rule.Because.Placeholders)
            {
                if (!knownValues.Contains(placeholder))
                {
                    Fail(context, rule.Location, $"rule '{rule.Id}': '{{{placeholder}}}' in 'because' names no question or computed value");
                }
            }
        }
    }
}
