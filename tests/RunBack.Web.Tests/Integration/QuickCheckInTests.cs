using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RunBack.Data;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>The quick check-in over real SQLite: the merge with the last self-check, the warning signs, and every bad input.</summary>
public sealed class QuickCheckInTests : IClassFixture<RunBackFactory>
{
    private readonly RunBackFactory _factory;

    public QuickCheckInTests(RunBackFactory factory) => _factory = factory;

    /// <summary>A quick check-in a runner would send: no warning signs, pain 4 and 1, better, 20 km, stretches helped.</summary>
    private static Dictionary<string, string[]> Fine() => new()
    {
        ["date"] = [Answers.Today.ToString("yyyy-MM-dd")],
        ["q-back_pain"] = ["4"],
        ["q-hip_pain"] = ["1"],
        ["q-since_last_time"] = ["better"],
        ["q-serious_signs"] = ["none"],
        ["q-health_history"] = ["none"],
        ["q-leg_symptoms"] = ["none"],
        ["q-night_waking"] = ["no"],
        ["q-distance"] = ["20"],
        ["q-helped"] = ["stretches", "heat"],
    };

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string[]> fields, Guid? key = null) =>
        CheckInClient.PostQuickAsync(client, fields, key);

    /// <summary>
    /// Issue 26 item 1: on a Monday, the distance entered for the last 7 days was filed as the calendar week starting
    /// that Monday, a week running into the future, in the table, the chart and the summary line. The fake clock's day,
    /// 23 November 2026, is a Monday.
    /// </summary>
    [Fact]
    public async Task History_OnAMonday_LastSevenDaysAreTheWeekUpToToday_NeverTheWeekAhead()
    {
        Assert.Equal(DayOfWeek.Monday, Answers.Today.DayOfWeek);
        var client = await RunnerWithSelfCheckAsync();
        var fields = Fine();
        fields["q-distance"] = ["36"];
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, fields)).StatusCode);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/history"));

        var table = html[html.IndexOf("class=\"weeks-table\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Contains("17 Nov – 23 Nov 2026</th><td>36\u00A0km", table, StringComparison.Ordinal);
        Assert.Contains("10 Nov – 16 Nov 2026</th>", table, StringComparison.Ordinal); // the self-check's week before
        Assert.DoesNotContain("29 Nov", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Week starting", html, StringComparison.Ordinal);
        Assert.Contains("<title>17 Nov – 23 Nov 2026: 36\u00A0km</title>", html, StringComparison.Ordinal); // the chart's bar
        Assert.Contains("the latest, 17 Nov – 23 Nov 2026: 36\u00A0km", html, StringComparison.Ordinal);
    }

    private Guid _selfCheckId;

    private async Task<HttpClient> RunnerWithSelfCheckAsync(JsonObject? answers = null)
    {
        var client = _factory.CreateBrowserLikeClient();
        _selfCheckId = await CheckInClient.SaveOkAsync(client, answers ?? Answers.NoRisk());
        // Saves at one fake-clock instant have no defined order: the quick check-in comes a second later.
        _factory.Clock.Advance(TimeSpan.FromSeconds(1));
        return client;
    }

    private Task<int> CountAsync() => _factory.QueryAsync(db => db.CheckIns.CountAsync());

    [Fact]
    public async Task NoFullSelfCheck_OffersTheSelfCheckInstead()
    {
        var html = await _factory.CreateBrowserLikeClient().GetStringAsync("/check-in/quick");

        Assert.Contains("Start the self-check", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Save my check-in", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Valid_SavesMergedAnswers_CarriesTheRest_AndShowsSaved()
    {
        var client = await RunnerWithSelfCheckAsync();
        Assert.Contains("href=\"/check-in/quick\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains("From your self-check on 23 November 2026", await client.GetStringAsync("/check-in/quick"), StringComparison.Ordinal);

        var response = await PostAsync(client, Fine());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = Guid.Parse(System.Text.RegularExpressions.Regex.Match(response.Headers.Location!.ToString(), "/check-in/([0-9a-f-]{36})").Groups[1].Value);
        var saved = await _factory.QueryAsync(db => db.CheckIns.SingleAsync(c => c.Id == id));
        Assert.Equal(CheckInKinds.Quick, saved.Kind);
        Assert.Equal("better", saved.SinceLastTime);
        Assert.Equal("heat stretches", saved.Helped);
        Assert.Equal(Answers.Today, saved.CarriedFromDate);
        Assert.Equal((4, 1), (saved.BackPain, saved.HipPain));
        var answers = JsonNode.Parse(saved.AnswersJson)!;
        Assert.Equal("better", answers["pain_trend"]!.GetValue<string>());
        Assert.Equal(20, answers["distance_week_1"]!.GetValue<double>());
        Assert.Equal(30, answers["distance_week_2"]!.GetValue<double>()); // the self-check's last week, the week before
        Assert.Equal("from_20_to_50", answers["age_band"]!.GetValue<string>()); // carried over
        var page = await client.GetStringAsync(response.Headers.Location!.ToString());
        Assert.Contains("Saved.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Save as a check-in", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WarningSign_LeadsTheResult_AsInTheSelfCheck()
    {
        var client = await RunnerWithSelfCheckAsync();
        var fields = Fine();
        fields["q-serious_signs"] = ["chest_pain"];

        var response = await PostAsync(client, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await client.GetStringAsync(response.Headers.Location!.ToString());
        var banner = html.IndexOf("class=\"triage triage--emergency", StringComparison.Ordinal);
        Assert.True(banner > 0, "No emergency banner");
        Assert.True(banner < html.IndexOf("result-actions", StringComparison.Ordinal), "The banner must lead the result");
        Assert.Contains("Pain in your chest as well as your back", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// Release 2027.1.0 (issue 23): the quick check-in asks its new warning-step questions (a weak leg, a doctor already
    /// seen); an age band with no running cause, carried over from the self-check, no longer sends a runner with no pain
    /// today to a doctor; one weak leg does, the same day.
    /// </summary>
    [Fact]
    public async Task Release2027_AsksTheNewWarningQuestions_AgeBandNeedsPainNow_OneWeakLegIsADoctorToday()
    {
        var answers = Answers.NoRisk();
        answers["age_band"] = "over_50";
        answers["activity_link"] = false;
        var client = await RunnerWithSelfCheckAsync(answers);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/check-in/quick"));
        Assert.Contains("Is either of your legs weak?", page, StringComparison.Ordinal);
        Assert.Contains("Have you seen a doctor about this bout of back pain", page, StringComparison.Ordinal);

        var noPain = Fine();
        noPain["q-back_pain"] = ["0"];
        noPain["q-hip_pain"] = ["0"];
        var calm = await client.GetStringAsync((await PostAsync(client, noPain)).Headers.Location!.ToString());
        Assert.DoesNotContain("class=\"triage triage--urgent", calm, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"triage triage--emergency", calm, StringComparison.Ordinal);

        var weakLeg = Fine();
        weakLeg["q-back_pain"] = ["0"];
        weakLeg["q-hip_pain"] = ["0"];
        weakLeg["q-leg_weakness"] = ["one_leg"];
        var urgent = await client.GetStringAsync((await PostAsync(client, weakLeg)).Headers.Location!.ToString());
        Assert.Contains("class=\"triage triage--urgent", urgent, StringComparison.Ordinal);
        Assert.Contains("Weakness in one leg", urgent, StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 26 item 3: with the pain starting "yesterday", a quick check-in dated 3 days back said the pain-start answer
    /// "does not fit the current self-check any more". The day chosen is what is wrong: it is before the pain started.
    /// </summary>
    [Fact]
    public async Task DayBeforeThePainStarted_SaysSoBesideTheDay_NotThatTheCarriedAnswerIsWrong()
    {
        var client = await RunnerWithSelfCheckAsync(Answers.NoRisk().With("pain_started", Answers.Today.AddDays(-1).ToString("yyyy-MM-dd")));
        var before = await CountAsync();
        var fields = Fine();
        fields["date"] = [Answers.Today.AddDays(-3).ToString("yyyy-MM-dd")];

        var response = await PostAsync(client, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var at = html.IndexOf("id=\"q-date-error\"", StringComparison.Ordinal);
        Assert.True(at > 0, "No message beside the day");
        Assert.Contains("This day is before the day your last self-check gives for \"Pain started\" (22 November 2026). Choose 22 November 2026 or a later day.",
            html[at..], StringComparison.Ordinal);
        Assert.DoesNotContain("does not fit the current self-check", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    public static TheoryData<string, string, string, string> BadInputs => new()
    {
        // field, value, where the message shows, part of the message
        { "date", "2026-11-24", "q-date-error", "cannot be in the future" },
        { "date", "2026-11-15", "q-date-error", "at most 7\u00A0days back" },
        { "date", "yesterday", "q-date-error", "Choose the day" },
        { "q-back_pain", "11", "q-back_pain-error", "" },
        { "q-back_pain", "", "q-back_pain-error", "" },
        { "q-hip_pain", "lots", "q-hip_pain-error", "" },
        { "q-since_last_time", "", "q-since_last_time-error", "please answer" },
        { "q-since_last_time", "sideways", "q-since_last_time-error", "choose one" },
        { "q-distance", "-3", "q-distance-error", "" },
        { "q-distance", "", "q-distance-error", "please answer" },
        { "q-helped", "magic", "q-helped-error", "choose from" },
        { "q-serious_signs", "", "q-serious_signs-error", "" },
        { "q-night_waking", "maybe", "q-night_waking-error", "Yes or No" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task BadInput_MessageBesideTheField_OtherAnswersKept_NothingSaved(string field, string value, string errorId, string message)
    {
        var client = await RunnerWithSelfCheckAsync();
        var before = await CountAsync();
        var fields = Fine();
        fields[field] = value.Length == 0 ? [] : [value];
        fields["q-back_pain"] = field == "q-back_pain" ? fields["q-back_pain"] : ["6"];

        var response = await PostAsync(client, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"id=\"{errorId}\"", html, StringComparison.Ordinal);
        var error = html[html.IndexOf($"id=\"{errorId}\"", StringComparison.Ordinal)..];
        Assert.Contains(message, WebUtility.HtmlDecode(error[..error.IndexOf("</p>", StringComparison.Ordinal)]), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Nothing was saved yet", html, StringComparison.Ordinal);
        if (field != "q-back_pain")
        {
            Assert.Matches("id=\"q-back_pain-6\"[^>]*checked", html);
        }
        if (field != "q-distance")
        {
            Assert.Contains("value=\"20\"", html, StringComparison.Ordinal);
        }
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task CarriedAnswerThatNoLongerValidates_MessageBesideIt_NothingSaved()
    {
        var client = await RunnerWithSelfCheckAsync();
        // A self-check saved under an older release whose warm-up option the current release no longer has.
        await _factory.QueryAsync(db => db.CheckIns.Where(c => c.Id == _selfCheckId).ExecuteUpdateAsync(s => s.SetProperty(c => c.AnswersJson,
            c => c.AnswersJson.Replace("\"warm_up\":\"always\"", "\"warm_up\":\"every_time\""))));
        var before = await CountAsync();

        var response = await PostAsync(client, Fine());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"q-warm_up-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Please change it in the full self-check", html, StringComparison.Ordinal);
        Assert.Matches("id=\"q-back_pain-4\"[^>]*checked", html);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task SelfCheckOlderThanFourWeeks_PromptsAFreshOne_ButStillSaves()
    {
        var client = await RunnerWithSelfCheckAsync();
        await _factory.QueryAsync(db => db.CheckIns.Where(c => c.Id == _selfCheckId).ExecuteUpdateAsync(s => s.SetProperty(c => c.CheckInDate, Answers.Today.AddDays(-29))));

        Assert.Contains("more than 4 weeks ago", await client.GetStringAsync("/check-in/quick"), StringComparison.Ordinal);
        var response = await PostAsync(client, Fine());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("more than 4\u00A0weeks old", WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location!.ToString())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameKeyTwice_SavesOnce()
    {
        var client = await RunnerWithSelfCheckAsync();
        var key = Guid.NewGuid();
        var first = await PostAsync(client, Fine(), key);
        var second = await PostAsync(client, Fine(), key);

        Assert.Equal(first.Headers.Location, second.Headers.Location);
    }

    [Fact]
    public async Task DeleteAsksFirst_OnlyTheOwnerSeesTheQuestion_AndNothingIsDeletedByIt()
    {
        var client = await RunnerWithSelfCheckAsync();
        var page = await client.GetStringAsync($"/history/delete/{_selfCheckId}");

        Assert.Contains("Delete the check-in of", page, StringComparison.Ordinal);
        Assert.Contains($"action=\"/check-ins/{_selfCheckId}/delete\"", page, StringComparison.Ordinal);
        Assert.Equal(1, await _factory.QueryAsync(db => db.CheckIns.CountAsync(c => c.Id == _selfCheckId)));
        var stranger = _factory.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/history/delete/{_selfCheckId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/history/delete/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task History_ChartSummaryAndInsightsDoNotRepeat_ExportsNameTheQuickAnswers()
    {
        var client = await RunnerWithSelfCheckAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, Fine())).StatusCode);

        var html = await client.GetStringAsync("/history");
        var summary = System.Text.RegularExpressions.Regex.Match(html, "id=\"chart-summary\"[^>]*>([^<]*)<").Groups[1].Value;
        var insights = System.Text.RegularExpressions.Regex.Matches(html[html.IndexOf("class=\"insights\"", StringComparison.Ordinal)..], "<li>([^<]*)</li>")
            .Select(m => m.Groups[1].Value).ToList();
        Assert.StartsWith("2 check-ins on 23 November 2026.", summary, StringComparison.Ordinal);
        Assert.NotEmpty(insights);
        var sentences = summary.Split(". ", StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim().TrimEnd('.')).Where(s => s.Length > 20);
        Assert.All(sentences, sentence => Assert.DoesNotContain(insights, line => line.Contains(sentence, StringComparison.Ordinal)));

        var json = JsonNode.Parse(await client.GetStringAsync("/history/export.json"))!["checkIns"]!.AsArray();
        Assert.Equal(["full", "quick"], json.Select(c => c!["kind"]!.GetValue<string>()).Order());
        var quick = json.Single(c => c!["kind"]!.GetValue<string>() == "quick")!;
        Assert.Equal("better", quick["sinceLastTime"]!.GetValue<string>());
        Assert.Equal(["heat", "stretches"], quick["helped"]!.AsArray().Select(h => h!.GetValue<string>()));
        var csv = await client.GetStringAsync("/history/export.csv");
        Assert.Contains("Quick check-in,", csv, StringComparison.Ordinal);
        Assert.Contains("Heat; Stretches", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingAnswered_TheSummaryListsTheProblemsInPageOrder()
    {
        var client = await RunnerWithSelfCheckAsync();

        var response = await PostAsync(client, new() { ["date"] = [Answers.Today.ToString("yyyy-MM-dd")] });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var start = html.IndexOf("id=\"error-summary\"", StringComparison.Ordinal);
        var summary = html[start..html.IndexOf("</ul>", start, StringComparison.Ordinal)];
        var links = System.Text.RegularExpressions.Regex.Matches(summary, "href=\"/check-in/quick#q-([a-z_]+)\"").Select(m => m.Groups[1].Value).ToList();
        // Warning signs first on the form, so first in the list of problems too.
        Assert.Equal(["serious_signs", "health_history", "leg_symptoms", "night_waking", "back_pain", "hip_pain", "since_last_time", "distance"], links);
    }
}
