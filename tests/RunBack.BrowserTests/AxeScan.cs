using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RunBack.BrowserTests;

/// <summary>
/// An axe scan of a page as it is now: the same axe-core build and the same run options as Deque's <c>RunAxe</c>, run
/// with <c>axe.run</c> in the page itself. <c>RunAxe</c> evaluated the whole axe-core source (about 0.5 MB) into the page
/// and then into a new blank browser context for every scan, to merge partial results from frames; these pages have no
/// frames, so that merge had nothing to merge and the new context and second injection cost 3 to 6 s a scan on a busy
/// 2-core machine. Here axe-core is injected once per document and every scan runs the same rules.
/// </summary>
internal static class AxeScan
{
    private static readonly Lazy<string> Source = new(() => new BundledAxeScriptProvider().GetScript());

    public static async Task<AxeResult> ScanAxeAsync(this IPage page, AxeRunOptions options)
    {
        // A full navigation gives a new document without axe; an enhanced (Blazor) one keeps it.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object' && typeof window.axe.run === 'function'"))
        {
            await page.EvaluateAsync($"() => {{ {Source.Value} }}");
        }
        Assert.True(await page.EvaluateAsync<int>("() => window.frames.length") == 0,
            "The page has frames: AxeScan scans the top document only; use RunAxe for a page with frames.");
        var json = await page.EvaluateAsync<string>(
            "async options => JSON.stringify(await window.axe.run(document, JSON.parse(options)))", JsonConvert.SerializeObject(options));
        return new AxeResult(JObject.Parse(json));
    }
}
