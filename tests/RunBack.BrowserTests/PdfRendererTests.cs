using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RunBack.Core.Content;
using RunBack.Web.Features.Summary;

namespace RunBack.BrowserTests;

/// <summary>The PDF renderer keeps one Chromium, starts a new one when it dies, and turns a burst away instead of queueing it all.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PdfRendererTests(AppFixture app)
{
    private SummaryModel Model() => WorstCaseSummary.Build(app.Services.GetRequiredService<ContentStore>().Current, app.Today, app.BaseUrl);

    private PdfRenderer Renderer(ChromiumHost host, PdfOptions? options = null) =>
        ActivatorUtilities.CreateInstance<PdfRenderer>(app.Services, host, Options.Create(options ?? new PdfOptions()));

    [Fact]
    public async Task RenderTwice_KeepsOneBrowser_AndStartsANewOneWhenItDies()
    {
        await using var host = new ChromiumHost(Options.Create(new PdfOptions()));
        using var renderer = Renderer(host);

        Assert.NotNull((await renderer.RenderAsync(Model(), letter: false, CancellationToken.None)).Pdf);
        Assert.NotNull((await renderer.RenderAsync(Model(), letter: true, CancellationToken.None)).Pdf);
        Assert.Equal(1, host.Starts);

        // Chromium goes away under the renderer (a crash, the OOM killer, a closed connection).
        await (await host.BrowserAsync(CancellationToken.None)).CloseAsync();
        Assert.False(host.IsRunning);

        Assert.NotNull((await renderer.RenderAsync(Model(), letter: false, CancellationToken.None)).Pdf);
        Assert.Equal(2, host.Starts);
    }

    [Fact]
    public async Task Burst_BeyondTheQueue_IsToldToTryAgain()
    {
        await using var host = new ChromiumHost(Options.Create(new PdfOptions()));
        using var renderer = Renderer(host, new PdfOptions { MaxConcurrent = 1, MaxQueued = 1 });
        var model = Model();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => renderer.RenderAsync(model, letter: false, CancellationToken.None)));

        // One printing and one waiting are admitted; the other four hear "busy" at once.
        Assert.Equal(2, results.Count(r => r.Pdf is not null));
        Assert.Equal(4, results.Count(r => r.Failure == PdfFailure.Busy));
    }
}
