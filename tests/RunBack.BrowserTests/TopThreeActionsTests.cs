using Microsoft.Playwright;
using RunBack.Core.Content;
using Xunit.Abstractions;

namespace RunBack.BrowserTests;

/// <summary>
/// Issue 26 item 11 on a phone (390×844) in Chromium, with the draft release 2027.4.0 served (Content:IncludeDrafts):
/// the runner with the hip patterns and worn shoes at 950 km gets three things to do this week that are all actions,
/// shoes among them; the explanation of how the hips can load the back is read under its factor, in the folded part.
/// Screenshot: top-three-actions-phone.png.
/// </summary>
public sealed class TopThreeActionsTests(DraftContentAppFixture app, ITestOutputHelper output) : IClassFixture<DraftContentAppFixture>
{
    private const string Draft = "2027.4.0";

    [Fact]
    public async Task HipsAndShoesAt950Km_AtPhoneWidth_TheThreeAreActions_WithShoes()
    {
        var release = ContentStore.Load(RepoPaths.Content, includeDrafts: true).Find(Draft)!;
        var persona = Personas.HipPattern();
        persona["shoe_distance"] = 950;
        persona["shoe_worn"] = true;
        var page = await app.NewPageAsync(390, 844);
        var driver = new SelfCheckDriver(page, persona);
        await driver.StartAsync();
        await driver.CompleteAsync();

        var top = page.Locator(".result-top .guidance > li");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The three things to do this week" })).ToBeVisibleAsync();
        await Assertions.Expect(top).ToHaveCountAsync(3);
        var ids = (await top.EvaluateAllAsync<string[]>("items => items.map(i => i.id.replace('guidance-', ''))")).ToList();
        output.WriteLine("the three: " + string.Join(", ", ids));
        Assert.All(ids, id => Assert.Equal(GuidanceKind.Action, release.FindItem(id)!.Kind));
        Assert.Contains("shoes-replace", ids);
        Assert.DoesNotContain("hip-mechanism", ids);
        await Assertions.Expect(page.Locator("#guidance-shoes-replace")).ToContainTextAsync("950");

        // The explanation is under its factor, in "What we worked out from your answers", not among the things to do.
        await Assertions.Expect(page.Locator("#guidance-hip-mechanism")).ToHaveCountAsync(0);
        await page.GetByText("What we worked out from your answers").ClickAsync();
        var factor = page.Locator(".factor").Filter(new() { HasText = "Sitting and hip flexors" });
        await Assertions.Expect(factor.Locator("#explanation-hip-mechanism")).ToBeVisibleAsync();
        await Assertions.Expect(factor.GetByRole(AriaRole.Heading, new() { Name = release.FindItem("hip-mechanism")!.Title })).ToBeVisibleAsync();
        var box = (await page.Locator("#explanation-hip-mechanism").BoundingBoxAsync())!;
        output.WriteLine($"explanation under its factor: {box.Width:0}×{box.Height:0} px at x={box.X:0}");
        Assert.True(box.X + box.Width <= 390, "the explanation runs off the screen");
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("top-three-actions-phone"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
