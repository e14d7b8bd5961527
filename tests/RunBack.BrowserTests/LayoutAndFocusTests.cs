using System.Globalization;
using Microsoft.Playwright;

namespace RunBack.BrowserTests;

/// <summary>
/// What a runner sees and reaches: no layout jump when the self-check opens or is restored, a focused control never
/// under the sticky Next bar, the 0–10 scale on one row on a phone, readable danger buttons, visible disclosure
/// markers, one disclaimer on the result page.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class LayoutAndFocusTests(AppFixture app)
{
    /// <summary>Adds up layout shifts not caused by input (what Lighthouse reports as CLS; "good" is under 0.1) from the first paint.</summary>
    private const string RecordShifts = """
        window.__shifts = 0;
        new PerformanceObserver(list => {
          for (const e of list.getEntries()) {
            if (!e.hadRecentInput) {
              window.__shifts += e.value;
              window.__sources = (window.__sources ?? []).concat((e.sources ?? []).map(s => (s.node?.nodeName ?? "?") + "." + (s.node?.className ?? "") + " " + e.value.toFixed(3)));
            }
          }
        }).observe({ type: "layout-shift", buffered: true });
        window.__headings = [];
        new MutationObserver(() => {
          for (const h of document.querySelectorAll("h2")) { if (!window.__headings.includes(h.textContent)) { window.__headings.push(h.textContent); } }
        }).observe(document, { childList: true, subtree: true });
        """;

    /// <summary>Reads the shifts once two frames have been drawn, so every shift so far has been reported.</summary>
    private static Task<double> ShiftsAsync(IPage page) => page.EvaluateAsync<double>(
        "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => r(window.__shifts), 0))))");

    [Fact]
    public async Task CheckPage_OpensAndRestores_WithoutLayoutShift_OrAFlashOfStepOne()
    {
        var page = await app.NewPageAsync(390, 844);
        await page.AddInitScriptAsync(RecordShifts);
        var driver = new SelfCheckDriver(page, Personas.NoRisk());
        await driver.StartAsync();
        var openingShift = await ShiftsAsync(page);
        Assert.True(openingShift < 0.05, $"The self-check moved while it opened ({openingShift:F3}).");

        // Reach step 2, then reload: the saved session comes back at step 2 without showing step 1 first.
        var sections = SelfCheckDriver.Questionnaire.Sections;
        await driver.AnswerStepAsync(sections[0]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = sections[1].Title, Level = 2 })).ToBeVisibleAsync();
        // A runner who reloads part-way down a step: the browser restores that scroll position onto the still-loading page,
        // where the footer would be in view and then pushed down by the step (this once failed CI at 0.308).
        await page.WaitForFunctionAsync("() => document.activeElement?.id === 'step-title' && window.scrollY === 0");
        await page.EvaluateAsync("() => window.scrollTo(0, document.documentElement.scrollHeight)");
        await page.WaitForFunctionAsync("() => window.scrollY > 0");
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = sections[1].Title, Level = 2 })).ToBeVisibleAsync();

        var restoredShift = await ShiftsAsync(page);
        Assert.True(restoredShift < 0.05, $"The restored self-check moved while it opened ({restoredShift:F3}): {await page.EvaluateAsync<string>("() => JSON.stringify(window.__sources)")}");
        var headings = await page.EvaluateAsync<string[]>("() => window.__headings");
        Assert.DoesNotContain(sections[0].Title, headings);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TabbingThroughAStep_OnAPhone_NoFocusedControlIsUnderTheNextBar()
    {
        var page = await app.NewPageAsync(390, 664);
        await new SelfCheckDriver(page, Personas.NoRisk()).StartAsync();
        await page.Locator("#step-title").FocusAsync();
        var checkedControls = 0;
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var state = await page.EvaluateAsync<double[]>("""
                () => {
                  const f = document.activeElement, nav = document.querySelector(".step__nav");
                  if (!f || !nav || nav.contains(f)) { return [1, 0, 0, 0]; }
                  const box = (f.closest(".choice, .scale__option") ?? f).getBoundingClientRect(), bar = nav.getBoundingClientRect();
                  return [0, box.top, box.bottom, bar.top];
                }
                """);
            if (state[0] == 1)
            {
                break;
            }
            checkedControls++;
            Assert.True(state[2] <= state[3] + 0.5, string.Create(CultureInfo.InvariantCulture,
                $"Control {checkedControls} (bottom {state[2]:F0}px) is under the Next bar (top {state[3]:F0}px)."));
            Assert.True(state[1] >= 0, $"Control {checkedControls} is above the screen.");
        }
        Assert.True(checkedControls >= 5, $"Only {checkedControls} controls were reached by Tab.");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PainScale_OnAPhone_IsTwoRows_Of44pxTargets()
    {
        // Issue 26 item 10: one row of 11 gave 30 px wide buttons; two rows (0-5, 6-10) give at least 44 x 44.
        var page = await app.NewPageAsync(360, 740);
        await new SelfCheckDriver(page, Personas.NoRisk()).StartAsync();
        var boxes = await page.Locator(".scale__options").First.Locator(".scale__option").EvaluateAllAsync<double[][]>(
            "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.top, r.width, r.height]; })");
        Assert.Equal(11, boxes.Length);
        Assert.Equal(2, boxes.Select(b => Math.Round(b[0])).Distinct().Count());
        Assert.All(boxes, b => Assert.True(b[1] >= 44 && b[2] >= 44, $"A scale target is {b[1]:F0}×{b[2]:F0}px."));
        await page.Locator(".question").Filter(new() { Has = page.Locator(".scale__options") }).First
            .ScreenshotAsync(new() { Path = AppFixture.Screenshot("scale-phone") });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DeleteEverything_OnHover_KeepsReadableContrast()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/forget");
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Delete everything" });
        await button.HoverAsync();
        var ratio = await button.EvaluateAsync<double>("""
            e => {
              const s = getComputedStyle(e);
              const rgb = c => c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
              const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
              const [a, b] = [lum(s.color), lum(s.backgroundColor)].sort((x, y) => y - x);
              return (a + 0.05) / (b + 0.05);
            }
            """);
        Assert.True(ratio >= 4.5, $"Contrast on hover is {ratio:F2}:1.");
        await page.Context.CloseAsync();
    }
}
