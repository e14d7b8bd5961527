using System.Globalization;
using Microsoft.AspNetCore.Components;
using RunBack.Core.History;
using RunBack.Web.Components;
using RunBack.Web.Features.CheckIns;

namespace RunBack.Web.Features.History;

public partial class History
{
    /// <summary>
    /// Check-ins the chart, the tables and the insights read at most: the latest ones of the chart's 52 weeks and the
    /// <see cref="LookBackDays"/> before them, so the page's cost does not grow with the history (issue 28). About four a
    /// week for a year; the list pages through every check-in, and "show all" and the downloads read every one.
    /// </summary>
    public const int MostCheckIns = 200;

    /// <summary>Days before the chart's window that are read too: the training log's four reported weeks and the weeks its rises compare with.</summary>
    public const int LookBackDays = 28;

    /// <summary>
    /// Reads the page's rows: the count and the first and latest day (aggregates), one page of the list, and the window
    /// of latest check-ins (<see cref="MostCheckIns"/>, the chart's weeks and <see cref="LookBackDays"/>), each with a
    /// LIMIT or a date bound in SQL; "show all" reads every check-in, as it says.
    /// </summary>
    private async Task LoadAsync(Guid profileId, CancellationToken cancellationToken)
    {
        _extent = await Reader.ExtentAsync(profileId, cancellationToken);
        if (_extent is not { Count: > 0, LastDay: { } lastDay, First: { } first })
        {
            return;
        }
        _pages = (int)Math.Ceiling(_extent.Count / (double)CheckInService.PageSize);
        _page = await Reader.PageAsync(profileId, (CurrentPage - 1) * CheckInService.PageSize, CheckInService.PageSize, cancellationToken);
        _showAll = TableText == "all";
        var rows = _showAll
            ? await Reader.ReadAsync(profileId, cancellationToken)
            : await Reader.RecentAsync(profileId, PainWeeks.WindowStart(lastDay).AddDays(-LookBackDays), MostCheckIns, TableRows, cancellationToken);
        _all = [.. rows.OrderBy(c => c.At())];
        // The PEG score stored at save time; older check-ins (before 2027.2.0) have none and show none.
        var pegs = _all.Select(c => c.Facts().Peg).ToList();
        var points = _all.Select((c, i) => new PainPoint(c.At(), c.BackPain, c.HipPain) { Peg = pegs[i] }).ToList();
        _insights = PainInsights.Analyse(points, Clock.GetUtcNow(), new HistorySpan(_extent.Count, first.At()) { Before = await BeforeAsync(profileId, cancellationToken) });
        // The series keeps the check-ins' order, skipping those without a score.
        _peg = _all.Where((c, i) => pegs[i] is not null).Zip(_insights.Peg).ToDictionary(p => p.First.Id, p => p.Second);
        _printTable = _extent.Count <= TableRows;
        var log = _all.TrainingLogOf();
        _miles = log.Miles;
        _weeks = TrainingLog.Weekly(log.Reports);
        _shoes = log.Shoes;
        // The shoes' running total counts from the last distance the runner gave, which may lie before the window.
        _shoeCount = await Reader.ShoesAsync(profileId, cancellationToken);
        _tableRows = _showAll ? _all : _all.TakeLast(TableRows).ToList();
        _tableWeeks = _showAll ? _weeks : _weeks.TakeLast(TableRows).ToList();
        DrawChart(points);
        _training = TrainingInsightsAnalysis.Analyse(log.Entries, _weeks, log.ThresholdPercent, QuickWording.Edition(CultureInfo.CurrentCulture.Name));
    }

    /// <summary>
    /// The 2–3 week rule's starting point when the window has none (a window of check-ins all within
    /// <see cref="PainInsights.PersistentDays"/> of the latest): the latest check-in dated a day more than that before
    /// the latest one. Null (no query) when the window holds the whole history or already reaches back far enough.
    /// </summary>
    private async Task<PainPoint?> BeforeAsync(Guid profileId, CancellationToken cancellationToken)
    {
        if (_all.Count == _extent.Count || _all.Count == 0 || (_all[^1].At() - _all[0].At()).TotalDays >= PainInsights.PersistentDays)
        {
            return null;
        }
        var before = await Reader.LatestOnOrBeforeAsync(profileId, _all[^1].CheckInDate.AddDays(-(PainInsights.PersistentDays + 1)), cancellationToken);
        return before is null ? null : new PainPoint(before.At(), before.BackPain, before.HipPain) { Peg = before.Facts().Peg };
    }

    /// <summary>A check-in's PEG score with its change from the score before; nothing for a check-in without one.</summary>
    private RenderFragment PegCell(Guid id) => builder =>
    {
        if (_peg.GetValueOrDefault(id) is not { } peg)
        {
            builder.AddContent(0, "–");
            return;
        }
        builder.AddContent(1, peg.Score.Display);
        if (peg.Change is { Meaningful: true } change)
        {
            builder.OpenElement(2, "strong");
            builder.AddAttribute(3, "class", "peg-change");
            builder.AddContent(4, $" {InsightWording.Change(Words, change)}, meaningful");
            builder.CloseElement();
        }
        else if (peg.Change is { } small)
        {
            builder.OpenElement(5, "span");
            builder.AddAttribute(6, "class", "peg-small");
            builder.AddContent(7, $" ({InsightWording.Change(Words, small)})");
            builder.CloseElement();
        }
    };

    /// <summary>The chart: the last 12 months at most, by week beyond a few months, so its size does not grow with the history.</summary>
    private void DrawChart(List<PainPoint> points)
    {
        var windowStart = _all.Count == 0 ? DateOnly.MinValue : PainWeeks.WindowStart(_all.Max(c => c.CheckInDate));
        var shown = _all.Select((c, i) => (Day: c.CheckInDate, Point: points[i])).Where(p => p.Day >= windowStart).ToList();
        _windowed = shown.Count < _extent.Count;
        var chartWeeks = _weeks.Where(w => w.WeekEnd >= windowStart).ToList();
        if (PainWeeks.ByWeek(shown))
        {
            var painWeeks = PainWeeks.Aggregate(shown);
            _chart = new HistoryChartModel(painWeeks, chartWeeks, _miles);
            _narrowChart = new HistoryChartModel(painWeeks, chartWeeks, _miles, 400);
        }
        else
        {
            var raw = shown.Select(p => p.Point).ToList();
            _chart = new HistoryChartModel(raw, chartWeeks, _miles);
            _narrowChart = new HistoryChartModel(raw, chartWeeks, _miles, 400);
        }
    }

    /// <summary>The hip level as a runner reads it (never the bare "Hip component: likely").</summary>
    private static string HipInWords(string id) => id switch
    {
        "likely" => "the hip is likely part of the pain",
        "possible" => "the hip may be part of the pain",
        _ => "no sign the hip is part of the pain",
    };
}
