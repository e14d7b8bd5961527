namespace RunBack.Core.Rules;

/// <summary>How much of an assessment to build (see <see cref="RulesEngine.Evaluate"/>).</summary>
public enum AssessmentDetail
{
    /// <summary>Everything, with the words that explain it: evidence, reasons, computed values as they read.</summary>
    Full,

    /// <summary>What the result is, without the words: for the live warning banner and for saving.</summary>
    Decisions,
}
