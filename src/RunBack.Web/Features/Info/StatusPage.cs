namespace RunBack.Web.Features.Info;

/// <summary>Plain words for each status code, shared by the error pages and the API's problem details.</summary>
public static class StatusPage
{
    /// <summary>
    /// The reference an error page shows: the request's trace id, the same id every log line of the request carries
    /// (and its trace in OpenTelemetry), so a runner can quote it and an operator find what happened.
    /// </summary>
    public static string Reference(HttpContext? context) => RunBack.Web.Components.Shared.ErrorReference.For(context);

    public static string TitleFor(int code) => code switch
    {
        404 => "We could not find that page",
        429 => "Too many tries in a short time",
        400 => "We could not read that request",
        409 => "That clashes with something already saved",
        413 => "That was too much to send",
        415 => "That request was in a form we do not accept",
        405 => "That did not work",
        403 => "That is not allowed",
        503 => "This is not available just now",
        _ => "Something went wrong on our side",
    };

    public static string ExplanationFor(int code) => code switch
    {
        404 => "The address may be mistyped, or the page may have moved or been deleted.",
        429 => "To keep everyone's history safe, RunBack limits how often this can be done. Please wait a minute and try again.",
        400 => "Something in the request was missing or could not be read. Please go back and try again.",
        409 => "Please go back, reload the page and try again.",
        413 => "The request was larger than RunBack accepts. Please go back and try again with less.",
        415 => "RunBack could not read the request in the form it was sent. Please go back and try again.",
        503 => "Nothing was changed: storage on our side is not available just now. Please try again in a moment.",
        _ => "Sorry, RunBack could not finish that. Please try again in a moment.",
    };
}
