using Microsoft.AspNetCore.Components;
using RunBack.Core.History;

namespace RunBack.Web.Features.History;

public partial class History
{
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
            builder.AddContent(4, $" {change.Words}, meaningful");
            builder.CloseElement();
        }
        else if (peg.Change is { } small)
        {
            builder.OpenElement(5, "span");
            builder.AddAttribute(6, "class", "peg-small");
            builder.AddContent(7, $" ({small.Words})");
            builder.CloseElement();
        }
    };

    /// <summary>The chart: the last 12 months at most, by week beyond a few months, so its size does not grow with the history.</summary>
    private void DrawChart(List<PainPoint> points)
    {
        var windowStart = _all.Count == 0 ? DateOnly.MinValue : PainWeeks.WindowStart(_all.Max(c => c.CheckInDate));
        var shown = _all.Select((c, i) => (Day: c.CheckInDate, Point: points[i])).Where(p => p.Day >= windowStart).ToList();
        _windowed = shown.Count < _all.Count;
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
