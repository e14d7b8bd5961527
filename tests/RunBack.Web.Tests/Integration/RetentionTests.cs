using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RunBack.Web.Features.Profiles;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// Retention (Privacy:RetentionMonths, default 24): a profile with no check-in, sign-in or export for that long is
/// deleted with its check-ins by the background sweep, on the app's (fake) clock; the history page says until when it is
/// kept; several instances sweeping one database delete each profile once.
/// </summary>
public sealed class RetentionTests
{
    [Fact]
    public async Task UnusedProfile_DeletedByTheBackgroundSweep_AfterTwentyFourMonths_AnExportKeepsAnother()
    {
        await using var factory = new RunBackFactory();
        var idle = factory.CreateBrowserLikeClient("10.0.0.1");
        var exporter = factory.CreateBrowserLikeClient("10.0.0.2");
        var idleCheckIn = await CheckInClient.SaveOkAsync(idle, Answers.NoRisk());
        await CheckInClient.SaveOkAsync(exporter, Answers.HipPattern());
        Assert.Equal(2, await factory.QueryAsync(db => db.Profiles.CountAsync()));

        // 23 months on: both are kept; the exporter downloads their history, which counts as using it.
        factory.Clock.Advance(RunBackFactory.Start.AddMonths(23) - factory.Clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.OK, (await exporter.GetAsync("/history/export.csv")).StatusCode);
        Assert.Equal(2, await factory.QueryAsync(db => db.Profiles.CountAsync()));
        Assert.Contains("Kept until <strong>" + LongDate(RunBackFactory.Start.AddMonths(24), "en-GB", factory.Clock.LocalTimeZone) + "</strong> unless you",
            await idle.GetStringAsync("/history"), StringComparison.Ordinal);

        // 24 months and a day after the idle runner's only check-in: the hourly sweep deletes their profile and check-in.
        factory.Clock.Advance(RunBackFactory.Start.AddMonths(24).AddDays(1) - factory.Clock.GetUtcNow());
        await PollAsync(async () => await factory.QueryAsync(db => db.Profiles.CountAsync()) == 1, "the idle profile deleted");
        Assert.False(await factory.QueryAsync(db => db.CheckIns.AnyAsync(c => c.Id == idleCheckIn)));
        Assert.Equal(1, await factory.QueryAsync(db => db.DeviceKeys.CountAsync()));
        Assert.Contains("There is no history on this browser yet.", await idle.GetStringAsync("/history"), StringComparison.Ordinal);

        // The exporter is kept until 24 months after the export, in each edition's words.
        var keptUntil = RunBackFactory.Start.AddMonths(23).AddMonths(24);
        Assert.Contains("Kept until <strong>" + LongDate(keptUntil, "en-GB", factory.Clock.LocalTimeZone) + "</strong>", await exporter.GetStringAsync("/history"), StringComparison.Ordinal);
        using var us = new HttpRequestMessage(HttpMethod.Get, "/history");
        us.Headers.AcceptLanguage.ParseAdd("en-US");
        var usPage = await (await exporter.SendAsync(us)).Content.ReadAsStringAsync();
        Assert.Contains("Kept until <strong>" + LongDate(keptUntil, "en-US", factory.Clock.LocalTimeZone) + "</strong>", usPage, StringComparison.Ordinal);
        Assert.Contains(factory.Logs.Events, e => e.MessageTemplate.Text.StartsWith("Retention: deleted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoInstancesOnOneDatabase_SweepAtOnce_EachProfileDeletedOnce_ARecentOneKept()
    {
        await using var first = new RunBackFactory();
        await using var second = new RunBackFactory();
        second.Settings["Database:Path"] = first.DatabasePath;
        await TwoInstancesSweepAsync(first, second);
    }

    /// <summary>Two instances over one database (SQLite here; PostgreSQL in RunBack.SystemTests' RetentionTestsOnPostgres).</summary>
    internal static async Task TwoInstancesSweepAsync(RunBackFactory first, RunBackFactory second)
    {
        const int Profiles = 12;
        for (var i = 0; i < Profiles; i++)
        {
            await CheckInClient.SaveOkAsync(first.CreateBrowserLikeClient($"10.0.1.{i + 1}"), Answers.NoRisk());
        }
        _ = second.Services; // the second instance starts (and sweeps once) over the same database
        Assert.Equal(Profiles, await second.QueryAsync(db => db.Profiles.CountAsync()));

        // Both clocks pass 24 months; a new runner saves just before the sweeps run.
        var later = RunBackFactory.Start.AddMonths(25) - RunBackFactory.Start;
        first.Clock.Advance(later);
        second.Clock.Advance(later);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(second.Clock.GetUtcNow(), second.Clock.LocalTimeZone).DateTime);
        await CheckInClient.SaveOkAsync(second.CreateBrowserLikeClient("10.0.2.1"), Answers.NoRisk(today), date: today);
        // Besides the background sweeps the advance set off, each instance sweeps at the same moment.
        var swept = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() =>
            (i % 2 == 0 ? first : second).Services.GetRequiredService<ProfileRetention>().SweepAsync())));
        await PollAsync(async () => await first.QueryAsync(db => db.Profiles.CountAsync()) == 1, "every idle profile deleted");

        // Each profile was deleted once: the deletions counted by the direct sweeps and logged by the background ones add up to the idle profiles.
        var logged = first.Logs.Events.Concat(second.Logs.Events)
            .Where(e => e.MessageTemplate.Text.StartsWith("Retention: deleted", StringComparison.Ordinal))
            .Sum(e => int.Parse(e.Properties["Count"].ToString(), CultureInfo.InvariantCulture));
        Assert.Equal(Profiles, swept.Sum() + logged);
        Assert.DoesNotContain(first.Logs.Events.Concat(second.Logs.Events), e => e.MessageTemplate.Text.StartsWith("Retention: the sweep could not run", StringComparison.Ordinal));
        Assert.Equal(1, await second.QueryAsync(db => db.CheckIns.CountAsync()));
        Assert.Equal(1, await second.QueryAsync(db => db.DeviceKeys.CountAsync()));
    }

    [Theory]
    [InlineData("Privacy:RetentionMonths", "0", "RetentionMonths")]
    [InlineData("Privacy:RetentionMonths", "241", "RetentionMonths")]
    [InlineData("Privacy:RetentionMonth", "12", "unknown setting Privacy:RetentionMonth")]
    public void RetentionSettingWrong_StopsTheAppInOneLine(string key, string value, string message)
    {
        using var factory = new RunBackFactory();
        factory.Settings[key] = value;

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var line = RunBack.Web.Common.StartupRefusedException.OneLine(ex);
        Assert.True(line is not null, ex.ToString());
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
    }

    /// <summary>The date as the page writes it: in the app clock's time zone, in the edition's order.</summary>
    private static string LongDate(DateTimeOffset at, string culture, TimeZoneInfo zone)
    {
        var info = CultureInfo.GetCultureInfo(culture);
        return WebUtility.HtmlEncode(TimeZoneInfo.ConvertTime(at, zone).ToString(RunBack.Core.DateWords.LongPattern(info), info));
    }

    private static async Task PollAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Not reached within 30 s: {what}");
            await Task.Delay(50);
        }
    }
}
