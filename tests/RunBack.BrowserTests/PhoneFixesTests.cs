using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace RunBack.BrowserTests;

/// <summary>
/// Issue 26 at 390 x 844: the recovery-code form (item 9), the phone header, the sticky bar and the pain buttons
/// (item 10), and Back and Forward between the self-check's steps (item 8); the quick check-in's layout (item 6) is in
/// QuickCheckInCompactTests. Measured figures go to the test output.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PhoneFixesTests(AppFixture app, ITestOutputHelper output)
{
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    [Fact]
    public async Task RecoveryCode_WrongCodeKept_EmptyAsked_NewCodeConfirmed_ForgetShowsOwnMessage()
    {
        var page = await app.NewPageAsync(PhoneWidth, PhoneHeight);

        // Empty: the page asks for the code (not "does not look like a recovery code").
        await page.GotoAsync("/recover");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open my history" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter your recovery code");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).Not.ToContainTextAsync("does not look like");

        // A well-formed code that opens nothing: the message, and what was typed still in the field.
        const string typed = "0000-0000-0000-0000-0000-0000-0000";
        await page.GetByLabel("Recovery code").FillAsync(typed);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open my history" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("No history matches that recovery code");
        await Assertions.Expect(page.GetByLabel("Recovery code")).ToHaveValueAsync(typed);
        Assert.DoesNotContain(typed, page.Url, StringComparison.OrdinalIgnoreCase);
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("recover-wrong-code-phone") });

        // "Make a new recovery code" asks first: the first tap changes nothing.
        await HistoryAndSummaryTests.SaveByFormAsync(page, Personas.NoRisk());
        await page.GotoAsync("/history");
        var ask = page.Locator("summary", new() { HasText = "Make a new recovery code" });
        await ask.ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("newcode"));
        var yes = page.GetByRole(AriaRole.Button, new() { Name = "Yes, make a new code and sign out other devices" });
        await Assertions.Expect(yes).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Your old recovery code stops working at once")).ToBeVisibleAsync();
        await yes.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("newcode=1"));

        // Forget me without the box ticked: the page's own message, nothing deleted.
        await page.GotoAsync("/forget");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete everything" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Tick the box to confirm");
        await page.GotoAsync("/history");
        await Assertions.Expect(page.Locator(".checkins > li")).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PhoneHeader_AtMost110px_PainButtons44_StickyBarHasAnEdge_AndLeavesTheDayPickerClear()
    {
        var page = await app.NewPageAsync(PhoneWidth, PhoneHeight);
        await HistoryAndSummaryTests.SaveByFormAsync(page, Personas.NoRisk());
        await page.GotoAsync("/check-in/quick");

        var header = await page.Locator(".site-header").BoundingBoxAsync();
        output.WriteLine($"Header height at {PhoneWidth} wide: {header!.Height:0} px");
        Assert.True(header.Height <= 110, $"The phone header is {header.Height:0} px high (at most 110).");
        // The edition switch is in it, and every link in it is still a full tap target.
        foreach (var link in await page.Locator(".site-header a").AllAsync())
        {
            var box = await link.BoundingBoxAsync();
            Assert.True(box!.Height >= 44, $"A header link is {box.Height:0} px high.");
            Assert.True(box.Y + box.Height <= header.Y + header.Height + 0.5, "A header link falls outside the header.");
        }
        await Assertions.Expect(page.Locator(".site-header").GetByRole(AriaRole.Link, new() { Name = "US edition" })).ToBeVisibleAsync();

        // 0-10 pain buttons: at least 44 x 44 each.
        var sizes = await page.Locator(".scale__option").EvaluateAllAsync<double[][]>(
            "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; })");
        Assert.NotEmpty(sizes);
        var smallest = (Width: sizes.Min(s => s[0]), Height: sizes.Min(s => s[1]));
        output.WriteLine($"Smallest pain button at {PhoneWidth} wide: {smallest.Width:0.#} x {smallest.Height:0.#} px");
        Assert.True(smallest.Width >= 44 && smallest.Height >= 44, $"A pain button is {smallest.Width:0.#} x {smallest.Height:0.#} px.");

        // The sticky Save bar: solid, with a visible edge (no fade that slices the text under it).
        var bar = page.Locator(".step__nav");
        var style = await bar.EvaluateAsync<string[]>("e => { const s = getComputedStyle(e); return [s.backgroundImage, s.borderTopWidth, s.borderTopStyle]; }");
        output.WriteLine($"Sticky bar: background-image {style[0]}, border-top {style[1]} {style[2]}");
        Assert.Equal("none", style[0]);
        Assert.NotEqual("0px", style[1]);
        Assert.NotEqual("none", style[2]);

        // The day picker stays clear of the bar: on the page as it opens, and when reached with the keyboard.
        await AssertClearOfBarAsync(page, "#q-date", "as the page opens");
        await page.Locator("#q-date").FocusAsync();
        await page.Mouse.WheelAsync(0, 2000);
        await page.Locator("#q-date").EvaluateAsync("e => e.blur()");
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#q-date")).ToBeFocusedAsync();
        await AssertClearOfBarAsync(page, "#q-date", "when focused");
        await page.Context.CloseAsync();
    }

    private async Task AssertClearOfBarAsync(IPage page, string selector, string when)
    {
        var overlap = await page.EvaluateAsync<double>(
            @"sel => {
                const a = document.querySelector(sel).getBoundingClientRect();
                const b = document.querySelector('.step__nav').getBoundingClientRect();
                const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                return h > 0 && w > 0 && a.bottom > 0 && a.top < innerHeight ? h : 0;
            }", selector);
        output.WriteLine($"Day picker under the sticky bar {when}: {overlap:0} px");
        Assert.True(overlap <= 0, $"The sticky bar covers {overlap:0} px of {selector} {when}.");
    }

    [Fact]
    public async Task SelfCheck_BrowserBackAndForward_MoveBetweenSteps_AnswersKept()
    {
        var page = await app.NewPageAsync(PhoneWidth, PhoneHeight);
        var persona = Personas.NoRisk();
        var driver = new SelfCheckDriver(page, persona);
        await driver.StartAsync();
        var sections = driver.Edition.Sections;

        // Three steps answered and left with Next.
        for (var i = 0; i < 3; i++)
        {
            await driver.AnswerStepAsync(sections[i]);
            await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();
            await driver.StepSettledAsync();
        }
        await ExpectStepAsync(page, 4, sections[3].Title);
        output.WriteLine($"At step 4: {page.Url}");

        // Back: step 3, not the home page; again: step 2, with its answers still chosen.
        await page.GoBackAsync();
        await ExpectStepAsync(page, 3, sections[2].Title);
        await page.GoBackAsync();
        await ExpectStepAsync(page, 2, sections[1].Title);
        Assert.EndsWith("/check?step=2", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("form.step input:checked").First).ToBeCheckedAsync();
        var checkedHere = await page.Locator("form.step input:checked").CountAsync();
        Assert.True(checkedHere > 0, "The answers of step 2 were lost going back.");

        // Forward: step 3 and then 4 again, answers kept.
        await page.GoForwardAsync();
        await ExpectStepAsync(page, 3, sections[2].Title);
        await page.GoForwardAsync();
        await ExpectStepAsync(page, 4, sections[3].Title);

        // Back to step 1: its answers are still chosen.
        await page.GoBackAsync();
        await page.GoBackAsync();
        await page.GoBackAsync();
        await ExpectStepAsync(page, 1, sections[0].Title);
        await Assertions.Expect(page.Locator("form.step input:checked").First).ToBeCheckedAsync();
        await page.Context.CloseAsync();
    }

    private static async Task ExpectStepAsync(IPage page, int step, string title)
    {
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".progress__text")).ToContainTextAsync(string.Create(CultureInfo.InvariantCulture, $"Step {step} of"));
    }

    [Fact]
    public async Task Words_SelfCareInASentence_OneNameForTheSummary_ExplainedTerms_OneNotFound_PercentWithItsNumber()
    {
        var page = await app.NewPageAsync(PhoneWidth, PhoneHeight);
        await HistoryAndSummaryTests.SaveByFormAsync(page, Personas.NoRisk());
        await page.GotoAsync("/history");

        var card = page.Locator(".checkins > li").First;
        var text = await card.Locator("p").First.InnerTextAsync();
        output.WriteLine($"History card: {text}");
        Assert.Contains("advised self-care and checking in again", text, StringComparison.Ordinal);
        Assert.DoesNotContain("  ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hip component:", text, StringComparison.Ordinal);
        Assert.Contains("no sign the hip is part of the pain", text, StringComparison.Ordinal);
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "Open summary" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("FHIR R4, the standard format that health record systems read")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download for a clinic's computer system" })).ToBeVisibleAsync();

        // An open table section says what a tap does now.
        var tables = page.Locator("details.chart-table").First;
        await Assertions.Expect(tables).ToHaveAttributeAsync("open", "");
        await Assertions.Expect(tables.Locator("summary")).ToHaveTextAsync("Hide the tables", new() { UseInnerText = true });
        await tables.Locator("summary").ClickAsync();
        await Assertions.Expect(tables.Locator("summary")).ToHaveTextAsync("Show the numbers as tables", new() { UseInnerText = true });

        // One "page not found", whichever way it is reached.
        await page.GotoAsync("/no-such-page");
        var missing = (await page.Locator("main h1").InnerTextAsync(), await page.Locator("main p").First.InnerTextAsync());
        await page.GotoAsync("/not-found");
        Assert.Equal(missing, (await page.Locator("main h1").InnerTextAsync(), await page.Locator("main p").First.InnerTextAsync()));
        Assert.Equal("We could not find that page – RunBack", await page.TitleAsync());

        // "10 %" as everywhere else, kept on one line with its number.
        await page.GotoAsync("/");
        Assert.Contains("10\u00a0%", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
