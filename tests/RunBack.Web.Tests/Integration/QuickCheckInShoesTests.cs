using System.Net;
using Microsoft.EntityFrameworkCore;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>Issue 26 item 14 over real SQLite: the shoes' running total in the US edition's miles, and the new-shoes field's bad input.</summary>
public sealed class QuickCheckInShoesTests(RunBackFactory factory) : IClassFixture<RunBackFactory>
{
    /// <summary>The check-in a save redirected to (/check-in/{id}?saved=1).</summary>
    private Task<RunBack.Data.CheckIn> SavedAsync(HttpResponseMessage response)
    {
        var id = Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1].Split('?')[0]);
        return factory.QueryAsync(db => db.CheckIns.SingleAsync(c => c.Id == id));
    }

    [Fact]
    public async Task UsEdition_Miles_TheCarriedShoeAnswerIsTheRunningTotal_PastFiveHundredMiles()
    {
        var client = factory.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "en-US");
        var week = Answers.Today.AddDays(-7);
        var answers = Answers.NoRisk(week);
        answers["distance_unit"] = "miles";
        answers["shoe_distance"] = 480;
        await CheckInClient.SaveOkAsync(client, answers, date: week);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/check-in/quick"));
        Assert.Contains("Your shoes: about 480\u00A0miles (counted from your check-ins since you gave 480\u00A0miles on November 16, 2026)", page, StringComparison.Ordinal);

        var response = await CheckInClient.PostQuickAsync(client, CheckInClient.QuickForm(Answers.Today, "25"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await SavedAsync(response);
        Assert.Equal(505, saved.ShoeDistance);
        Assert.Contains("shoes-well-past", saved.FiredRuleIds, StringComparison.Ordinal);
        Assert.False(saved.NewShoes);
    }

    [Fact]
    public async Task NewShoes_WithAnUnreadableDistance_MessageBesideTheField_EntryKept_NothingSaved()
    {
        var client = factory.CreateBrowserLikeClient();
        await CheckInClient.SaveOkAsync(client, Answers.NoRisk());
        var before = await factory.QueryAsync(db => db.CheckIns.CountAsync());
        var fields = CheckInClient.QuickForm(Answers.Today, "20");
        fields["q-new_shoes"] = ["yes"];
        fields["q-new_shoes_distance"] = ["forty"];

        var response = await CheckInClient.PostQuickAsync(client, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"q-new_shoes_distance-error\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"forty\"", html, StringComparison.Ordinal);
        Assert.Contains("<details class=\"quick-fold\" id=\"shoes\" open", html, StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.CheckIns.CountAsync()));

        // Given right, the count starts again at the new shoes' distance.
        fields["q-new_shoes_distance"] = ["40"];
        response = await CheckInClient.PostQuickAsync(client, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await SavedAsync(response);
        Assert.True(saved.NewShoes);
        Assert.Equal(40, saved.ShoeDistance);
    }
}
