using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace RunBack.Web.Features.Summary;

/// <summary>
/// The summary as a standalone HTML page with the stylesheet inlined (no network needed to print it). Rendered in a
/// DI scope of its own: Blazor's renderer needs scoped services (in Development the container refuses to hand them
/// out from the root provider).
/// </summary>
public sealed class SummaryHtml(IServiceScopeFactory scopes, ILoggerFactory loggers, IWebHostEnvironment environment)
{
    private string? _css;

    private async Task<string> ReadAsync(string file) => await File.ReadAllTextAsync(Path.Combine(environment.WebRootPath, file)) + "\n";

    public async Task<string> RenderAsync(SummaryModel model)
    {
        _css ??= await ReadAsync("app.css") + await ReadAsync("pages.css") + await ReadAsync("summary.css") + "@media print {\n" + await ReadAsync("print.css") + "}\n";
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        var body = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<SummaryDocument>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(SummaryDocument.Model)] = model,
            }));
            return output.ToHtmlString();
        });
        return $"""
            <!DOCTYPE html>
            <html lang="{System.Globalization.CultureInfo.CurrentUICulture.Name}"><head><meta charset="utf-8"><title>RunBack guidance summary</title>
            <style>{_css}</style></head>
            <body class="pdf">{body}</body></html>
            """;
    }
}
