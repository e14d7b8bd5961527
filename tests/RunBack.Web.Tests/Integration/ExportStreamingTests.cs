using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RunBack.Web.Features.Assessments;
using RunBack.Web.Features.History;
using RunBack.Web.Features.QuickCheckIn;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// The CSV and JSON exports are streamed (rows written as they are read, no Content-Length: the body was not built in
/// memory first), and for 5,000 check-ins they are byte for byte what the whole-history, in-memory export makes.
/// </summary>
public sealed class ExportStreamingTests
{
    private const int Many = 5000;

    [Fact]
    public async Task FiveThousandCheckIns_ExportsStream_ByteIdenticalToInMemoryExport()
    {
        await using var factory = new RunBackFactory();
        var runner = await HistoryLengthTests.RunnerWithAsync(factory, Many);
        var rows = await factory.QueryAsync(db => db.CheckIns.AsNoTracking().OrderBy(c => c.CreatedAt).ToListAsync());
        Assert.Equal(Many, rows.Count);
        var assessments = factory.Services.GetRequiredService<AssessmentService>();
        var quick = factory.Services.GetRequiredService<QuickCheckInService>();

        using var csv = await runner.GetAsync("/history/export.csv", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Null(csv.Content.Headers.ContentLength);
        Assert.Equal("runback-history.csv", csv.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        byte[] expectedCsv = [.. System.Text.Encoding.UTF8.GetPreamble(),
            .. System.Text.Encoding.UTF8.GetBytes(HistoryExport.ToCsv(rows, assessments.Store.Find, quick.DefaultWording, TestWording.Localizer))];
        Assert.Equal(expectedCsv, await csv.Content.ReadAsByteArrayAsync());

        using var json = await runner.GetAsync("/history/export.json", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Null(json.Content.Headers.ContentLength);
        Assert.Equal(HistoryExport.ToJson(rows, factory.Clock.GetUtcNow()), await json.Content.ReadAsByteArrayAsync());
    }
}
