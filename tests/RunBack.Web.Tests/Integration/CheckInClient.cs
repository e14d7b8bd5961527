using System.Net;
using System.Text.Json.Nodes;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>Drives the check-in forms the way a browser does: fetch a page for its antiforgery token, then post.</summary>
internal static class CheckInClient
{
    /// <summary>
    /// Posts a save dated <paramref name="date"/>; without one, <see cref="Answers.Today"/>, the day the in-process test
    /// apps' fake clock shows. A test against an app on the real clock passes a date from <see cref="AppClock"/>.
    /// </summary>
    /// <remarks>A <paramref name="note"/> is posted as the save form's note field (issue 26 item 16).</remarks>
    public static async Task<HttpResponseMessage> SaveAsync(HttpClient client, JsonObject answers, Guid? key = null, string? date = null, string? release = null,
        string? note = null)
    {
        var token = await Html.AntiforgeryTokenAsync(client, "/forget");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["answers"] = answers.ToJsonString(),
            ["release"] = release ?? await CurrentReleaseAsync(client),
            ["date"] = date ?? Answers.Today.ToString("yyyy-MM-dd"),
            ["key"] = (key ?? Guid.NewGuid()).ToString(),
        };
        if (note is not null)
        {
            fields["note"] = note;
        }
        return await client.PostAsync("/check-ins", new FormUrlEncodedContent(fields));
    }

    /// <summary>The release the app serves now, as the self-check page would put it in its form.</summary>
    public static async Task<string> CurrentReleaseAsync(HttpClient client) =>
        JsonNode.Parse(await client.GetStringAsync("/api/questionnaire"))!["release"]!.GetValue<string>();

    /// <summary>Saves and returns the new check-in's id from the redirect.</summary>
    public static async Task<Guid> SaveOkAsync(HttpClient client, JsonObject answers, Guid? key = null, DateOnly? date = null)
    {
        var response = await SaveAsync(client, answers, key, date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/history?saved=", location, StringComparison.Ordinal);
        return Guid.Parse(location["/history?saved=".Length..]);
    }

    /// <summary>The quick check-in form as a runner with nothing alarming fills it in for <paramref name="day"/>.</summary>
    public static Dictionary<string, string[]> QuickForm(DateOnly day, string distance = "20", string seriousSigns = "none") => new()
    {
        ["date"] = [day.ToString("yyyy-MM-dd")],
        ["q-back_pain"] = ["4"],
        ["q-hip_pain"] = ["1"],
        ["q-since_last_time"] = ["better"],
        ["q-serious_signs"] = [seriousSigns],
        ["q-health_history"] = ["none"],
        ["q-leg_symptoms"] = ["none"],
        ["q-night_waking"] = ["no"],
        ["q-distance"] = [distance],
        ["q-helped"] = ["stretches", "heat"],
    };

    /// <summary>Posts the quick check-in form as the page does: its antiforgery token, the form's handler name and a key.</summary>
    public static async Task<HttpResponseMessage> PostQuickAsync(HttpClient client, Dictionary<string, string[]> fields, Guid? key = null)
    {
        var token = await Html.AntiforgeryTokenAsync(client, "/check-in/quick");
        var pairs = fields.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v))).ToList();
        pairs.Add(new("__RequestVerificationToken", token));
        pairs.Add(new("_handler", "quick"));
        pairs.Add(new("key", (key ?? Guid.NewGuid()).ToString()));
        return await client.PostAsync("/check-in/quick", new FormUrlEncodedContent(pairs));
    }

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string>? fields = null, string tokenPage = "/forget")
    {
        var form = new Dictionary<string, string>(fields ?? []) { ["__RequestVerificationToken"] = await Html.AntiforgeryTokenAsync(client, tokenPage) };
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }
}
