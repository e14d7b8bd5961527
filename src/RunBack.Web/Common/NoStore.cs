namespace RunBack.Web.Common;

/// <summary>Health data in a download (exports, PDFs) is never kept by a browser or proxy cache.</summary>
public sealed class NoStore : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
        return next(context);
    }
}
