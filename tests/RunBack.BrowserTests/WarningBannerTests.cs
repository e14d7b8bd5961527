using Microsoft.Playwright;

namespace RunBack.BrowserTests;

/// <summary>
/// On a phone the warning banner renders above the form, far above the control being used: ticking a sign must bring
/// it into view at once, action first, without taking focus from that control.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class WarningBannerTests(AppFixture app)
{
    private const int Width = 390;
    private const int Height = 844;

    [Fact]
    public async Task TickingASign_OnAPhone_BringsTheBannerIntoViewWithTheCallFirst()
    {
        var page = await app.NewPageAsync(Width, Height);
        var answers = Personas.NoRisk();
        // Left for the test to give by hand, lowest on the warning-signs step, as a runner reaches them.
        answers.Remove("health_history");
        answers.Remove("leg_symptoms");
        var driver = new SelfCheckDriver(page, answers);
        await driver.StartAsync();

        await driver.CompleteAsync(async section =>
        {
            if (!section.Safety)
            {
                return;
            }
            var history = page.GetByRole(AriaRole.Group, new() { Name = "Have any of these ever applied to you, however long ago?" });
            var cancer = history.GetByRole(AriaRole.Checkbox, new() { Name = "You have had cancer", Exact = true });
            await cancer.ScrollIntoViewIfNeededAsync();
            Assert.True(await AboveTheScreenAsync(page.Locator("#step-title")), "The step must start above the screen, or the test proves nothing.");

            await cancer.CheckAsync();

            await ExpectBannerInViewAsync(page, "Contact a doctor today", "tel:111");
            await Assertions.Expect(cancer).ToBeFocusedAsync();
            await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("banner-urgent-phone") });

            var legs = page.GetByRole(AriaRole.Group, new() { Name = "Does pain, tingling or numbness spread from your back down a leg?" });
            var belowKnee = legs.GetByRole(AriaRole.Radio, new() { Name = "Yes, one leg, below the knee", Exact = true });
            await belowKnee.CheckAsync();

            await ExpectBannerInViewAsync(page, "Go to emergency care now", "tel:999");
            await Assertions.Expect(belowKnee).ToBeFocusedAsync();
            await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("banner-emergency-phone") });
        });

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your result", Level = 1 })).ToBeVisibleAsync();
        var first = page.Locator("main").Locator("a, button").First;
        await Assertions.Expect(first).ToHaveAttributeAsync("href", "tel:999");
        await Assertions.Expect(first).ToHaveTextAsync("Call 999");
        await Assertions.Expect(first).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bbutton--primary\b"));
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Waits until the banner's heading and its call link are both inside the viewport, then checks their boxes: the
    /// banner is scrolled to after the render, so the condition is awaited, never slept on.
    /// </summary>
    private static async Task ExpectBannerInViewAsync(IPage page, string title, string tel)
    {
        var banner = page.GetByRole(AriaRole.Alert).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title }) });
        await Assertions.Expect(banner).ToBeVisibleAsync();
        var call = banner.Locator("a, button").First;
        await Assertions.Expect(call).ToHaveAttributeAsync("href", tel);
        var heading = banner.GetByRole(AriaRole.Heading, new() { Name = title });
        foreach (var element in new[] { heading, call })
        {
            await page.WaitForFunctionAsync(
                "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }",
                await element.ElementHandleAsync());
            var box = await element.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.InRange(box.Y, 0, Height - box.Height);
        }
    }

    private static async Task<bool> AboveTheScreenAsync(ILocator element) =>
        await element.EvaluateAsync<bool>("e => e.getBoundingClientRect().bottom < 0");
}
