using Microsoft.Extensions.Options;

namespace RunBack.Web.Common;

/// <summary>The app cannot start as configured; the message says what to fix, in one line.</summary>
public sealed class StartupRefusedException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>
    /// The one line an operator reads for a refusal (bad settings, a database that does not answer, missing content),
    /// or null for any other failure, which keeps its stack trace.
    /// </summary>
    public static string? OneLine(Exception ex) => ex switch
    {
        StartupRefusedException refused => "RunBack cannot start: " + refused.Message,
        OptionsValidationException invalid => "RunBack cannot start: " + string.Join(" ", invalid.Failures),
        AggregateException { InnerExceptions.Count: 1 } aggregate => OneLine(aggregate.InnerExceptions[0]),
        _ => null,
    };

    /// <summary>True when RunBack.Web is the process's own program (not hosted by tests or design-time tools).</summary>
    public static bool RunningAsApp => System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name == "RunBack.Web";
}
