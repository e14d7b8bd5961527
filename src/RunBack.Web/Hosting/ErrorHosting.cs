using Microsoft.AspNetCore.Diagnostics;
using RunBack.Web.Common;
using RunBack.Web.Components.Layout;
using RunBack.Web.Features.Info;

namespace RunBack.Web.Hosting;

public static class ErrorHosting
{
    /// <summary>
    /// Friendly answers for errors and status codes, never a stack trace outside Development:
    /// the JSON API gets RFC 7807 problem details; a page fetched with GET is re-run as /error/{code} in the site layout;
    /// any other request (a form post) gets the same friendly page rendered directly, keeping its status code.
    /// </summary>
    public static WebApplication UseRunBackErrorPages(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandler = context => WriteStatusAsync(context, StatusCodes.Status500InternalServerError),
            });
        }
        app.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true);
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > RequestLimits.MaxRequestBodyBytes)
            {
                // Said before anything reads the body (antiforgery would call it a bad request).
                await WriteStatusAsync(context, StatusCodes.Status413PayloadTooLarge);
                return;
            }
            var pageRead = IsPageRead(context);
            if (!pageRead && context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
            {
                // Re-running a form post or an API call as /error would post to a page: answer here instead.
                statusPages.Enabled = false;
            }
            await next(context);
            if (!pageRead && context.Response.StatusCode >= 400 && !context.Response.HasStarted
                && context.Response.ContentLength is null && context.Response.ContentType is null)
            {
                await WriteStatusAsync(context, context.Response.StatusCode);
            }
        });
        return app;
    }

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    private static bool IsPageRead(HttpContext context) =>
        !IsApi(context) && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method));

    public static async Task WriteStatusAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        if (IsApi(context))
        {
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = status, Title = StatusPage.TitleFor(status), Detail = StatusPage.ExplanationFor(status) },
            });
            return;
        }
        await StandalonePage.Result<Error>(status, new Dictionary<string, object?>
        {
            [nameof(Error.Code)] = status,
            [nameof(Error.FromForm)] = !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method),
        }).ExecuteAsync(context);
    }
}
