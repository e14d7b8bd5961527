using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RunBack.Core.Content;

namespace RunBack.BrowserTests;

/// <summary>
/// The app as the README runs it (`dotnet run`, Development): the PDF download once answered 500 there
/// ("Cannot resolve scoped service 'ComponentsActivitySource' from root provider") while Production worked.
/// </summary>
[Collection(DevelopmentTestGroup.Name)]
public sealed class DevelopmentPdfTests(DevelopmentAppFixture app)
{
    [Theory]
    [InlineData("a4")]
    [InlineData("letter")]
    public async Task DraftSummaryPdf_InDevelopment_IsAPdf(string paper)
    {
        var page = await app.NewPageAsync();
        var today = app.Today;
        await page.GotoAsync("/forget");
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.InputValueAsync();
        var posted = await page.Context.APIRequest.PostAsync("/summary/draft", new()
        {
            Form = page.Context.APIRequest.CreateFormData()
                .Append("__RequestVerificationToken", token)
                .Append("answers", WorstCaseSummary.AnswersJson(today))
                .Append("release", app.Services.GetRequiredService<ContentStore>().Current.Id)
                .Append("date", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            MaxRedirects = 0,
        });
        Assert.Equal(302, posted.Status);

        var download = await page.Context.APIRequest.GetAsync($"/summary/draft.pdf?paper={paper}");

        Assert.Equal(200, download.Status);
        Assert.Equal("application/pdf", download.Headers["content-type"]);
        var pdf = await download.BodyAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var pages = await PdfText.PagesAsync(pdf);
        Assert.Contains(pages[0], l => l.Contains("RunBack guidance summary", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SummaryPage_InDevelopment_Renders()
    {
        var page = await app.NewPageAsync(390, 844);
        var response = await page.GotoAsync("/summary/draft");
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No summary to show" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
