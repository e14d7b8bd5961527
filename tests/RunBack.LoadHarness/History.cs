using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace RunBack.LoadHarness;

/// <summary>
/// What a runner's history costs as it grows: for each of <see cref="HarnessOptions.HistorySizes"/> (20, 1,000 and
/// 5,000 check-ins in the full run) one profile with that many check-ins, saved through the real form, then /history
/// and the CSV export asked for one at a time: the bytes sent and the median time of a few requests, and the app's
/// peak resident memory during one export above what it held just before (the kernel's VmHWM, reset before it). Each
/// profile is a runner who has checked in every other day for years (<see cref="LongHistoryAsync"/>).
/// Budget (issue 28): the page stays within 60 KB and 1.5x the first (smallest) profile's time, whatever the length.
/// </summary>
internal static class History
{
    private const int Requests = 30;

    private const int WarmUp = 10;

    public static async Task RunAsync(AppUnderTest app, HarnessOptions options, Table table)
    {
        using var probe = new HttpClient { BaseAddress = new Uri(app.Url) };
        var release = JsonNode.Parse(await probe.GetStringAsync("/api/questionnaire"))!["release"]!.GetValue<string>();
        double? firstPageMs = null;
        double? firstPageCpuMs = null;
        foreach (var size in options.HistorySizes)
        {
            var cookies = new CookieContainer();
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Url) };
            var saving = Stopwatch.StartNew();
            var cookie = await LongHistoryAsync(client, cookies, app, release, size);
            Console.WriteLine($"  {size} check-ins saved in {saving.Elapsed.TotalSeconds:F1} s");
            // Kept with the run's database, so one page can be profiled afterwards against the same data (README).
            await File.WriteAllTextAsync(Path.Combine(options.WorkFolder, $"history-{size}.cookie"), cookie);

            var (pageBytes, pageMs, pageCpuMs) = await MeasureAsync(app, "/history", cookie);
            var (csvBytes, csvMs, _) = await MeasureAsync(app, "/history/export.csv", cookie);
            var csvLines = await CountCsvRowsAsync(app.Url, cookie);
            if (csvLines != size)
            {
                throw new InvalidOperationException($"The CSV export of a {size}-check-in profile has {csvLines} rows.");
            }

            app.ResetPeakResident();
            var (before, _) = app.ResidentBytes();
            await FetchAsync(app.Url, "/history/export.csv", cookie);
            var (_, peak) = app.ResidentBytes();

