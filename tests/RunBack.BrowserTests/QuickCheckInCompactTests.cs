using System.Globalization;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace RunBack.BrowserTests;

/// <summary>
/// Issue 26 item 6 at 390 x 844: the quick check-in as a compact page. Every warning sign stays in a full list (rows of
/// at least 44 px, at most two lines), the carried answers are folded, a runner with nothing new needs 9 interactions
/// or fewer, each on a target at least 44 px high; it saves without scripts, and axe finds nothing with focus visible on
/// every stop, light and dark. Measured figures go to the test output.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class QuickCheckInCompactTests(AppFixture app, ITestOutputHelper output)
{
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    /// <summary>
    /// The ceiling the page is held at. The issue's goal is 3 screens (2,532 px); with every target at least 44 px high
    /// the release's 47 rows of targets alone take 2,068 px, and its wording the rest (see README, quick check-in).
    /// </summary>
    private const double MostScreens = 4.5;

    private const string Targets = ".choice, .scale__option, select, input.input, summary, button[type=submit]";

    private static ILocator Signs(IPage page, string prompt) =>
        page.GetByRole(AriaRole.Group, new() { Name = prompt, Exact = true }).GetByRole(AriaRole.Checkbox);

    [Fact]
    public async Task QuickCheckIn_Phone_HeldInFourAndAHalfScreens_EverySignARowOf44px_AtMostTwoLines_CarriedFolded_NoScript()
    {
        var page = await app.NewPageAsync(PhoneWidth, PhoneHeight);
        await HistoryAndSummaryTests.SaveByFormAsync(page, Personas.NoRisk());
        await page.GotoAsync("/check-in/quick");

        var height = await page.EvaluateAsync<double>("() => document.documentElement.scrollHeight");
        var form = await page.Locator("form.quick-check").BoundingBoxAsync();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Quick check-in at {PhoneWidth}x{PhoneHeight}: page {height:0} px = {height / PhoneHeight:0.00} screens; the form alone {form!.Height:0} px = {form.Height / PhoneHeight:0.00} screens"));
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("quick-check-in-compact-phone"), FullPage = true });
        Assert.True(height <= MostScreens * PhoneHeight, $"The quick check-in is {height:0} px ({height / PhoneHeight:0.00} screens; at most {MostScreens}).");

        // Every warning sign on the page, in a full list, none folded away: each row at least 44 px, at most two lines.
        var signs = 0;
        foreach (var prompt in new[] { "Do you have any of these at the moment?", "Have any of these ever applied to you, however long ago?" })
        {
            foreach (var sign in await Signs(page, prompt).AllAsync())
            {
                await Assertions.Expect(sign).ToBeVisibleAsync();
                var row = await sign.EvaluateAsync<double[]>(
                    "e => { const r = e.closest('.choice'), s = r.querySelector('span'); return [r.getBoundingClientRect().height, s.getBoundingClientRect().height / parseFloat(getComputedStyle(s).lineHeight)]; }");
                var label = await sign.EvaluateAsync<string>("e => e.closest('.choice').textContent.trim()");
                Assert.True(row[0] >= 44, $"The row '{label}' is {row[0]:0} px high (at least 44).");
                Assert.True(Math.Round(row[1]) <= 2, $"The row '{label}' takes {row[1]:0.0} lines (at most 2).");
                signs++;
            }
        }
        Assert.True(signs >= 16, $"Only {signs} warning signs shown.");
        var current = Signs(page, "Do you have any of these at the moment?");
        var first = await current.First.BoundingBoxAsync();
        var none = await current.Last.BoundingBoxAsync();
        output.WriteLine($"Warning signs: {signs} rows; 'None of these' {none!.Y - first!.Y:0} px below the first sign");
        Assert.True(none.Y - first.Y <= 1.25 * PhoneHeight, "'None of these' is more than 1.25 screens below the first warning sign.");

        // Every other target in the form is at least 44 px high too.
        var small = await page.Locator("form.quick-check").Locator(Targets).EvaluateAllAsync<string[]>(
            "els => els.filter(e => e.offsetParent && e.getBoundingClientRect().height < 44).map(e => e.textContent.trim().slice(0, 40) + ': ' + Math.round(e.getBoundingClientRect().height) + ' px')");
        Assert.True(small.Length == 0, "Targets under 44 px: " + string.Join(" | ", small));

        // The carried-over answers: one closed disclosure that opens.
        var carried = page.Locator("details.carried");
        await Assertions.Expect(carried).ToHaveCountAsync(1);
        await Assertions.Expect(carried.Locator("dl")).Not.ToBeVisibleAsync();
        await carried.Locator("summary").ClickAsync();
        await Assertions.Expect(carried.Locator("dl")).ToBeVisibleAsync();
        await page.Context.CloseAsync();

        // Without scripts: the same form saves.
        var noScript = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-GB",
            BaseURL = app.BaseUrl,
            JavaScriptEnabled = false,
            ViewportSize = new ViewportSize { Width = PhoneWidth, Height = PhoneHeight },
        });
        var plain = await noScript.NewPageAsync();
        await HistoryAndSummaryTests.SaveByFormAsync(plain, Personas.NoRisk());
        await QuickCheckInTests.QuickCheckInAsync(plain, 0, 3, 0, "About the same", 15, null);
        await Assertions.Expect(plain.Locator(".result-saved")).ToContainTextAsync("Saved.");
        await noScript.CloseAsync();
    }

    [Fact]
    public async Task QuickCheckIn_NothingNew_NineInteractionsOrFewer_EachOnATargetOf44px()
    {
        var page = await app.NewPageAsync(PhoneWidth, PhoneHeight);
        await HistoryAndSummaryTests.SaveByFormAsync(page, Personas.NoRisk());

        // Today's check-in (the day is already chosen): two pain scores, since last time, "None of these" twice, the
        // leg question, night waking, the distance and Save.
        var targets = new List<(string Name, double Height)>();
        var interactions = await QuickCheckInTests.QuickCheckInAsync(page, 0, 2, 0, "About the same", 20, null,
            onTarget: (name, height) => targets.Add((name, height)));
        output.WriteLine($"Interactions for a quick check-in with nothing new: {interactions}");
        foreach (var (name, height) in targets)
        {
            output.WriteLine($"  {name}: {height:0} px");
        }
        await Assertions.Expect(page.Locator(".result-saved")).ToContainTextAsync("Saved.");
        Assert.True(interactions <= 9, $"{interactions} interactions (at most 9).");
        Assert.Equal(interactions, targets.Count);
        Assert.All(targets, t => Assert.True(t.Height >= 44, $"'{t.Name}' is {t.Height:0} px high (at least 44)."));
        await page.Context.CloseAsync();
    }

    [Trait("Category", "Axe")]
    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task QuickCheckIn_Phone_AxeFindsNothing_FocusVisibleOnEveryStop(ColorScheme scheme)
    {
        var name = scheme.ToString().ToLowerInvariant();
        var page = await app.NewPageAsync(PhoneWidth, PhoneHeight);
        await page.EmulateMediaAsync(new() { ColorScheme = scheme });
        await HistoryAndSummaryTests.SaveByFormAsync(page, Personas.NoRisk());
        await page.GotoAsync("/check-in/quick");
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot($"quick-check-in-compact-phone-{name}"), FullPage = true });
        var axe = await page.ScanAxeAsync(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        Assert.True(axe.Violations.Length == 0, string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {string.Join(" ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")));

        // Tab through the whole form: each stop's target is on screen, clear of the sticky Save bar, not covered by
        // anything, and drawn with a focus ring.
        await page.Locator("#q-date").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Shift+Tab"); // back on the day, focused from the keyboard
        var stops = 0;
        for (var i = 0; i < 150; i++)
        {
            var stop = await page.EvaluateAsync<JsonElement>("""
                () => {
                  const f = document.activeElement;
                  if (!f || !f.closest('form.quick-check')) { return null; }
                  const t = f.closest('.choice, .scale__option') ?? f, b = t.getBoundingClientRect();
                  const nav = document.querySelector('.step__nav'), bar = nav.getBoundingClientRect(), s = getComputedStyle(t);
                  const hit = document.elementFromPoint(b.left + 6, b.top + b.height / 2);
                  const clear = nav.contains(f) || b.bottom <= bar.top + 0.5 || b.top >= bar.bottom - 0.5;
                  return { name: (t.textContent.trim() || f.getAttribute('aria-label') || f.id).slice(0, 40),
                           onScreen: b.top >= 0 && b.bottom <= innerHeight, clear, onTop: !!hit && t.contains(hit),
                           ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2, save: nav.contains(f) };
                }
                """);
            if (stop.ValueKind == JsonValueKind.Null)
            {
                break;
            }
            stops++;
            var label = stop.GetProperty("name").GetString();
            Assert.True(stop.GetProperty("onScreen").GetBoolean(), $"Stop {stops} ('{label}') is off screen.");
            Assert.True(stop.GetProperty("clear").GetBoolean(), $"Stop {stops} ('{label}') is under the Save bar.");
            Assert.True(stop.GetProperty("onTop").GetBoolean(), $"Stop {stops} ('{label}') is covered.");
            Assert.True(stop.GetProperty("ring").GetBoolean(), $"Stop {stops} ('{label}') shows no focus ring.");
            await page.Keyboard.PressAsync("Tab");
        }
        output.WriteLine($"{name}: {stops} focus stops in the form, each visible");
        Assert.True(stops >= 30, $"Only {stops} focus stops were reached in the form.");

        // The wide layout, for the eye (README and review).
        await page.SetViewportSizeAsync(1280, 800);
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot($"quick-check-in-compact-desktop-{name}"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
