namespace RunBack.Core.Questionnaire;

public enum QuestionKind
{
    YesNo,
    SingleChoice,
    MultiChoice,
    Number,
    Scale,
    Date,
}

public static class QuestionKinds
{
    /// <summary>The ids used for <c>kind:</c> in questionnaire.yaml and in the API's questionnaire.</summary>
    public static readonly StableIds<QuestionKind> Ids = new(
        (QuestionKind.YesNo, "yes_no"),
        (QuestionKind.SingleChoice, "single_choice"),
        (QuestionKind.MultiChoice, "multi_choice"),
        (QuestionKind.Number, "number"),
        (QuestionKind.Scale, "scale"),
        (QuestionKind.Date, "date"));

    public static string Id(this QuestionKind kind) => Ids.Id(kind);
}
