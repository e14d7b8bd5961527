using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace RunBack.Web.Features.Summary;

public sealed class PdfOptions
{
    public const string Section = "Pdf";

    /// <summary>The Chromium the server prints PDFs with (Debian's package installs it at /usr/bin/chromium).</summary>
    [Required]
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    [Range(1, 8)]
    public int MaxConcurrent { get; set; } = 2;
}

/// <summary>
/// Prints the summary to PDF with headless Chromium: the same HTML and print stylesheet the browser uses, so the PDF
/// and the printed page match. Chromium is started once, on first use, and shared.
/// </summary>
public sealed class PdfRenderer(IOptions<PdfOptions> options, IServiceProvider services, IWebHostEnvironment environment, ILogger<PdfRenderer> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(options.Value.MaxConcurrent);
    private readonly SemaphoreSlim _startLock = new(1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public bool Available => File.Exists(options.Value.ChromiumPath);

    public async Task<byte[]?> RenderAsync(SummaryModel model, bool letter, CancellationToken cancellationToken)
    {
        if (!Available)
        {
            PdfLog.ChromiumMissing(logger);
            return null;
        }
        var html = await RenderHtmlAsync(model);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var browser = await BrowserAsync();
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Offline = true });
            var page = await context.NewPageAsync();
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            return await page.PdfAsync(new PagePdfOptions
            {
                Format = letter ? "Letter" : "A4",
                PrintBackground = false,
                DisplayHeaderFooter = true,
                HeaderTemplate = "<div style=\"font-size:8px;width:100%;padding:0 12mm;color:#444\">RunBack guidance summary · reference " +
                                 System.Net.WebUtility.HtmlEncode(model.Reference) + "</div>",
                FooterTemplate = "<div style=\"font-size:8px;width:100%;padding:0 12mm;color:#444;display:flex;justify-content:space-between\">" +
                                 "<span>Information, not a diagnosis.</span><span>Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></span></div>",
                Margin = new Margin { Top = "16mm", Bottom = "16mm", Left = "12mm", Right = "12mm" },
            });
        }
        catch (PlaywrightException ex)
        {
            PdfLog.Failed(logger, ex.GetType().Name);
            await ResetAsync();
            return null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The summary as a standalone HTML page with the stylesheet inlined (no network needed to print it).</summary>
    public async Task<string> RenderHtmlAsync(SummaryModel model)
    {
        var css = await File.ReadAllTextAsync(Path.Combine(environment.WebRootPath, "app.css"));
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
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
            <style>{css}</style></head>
            <body class="pdf">{body}</body></html>
            """;
    }

    private async Task<IBrowser> BrowserAsync()
    {
        if (_browser is { IsConnected: true })
        {
            return _browser;
        }
        await _startLock.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true })
            {
                return _browser;
            }
            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = options.Value.ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            return _browser;
        }
        finally
        {
            _startLock.Release();
        }
    }

    private async Task ResetAsync()
    {
        if (_browser is not null)
        {
            try
            {
                await _browser.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // Already gone.
            }
            _browser = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ResetAsync();
        _playwright?.Dispose();
        _gate.Dispose();
        _startLock.Dispose();
    }
}
