using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RunBack.Core.Content;

namespace RunBack.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class HomePageTests(AppFixture app)
{
    [Theory]
    [InlineData(1280, 900, "desktop")]
    [InlineData(390, 844, "phone")]
    public async Task Home_ShowsHeadingAndSafetyNotice(int width, int height, string size)
    {
        var page = await app.NewPageAsync(width, height);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        await page.GotoAsync("/");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Back pain from running? Find out what may be behind it.");
        await Assertions.Expect(page.GetByRole(AriaRole.Complementary, new() { Name = "Safety first" })).ToContainTextAsync("Go to emergency care now");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Start the self-check" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot($"home-{size}"), FullPage = true });
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task About_AndArticle_Render()
    {
        var page = await app.NewPageAsync(390, 844);

        await page.GotoAsync("/about");
        await Assertions.Expect(page.GetByText(app.Services.GetRequiredService<ContentStore>().Current.Id).First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("about-phone"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = "Your hips and your lower back" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How the hips can load the lower back" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("article-phone"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
