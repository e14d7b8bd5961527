namespace RunBack.Web.Common;

public static class RequestLimits
{
    /// <summary>Largest request body accepted anywhere (answers are a few KB).</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    /// <summary>Largest answers document a form post may carry.</summary>
    public const int MaxAnswersLength = 16_000;
}