            firstPageMs ??= pageMs;
            firstPageCpuMs ??= pageCpuMs;
            var ratio = pageMs / firstPageMs.Value;
            var withinBudget = pageBytes <= 60 * 1024 && ratio <= 1.5;
            table.Add($"/history, {size} check-ins",
                string.Create(Table.Invariant, $"{pageBytes / 1024.0:F1} KB, median {pageMs:F1} ms ({ratio:F2}x the {options.HistorySizes[0]}-check-in time); app CPU {pageCpuMs:F1} ms a request ({pageCpuMs / firstPageCpuMs.Value:F2}x)"),
                "<= 60 KB, <= 1.5x", withinBudget);
            table.Add($"/history/export.csv, {size} check-ins",
                string.Create(Table.Invariant, $"{csvBytes / 1024.0:F1} KB, median {csvMs:F1} ms; peak resident during one export +{Math.Max(0, peak - before) / 1024.0 / 1024.0:F1} MB"),
                "(reported)", null);
        }
    }

    /// <summary>
    /// A runner who checks in every other day, for years: one full self-check through the form (its shoe answer is
    /// where the shoes' count starts), moved back to the start of the history, then <paramref name="size"/> − 2 quick
    /// check-ins copied from it in SQL straight into the app's SQLite file, each reporting 10 km for its week, dated
    /// every other day up to two days ago (the forms only take the last few days, so years cannot be typed in), and a
    /// real quick check-in today through the form, which counts the shoes over all of them as a runner's would.
    /// Returns the profile cookie.
    /// </summary>
    private static async Task<string> LongHistoryAsync(HttpClient client, CookieContainer cookies, AppUnderTest app, string release, int size)
    {
        var today = AppClock.Today;
        var token = await Saves.TokenAsync(client);
        var fullKey = Guid.NewGuid().ToString();
        using var full = await Saves.PostAsync(client, token, Personas.HipPattern().ToJson(today).ToJsonString(), release, today, Guid.Parse(fullKey));
        if (full.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Saving the self-check failed: {(int)full.StatusCode} {await full.Content.ReadAsStringAsync()}");
        }
        static long Millis(DateOnly day) => new DateTimeOffset(day.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero).ToUnixTimeMilliseconds();
        static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await using (var db = new SqliteConnection($"Data Source={app.DatabasePath}"))
        {
            await db.OpenAsync();
            await using var transaction = (SqliteTransaction)await db.BeginTransactionAsync();
            var start = today.AddDays(-2 * (size - 1));
            // The save's own key finds it (EF Core writes a Guid as text in upper case: compared without regard to case).
            const string ThatSave = "lower(IdempotencyKey) = lower($key)";
            var moved = await ExecuteAsync(db, transaction, $"UPDATE check_ins SET CheckInDate = $day, CreatedAt = $at WHERE {ThatSave}",
                ("$day", Day(start)), ("$at", Millis(start)), ("$key", fullKey));
            if (moved != 1)
            {
                throw new InvalidOperationException($"The self-check saved with key {fullKey} was not found in {app.DatabasePath}.");
            }
            await ExecuteAsync(db, transaction, $"CREATE TEMP TABLE seed AS SELECT * FROM check_ins WHERE {ThatSave}", ("$key", fullKey));
            await ExecuteAsync(db, transaction, "UPDATE seed SET Kind = 'quick', CarriedFromDate = $day, DistanceWeek1 = 10, DistanceWeek2 = NULL, "
                + "DistanceWeek3 = NULL, DistanceWeek4 = NULL, ShoeDistance = NULL, SinceLastTime = 'same'", ("$day", Day(start)));
            await using var read = db.CreateCommand();
            read.Transaction = transaction;
            read.CommandText = "SELECT Id FROM seed";
            var stored = (string)(await read.ExecuteScalarAsync())!;
            Func<string, string> written = stored.Any(char.IsLower) ? text => text : text => text.ToUpperInvariant();
            await using var next = db.CreateCommand();
            next.Transaction = transaction;
            next.CommandText = "UPDATE seed SET Id = $id, IdempotencyKey = $key, CheckInDate = $day, CreatedAt = $at, BackPain = $back, HipPain = $hip; "
                + "INSERT INTO check_ins SELECT * FROM seed;";
            var parameters = new[] { "$id", "$key", "$day", "$at", "$back", "$hip" }.Select(name => next.Parameters.Add(new SqliteParameter(name, null))).ToArray();
            for (var i = size - 2; i >= 1; i--)
            {
                var day = today.AddDays(-2 * i);
                object[] values = [written(Guid.NewGuid().ToString()), written(Guid.NewGuid().ToString()), Day(day), Millis(day), i * 7 % 11, i * 3 % 11];
                for (var p = 0; p < parameters.Length; p++)
                {
                    parameters[p].Value = values[p];
                }
                await next.ExecuteNonQueryAsync();
            }
            await ExecuteAsync(db, transaction, "DROP TABLE seed");
            await transaction.CommitAsync();
        }

        var quickToken = await Saves.TokenAsync(client);
        using var quick = await client.PostAsync("/check-in/quick", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = quickToken,
            ["_handler"] = "quick",
            ["key"] = Guid.NewGuid().ToString(),
            ["date"] = Day(today),
            ["q-back_pain"] = "3",
            ["q-hip_pain"] = "1",
            ["q-since_last_time"] = "better",
            ["q-serious_signs"] = "none",
            ["q-health_history"] = "none",
            ["q-leg_symptoms"] = "none",
            ["q-night_waking"] = "no",
            ["q-distance"] = "12",
        }));
        if (quick.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Saving the quick check-in failed: {(int)quick.StatusCode} {await quick.Content.ReadAsStringAsync()}");
        }
        var cookie = cookies.GetCookies(new Uri(app.Url)).Single(c => c.Name == "rb_profile");
        return $"{cookie.Name}={cookie.Value}";
    }

    private static async Task<int> ExecuteAsync(SqliteConnection db, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = db.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The page's bytes, the median time of <see cref="Requests"/> requests one after another (after
    /// <see cref="WarmUp"/> to let the JIT settle), and the app's CPU time over them per request (steadier than time
    /// when other work shares the machine; /proc counts in 10 ms ticks, hence the many requests).
    /// </summary>
    private static async Task<(long Bytes, double MedianMs, double CpuMs)> MeasureAsync(AppUnderTest app, string path, string cookie)
    {
        var bytes = 0L;
        for (var i = 0; i < WarmUp; i++)
        {
            bytes = (await FetchAsync(app.Url, path, cookie)).LongLength;
        }
        var times = new List<double>();
        var cpu = app.CpuTime();
        for (var i = 0; i < Requests; i++)
        {
            var watch = Stopwatch.StartNew();
            await FetchAsync(app.Url, path, cookie);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        var cpuMs = (app.CpuTime() - cpu).TotalMilliseconds / Requests;
        times.Sort();
        return (bytes, times[times.Count / 2], cpuMs);
    }

    private static async Task<int> CountCsvRowsAsync(string baseUrl, string cookie)
    {
        var text = System.Text.Encoding.UTF8.GetString(await FetchAsync(baseUrl, "/history/export.csv", cookie));
        // The header line, then one line per check-in.
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
    }

    private static async Task<byte[]> FetchAsync(string baseUrl, string path, string cookie)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }
}
