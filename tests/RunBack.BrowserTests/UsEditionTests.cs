using Microsoft.Playwright;

namespace RunBack.BrowserTests;

/// <summary>
/// A runner whose browser asks for US English: miles from the start, US words, and 911 when a warning sign calls for
/// emergency care; the edition switch works with the keyboard and keeps the answers given so far.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class UsEditionTests(AppFixture app)
{
    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 900)]
    public async Task UsRunner_SelfCheck_ShowsMiles_UsWords_And911(int width, int height)
    {
        var page = await app.NewPageAsync(width, height, locale: "en-US");
        var size = width < 600 ? "phone" : "desktop";
        var answers = Personas.RedFlag();
        // The unit is left to the edition: a US self-check starts in miles.
        answers.Remove("distance_unit");
        var driver = new SelfCheckDriver(page, answers, culture: "en-US");
        await driver.StartAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en-US");

        await driver.CompleteAsync(async section =>
        {
            if (section.Safety)
            {
                var banner = page.GetByRole(AriaRole.Alert);
                await Assertions.Expect(banner.GetByRole(AriaRole.Link, new() { Name = "Call 911" })).ToHaveAttributeAsync("href", "tel:911");
            }
            if (section.Id == "training")
            {
                var unit = page.GetByRole(AriaRole.Group, new() { Name = "Do you count your running in kilometers or miles?" });
                await Assertions.Expect(unit.GetByRole(AriaRole.Radio, new() { Name = "Miles", Exact = true })).ToBeCheckedAsync();
                await Assertions.Expect(unit.GetByRole(AriaRole.Radio, new() { Name = "Kilometers", Exact = true })).Not.ToBeCheckedAsync();
                await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot($"us-training-{size}"), FullPage = true });
            }
        });

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your result", Level = 1 })).ToBeVisibleAsync();
        var triage = page.Locator(".triage").First;
        await Assertions.Expect(triage.GetByRole(AriaRole.Link, new() { Name = "Call 911" })).ToHaveAttributeAsync("href", "tel:911");
        await Assertions.Expect(triage).ToContainTextAsync("emergency room");
        await Assertions.Expect(triage).Not.ToContainTextAsync("999");
        // The card names no number of its own (2027.2.0): the number is the banner's, for the runner's country.
        await Assertions.Expect(page.Locator(".guidance__item").First).ToContainTextAsync("Call the emergency number shown at the top of this page, or go straight to the nearest emergency room");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("A&E");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("miles");
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot($"us-result-red-flag-{size}"), FullPage = true });
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot($"us-result-red-flag-{size}-print"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task EditionSwitch_ByKeyboard_MidSelfCheck_KeepsTheAnswers()
    {
        var page = await app.NewPageAsync(390, 844, locale: "en-US");
        var driver = new SelfCheckDriver(page, Personas.NoRisk(), culture: "en-US");
        await driver.StartAsync();
        await driver.AnswerStepAsync(driver.Edition.Sections[0]);

        var uk = page.GetByRole(AriaRole.Navigation, new() { Name = "Edition" }).GetByRole(AriaRole.Link, new() { Name = "UK edition" });
        await uk.FocusAsync();
        await Assertions.Expect(uk).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en-GB");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/check(\?step=\d+)?$")); // the self-check names its step since Back and Forward move between steps
        var current = page.GetByRole(AriaRole.Navigation, new() { Name = "Edition" }).GetByRole(AriaRole.Link, new() { Name = "UK edition" });
        await Assertions.Expect(current).ToHaveAttributeAsync("aria-current", "true");
        var where = page.GetByRole(AriaRole.Group, new() { Name = "Where do you feel it?" });
        await Assertions.Expect(where.GetByRole(AriaRole.Checkbox, new() { Name = "Lower back" })).ToBeCheckedAsync();
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("edition-switched-phone"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
