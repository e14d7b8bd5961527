using Microsoft.Playwright;

namespace RunBack.BrowserTests;

/// <summary>
/// Issue 23, hazard 2, in a real browser: the country asked on the self-check's first step changes the number the warning
/// banner names at once, and the country form works without script. Needs release 2027.2.0 served (its countries).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CountryBrowserTests(AppFixture app)
{
    [Fact]
    public async Task FirstStep_ChangingTheCountry_BannerNamesTheNewNumber()
    {
        var page = await app.NewPageAsync(390, 844);
        var driver = new SelfCheckDriver(page, Personas.NoRisk());
        await driver.StartAsync();
        var country = page.GetByLabel("Which country are you in?");
        await Assertions.Expect(country).ToHaveValueAsync("GB");
        await driver.AnswerStepAsync(driver.Edition.Sections[0]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();
        await driver.StepSettledAsync();

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Pain in your chest as well as your back", Exact = true }).CheckAsync();
        var banner = page.Locator(".triage--emergency");
        await Assertions.Expect(banner.GetByRole(AriaRole.Link, new() { Name = "Call 999" })).ToHaveAttributeAsync("href", "tel:999");
        await Assertions.Expect(banner).ToContainTextAsync("Advice for the United Kingdom");

        // Back to the first step, where the country is asked: the banner stays above it, and follows the new country.
        await page.GetByRole(AriaRole.Button, new() { Name = "Back", Exact = true }).ClickAsync();
        await driver.StepSettledAsync();
        await country.SelectOptionAsync("CA");

        await Assertions.Expect(banner.GetByRole(AriaRole.Link, new() { Name = "Call 911" })).ToHaveAttributeAsync("href", "tel:911");
        await Assertions.Expect(banner).ToContainTextAsync("Advice for Canada");
        await Assertions.Expect(banner.Locator("a[href='tel:999']")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("country-first-step-390"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 900);
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("country-first-step-1280"), FullPage = true });

        // The choice is kept (cookie): a new page of this browser starts with Canada.
        var home = await page.Context.NewPageAsync();
        await home.GotoAsync("/");
        await Assertions.Expect(home.Locator(".safety-notice a[href='tel:911']")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WithoutJavaScript_TheCountryForm_ChangesTheNumber()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-US",
            BaseURL = app.BaseUrl,
            JavaScriptEnabled = false,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var notice = page.Locator(".safety-notice");
        await Assertions.Expect(notice.Locator("a[href='tel:911']")).ToBeVisibleAsync();

        await notice.GetByRole(AriaRole.Link, new() { Name = "change the country" }).ClickAsync();
        await page.GetByLabel("Country you are in").SelectOptionAsync("GB");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this country" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + "/");
        await Assertions.Expect(notice.Locator("a[href='tel:999']")).ToBeVisibleAsync();
        await Assertions.Expect(notice).ToContainTextAsync("Advice for the United Kingdom");
        await context.CloseAsync();
    }
}
