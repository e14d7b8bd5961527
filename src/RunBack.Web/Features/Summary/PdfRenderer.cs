using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace RunBack.Web.Features.Summary;

public sealed class PdfOptions
{
    public const string Section = "Pdf";

    /// <summary>The Chromium the server prints PDFs with (Debian's package installs it at /usr/bin/chromium).</summary>
    [Required]
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>PDFs printed at the same time, for the whole app (each one keeps a core busy for a moment).</summary>
    [Range(1, 4)]
    public int MaxConcurrent { get; set; } = 1;

    /// <summary>Requests allowed to wait for a turn; one more is told to try again shortly (503) instead of queueing.</summary>
    [Range(0, 64)]
    public int MaxQueued { get; set; } = 8;

    /// <summary>How long a request waits for its turn before it is told to try again.</summary>
    [Range(1, 120)]
    public int QueueTimeoutSeconds { get; set; } = 20;
}

public enum PdfFailure
{
    /// <summary>No Chromium on this server, or it failed to print.</summary>
    Unavailable,

    /// <summary>Too many PDFs are being made right now.</summary>
    Busy,
}

public sealed record PdfResult(byte[]? Pdf, PdfFailure? Failure);

/// <summary>
/// Prints the summary to PDF with headless Chromium: the same HTML and print stylesheet the browser uses, so the PDF
/// and the printed page match. One browser is kept alive (<see cref="ChromiumHost"/>); each PDF gets a fresh
/// context and page, so nothing is shared between runners. A bounded queue keeps a burst from starving the server.
/// </summary>
public sealed class PdfRenderer(IOptions<PdfOptions> options, ChromiumHost chromium, SummaryHtml html, ILogger<PdfRenderer> logger,
    Common.RunBackMetrics metrics) : IDisposable
{
    private readonly SemaphoreSlim _turns = new(options.Value.MaxConcurrent);
    private int _waiting;

    public bool Available => File.Exists(options.Value.ChromiumPath);

    public async Task<PdfResult> RenderAsync(SummaryModel model, bool letter, CancellationToken cancellationToken)
    {
        if (!Available)
        {
            PdfLog.ChromiumMissing(logger);
            return new(null, PdfFailure.Unavailable);
        }
        // Admission is decided before the first await, so a burst is counted as it arrives.
        if (Interlocked.Increment(ref _waiting) > options.Value.MaxQueued + options.Value.MaxConcurrent)
        {
            Interlocked.Decrement(ref _waiting);
            return new(null, PdfFailure.Busy);
        }
        var gotTurn = false;
        metrics.PdfQueued(1);
        try
        {
            var document = await html.RenderAsync(model);
            var waitStarted = System.Diagnostics.Stopwatch.GetTimestamp();
            gotTurn = await _turns.WaitAsync(TimeSpan.FromSeconds(options.Value.QueueTimeoutSeconds), cancellationToken);
            metrics.PdfWaited(Common.RunBackMetrics.Since(waitStarted));
            if (!gotTurn)
            {
                return new(null, PdfFailure.Busy);
            }
            return new(await PrintAsync(document, model.Reference, letter, cancellationToken), null);
        }
        catch (PlaywrightException ex)
        {
            PdfLog.Failed(logger, ex.GetType().Name);
            await chromium.RestartAsync();
            return new(null, PdfFailure.Unavailable);
        }
        finally
        {
            if (gotTurn)
            {
                _turns.Release();
            }
            Interlocked.Decrement(ref _waiting);
            metrics.PdfQueued(-1);
        }
    }

    private async Task<byte[]> PrintAsync(string document, string reference, bool letter, CancellationToken cancellationToken)
    {
        var browser = await chromium.BrowserAsync(cancellationToken);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Offline = true });
        var page = await context.NewPageAsync();
        await page.SetContentAsync(document, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
        return await page.PdfAsync(new PagePdfOptions
        {
            Format = letter ? "Letter" : "A4",
            PrintBackground = false,
            DisplayHeaderFooter = true,
            HeaderTemplate = "<div style=\"font-size:8px;width:100%;padding:0 12mm;color:#444\">RunBack guidance summary · reference " +
                             System.Net.WebUtility.HtmlEncode(reference) + "</div>",
            FooterTemplate = "<div style=\"font-size:8px;width:100%;padding:0 12mm;color:#444;display:flex;justify-content:space-between\">" +
                             "<span>Information, not a diagnosis.</span><span>Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></span></div>",
            Margin = new Margin { Top = "12mm", Bottom = "11mm", Left = "12mm", Right = "12mm" },
        });
    }

    public void Dispose() => _turns.Dispose();
}
