using RunBack.Web.Data;

namespace RunBack.Web.Common;

/// <summary>
/// A write that meets a read-only, full or vanished disk answers 503 with the site's plain "storage is not available"
/// page (never a generic 500); nothing was changed and trying again later works once the disk is back.
/// </summary>
public sealed class StorageUnavailable : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (StorageErrors.IsStorageFailure(ex))
        {
            context.HttpContext.RequestServices.GetRequiredService<StorageFailureLog>().Failed("a write", StorageErrors.Kind(ex));
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }
}
