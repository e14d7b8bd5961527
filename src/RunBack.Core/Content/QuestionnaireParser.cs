using RunBack.Core.Questionnaire;
using YamlDotNet.RepresentationModel;

namespace RunBack.Core.Content;

/// <summary>Reads questionnaire.yaml: sections, questions, options, ranges and show-if conditions.</summary>
internal static class QuestionnaireParser
{
    internal static QuestionnaireDefinition? Parse(YamlReader r, YamlMappingNode root)
    {
        r.AllowKeys(root, "sections");
        var sections = new List<Section>();
        foreach (var sectionMap in r.Maps(root, "sections"))
        {
            r.AllowKeys(sectionMap, "id", "title", "intro", "safety", "questions");
            var sectionId = r.Text(sectionMap, "id");
            var title = r.Text(sectionMap, "title");
            var questions = new List<Question>();
            foreach (var questionMap in r.Maps(sectionMap, "questions"))
            {
                var question = ParseQuestion(r, questionMap, sectionId ?? "");
                if (question is not null)
                {
                    questions.Add(question);
                }
            }
            if (sectionId is not null && title is not null)
            {
                sections.Add(new Section
                {
                    Id = sectionId,
                    Title = title,
                    Intro = r.Text(sectionMap, "intro", required: false),
                    Safety = r.Flag(sectionMap, "safety"),
                    Questions = questions,
                    Location = r.At(sectionMap),
                });
            }
        }
        return new QuestionnaireDefinition(sections);
    }

    private static Question? ParseQuestion(YamlReader r, YamlMappingNode map, string sectionId)
    {
        r.AllowKeys(map, "id", "kind", "prompt", "label", "help", "required", "options", "min", "max", "step",
            "unit", "unit_from", "min_label", "max_label", "show_if");
        var id = r.Text(map, "id");
        var kindText = r.Text(map, "kind");
        var prompt = r.Text(map, "prompt");
        var label = r.Text(map, "label");
        QuestionKind kind = default;
        if (kindText is not null && !QuestionKinds.Ids.TryParse(kindText, out kind))
        {
            r.Problem(YamlReader.Node(map, "kind")!, $"unknown question kind '{kindText}' (expected one of: {string.Join(", ", QuestionKinds.Ids.All)})");
            kindText = null;
        }
        var options = new List<AnswerOption>();
        foreach (var optionMap in r.Maps(map, "options", required: false))
        {
            r.AllowKeys(optionMap, "id", "label", "exclusive");
            var optionId = r.Text(optionMap, "id");
            var optionLabel = r.Text(optionMap, "label");
            if (optionId is not null && optionLabel is not null)
            {
                options.Add(new AnswerOption(optionId, optionLabel, r.Flag(optionMap, "exclusive")));
            }
        }
        var showIfNode = YamlReader.Node(map, "show_if");
        var showIf = showIfNode is null ? null : ConditionParser.Parse(r, showIfNode);
        if (id is null || kindText is null || prompt is null || label is null || (showIfNode is not null && showIf is null))
        {
            return null;
        }
        var min = r.Number(map, "min");
        var max = r.Number(map, "max");
        if (kind == QuestionKind.Scale)
        {
            min ??= 0;
            max ??= 10;
        }
        return new Question
        {
            Id = id,
            Kind = kind,
            Prompt = prompt,
            Label = label,
            Help = r.Text(map, "help", required: false),
            Required = r.Flag(map, "required"),
            Options = options,
            Min = min,
            Max = max,
            Step = r.Number(map, "step") ?? 1,
            Unit = r.Text(map, "unit", required: false),
            UnitFrom = r.Text(map, "unit_from", required: false),
            MinLabel = r.Text(map, "min_label", required: false),
            MaxLabel = r.Text(map, "max_label", required: false),
            ShowIf = showIf,
            SectionId = sectionId,
            Location = r.At(map),
        };
    }
}
