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
                // Storage that failed while a page read it (a database outage after the profile lookup succeeded) is the
                // styled 503 "try again", as everywhere else in an outage, not a 500.
                ExceptionHandler = context => WriteStatusAsync(context,
                    context.Features.Get<IExceptionHandlerFeature>()?.Error is { } error && RunBack.Web.Data.StorageErrors.IsStorageFailure(error)
                        ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError),
            });
        }
        app.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true);
        app.Use(async (context, next) =>
        {
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

    /// <summary>
    /// Refuses a body over the size limit, and reads a posted form once, before antiforgery or an endpoint does (both then use the form already read), so a body
    /// that cannot be read (too many fields, a value too long, broken multipart, no boundary, a chunked body over the size
    /// limit) is answered here with the styled 400 or 413 page instead of an exception in the middle of the pipeline.
    /// </summary>
    public static async Task<bool> FormReadableAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > RequestLimits.MaxRequestBodyBytes)
        {
            // Said before anything reads the body (antiforgery would call it a bad request).
            await WriteStatusAsync(context, StatusCodes.Status413PayloadTooLarge);
            return false;
        }
        if (!request.HasFormContentType || IsHub(context) || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            return true;
        }
        if (request.ContentLength is null)
        {
            // Kestrel stops a chunked body at its limit too; this says the same on any server, before the form is read.
            request.Body = new SizeLimitedStream(request.Body, RequestLimits.MaxRequestBodyBytes);
        }
        try
        {
            await request.ReadFormAsync(context.RequestAborted);
            return true;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException or FormatException or ArgumentException)
        {
            var status = ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } ? StatusCodes.Status413PayloadTooLarge
                : StatusCodes.Status400BadRequest;
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
            Log.UnreadableForm(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ErrorHosting)),
                route, ex.GetType().Name, status);
            if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
            {
                statusPages.Enabled = false;
            }
            await WriteStatusAsync(context, status);
            return false;
        }
    }

    private static bool IsHub(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.SignalR.HubMetadata>() is not null
        || context.Request.Path.StartsWithSegments("/_blazor");

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    private static bool IsPageRead(HttpContext context) =>
        !IsApi(context) && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method));

    /// <summary>
    /// Writes the friendly answer for a status code. The page is rendered in a scope of its own (the request's may hold a
    /// page that failed half-way, whose navigation state cannot be set up twice); if even that fails, a plain static page
    /// is written, so an error answer is never empty and always carries the security headers.
    /// </summary>
    public static async Task WriteStatusAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        var requestServices = context.RequestServices;
        try
        {
            if (IsApi(context))
            {
                var problems = requestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = { Status = status, Title = StatusPage.TitleFor(status), Detail = StatusPage.ExplanationFor(status) },
                });
                return;
            }
            await using var scope = requestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            context.RequestServices = scope.ServiceProvider;
            await StandalonePage.Result<Error>(status, new Dictionary<string, object?>
            {
                [nameof(Error.Code)] = status,
                [nameof(Error.FromForm)] = !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method),
            }).ExecuteAsync(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            var logger = requestServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(ErrorHosting));
            if (logger is not null)
            {
                Log.ErrorPageFailed(logger, ex.GetType().Name);
            }
            await WriteFallbackAsync(context, status);
        }
        finally
        {
            context.RequestServices = requestServices;
        }
    }

    /// <summary>The last resort: a static page in the site's colours, its own headers set here (nothing else may run).</summary>
    private static async Task WriteFallbackAsync(HttpContext context, int status)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        SecurityHosting.SetHeaders(response.Headers, SecurityHosting.FallbackContentSecurityPolicy);
        response.Headers.CacheControl = "no-store";
        var title = System.Net.WebUtility.HtmlEncode(StatusPage.TitleFor(status));
        var explanation = System.Net.WebUtility.HtmlEncode(StatusPage.ExplanationFor(status));
        var reference = status >= 500
            ? $"<p>If you contact us about this, quote this reference: <code>{System.Net.WebUtility.HtmlEncode(StatusPage.Reference(context))}</code></p>"
            : "";
        await response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1.0">
            <meta name="robots" content="noindex">
            <title>{{title}} – RunBack</title>
            <style>{{FallbackStyle}}</style>
            </head>
            <body>
            <main>
            <p class="brand">RunBack</p>
            <h1>{{title}}</h1>
            <p>{{explanation}}</p>
            <p>Nothing you saved has been lost.</p>
            {{reference}}
            <p><a href="/">Go to the home page</a></p>
            </main>
            </body>
            </html>
            """);
    }

    /// <summary>The fallback page's whole style; the policy it is sent with allows this one inline style element by its hash.</summary>
    public const string FallbackStyle =
        "body{margin:0;font-family:system-ui,sans-serif;line-height:1.5;color:#1f2933;background:#f7f9fb}" +
        "main{max-width:40rem;margin:3rem auto;padding:0 1rem}.brand{font-weight:700;color:#0b6e4f}" +
        "h1{font-size:1.6rem}a{color:#0b6e4f}";
}
