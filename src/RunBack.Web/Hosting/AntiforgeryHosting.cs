using Microsoft.AspNetCore.Antiforgery;

namespace RunBack.Web.Hosting;

public static class AntiforgeryHosting
{
    /// <summary>
    /// Antiforgery on every state-changing request. ASP.NET Core checks the token only on endpoints that read a form,
    /// so a post without fields (delete a check-in, a new recovery code) would go unchecked: here every POST, PUT,
    /// PATCH and DELETE that the framework did not already check is checked, unless the endpoint opts out
    /// explicitly (the JSON API, which reads no cookie) or is the Blazor circuit's hub (which has its own checks).
    /// </summary>
    public static WebApplication UseRunBackAntiforgery(this WebApplication app)
    {
        // A body that cannot be read is answered here (styled 400/413, security headers on) before antiforgery reads it.
        app.Use(async (context, next) =>
        {
            if (await ErrorHosting.FormReadableAsync(context))
            {
                await next(context);
            }
        });
        app.UseAntiforgery();
        app.Use(async (context, next) =>
        {
            if (NeedsCheck(context))
            {
                var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
                if (!await antiforgery.IsRequestValidAsync(context))
                {
                    await ErrorHosting.WriteStatusAsync(context, StatusCodes.Status400BadRequest);
                    return;
                }
            }
            await next(context);
        });
        return app;
    }

    private static bool NeedsCheck(HttpContext context)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method))
        {
            return false;
        }
        if (context.Features.Get<IAntiforgeryValidationFeature>() is not null)
        {
            return false; // Already checked by UseAntiforgery; the endpoint answers a failure itself.
        }
        // No mapped endpoint (routing's own 404, 405 and 415 answers carry no method metadata): nothing runs.
        if (context.GetEndpoint() is not { } endpoint || endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is null
            || endpoint.Metadata.GetOrderedMetadata<IAntiforgeryMetadata>().Any(m => !m.RequiresValidation))
        {
            return false;
        }
        return endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.SignalR.HubMetadata>() is null;
    }
}
