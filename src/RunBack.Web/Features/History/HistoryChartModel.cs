using System.Globalization;
using RunBack.Core;
using RunBack.Core.History;

namespace RunBack.Web.Features.History;

/// <summary>A point of the chart in SVG units (the view box is <see cref="HistoryChartModel.Width"/> wide).</summary>
public readonly record struct ChartPoint(double X, double Y);

/// <summary>
/// The history chart laid out on the server as SVG: a time axis (days, weeks or months, never one label per check-in),
/// back and hip pain (0–10) on the left, weekly distance as bars on the right in the runner's unit. Check-ins on the
/// same day sit at their times, at least <see cref="MinGap"/> apart, so each can be told from the next.
/// </summary>
public sealed class HistoryChartModel
{
    public const double Height = 320, Left = 44, Right = 56, Top = 30, Bottom = 40, MinGap = 7;

    /// <summary>The view box's width: 800 for wide screens and print, 400 for phones (so the labels stay readable).</summary>
    public double Width { get; }
    public double PlotWidth => Width - Left - Right;
    public double PlotHeight => Height - Top - Bottom;
    public IReadOnlyList<ChartPoint> Back { get; }
    public IReadOnlyList<ChartPoint> Hip { get; }

    /// <summary>The PEG score (0–10) of each check-in that has one; check-ins without it have no point (never a 0).</summary>
    public IReadOnlyList<(ChartPoint Point, PegPoint Peg)> Peg { get; }
    public IReadOnlyList<(double X, double W, double Y, string Label)> Weeks { get; }
    public IReadOnlyList<(double X, string Label)> TimeTicks { get; }
    public IReadOnlyList<(double Y, string Label)> DistanceTicks { get; }
    public string Unit { get; }

    public HistoryChartModel(IReadOnlyList<PainPoint> points, IReadOnlyList<WeekDistance> weeks, bool miles, double width = 800)
        : this([.. points.Select(p => new Plotted(p.At, p.Back, p.Hip, p.Peg))], weeks, miles, width, spread: true)
    {
    }

    /// <summary>The chart drawn from weekly aggregates: one point per week (its mean), in the middle of the week.</summary>
    public HistoryChartModel(IReadOnlyList<PainWeek> painWeeks, IReadOnlyList<WeekDistance> weeks, bool miles, double width = 800)
        : this([.. painWeeks.Select(w => new Plotted(new DateTimeOffset(Day(w.WeekStart).AddHours(84), TimeSpan.Zero), w.Back, w.Hip, w.Peg))],
            weeks, miles, width, spread: false)
    {
    }

    /// <summary>Whether each point is a week's mean rather than one check-in.</summary>
    public bool Weekly { get; }

    private sealed record Plotted(DateTimeOffset At, double Back, double Hip, PegScore? Peg);

    private HistoryChartModel(IReadOnlyList<Plotted> points, IReadOnlyList<WeekDistance> weeks, bool miles, double width, bool spread)
    {
        Width = width;
        Weekly = !spread;
        Unit = miles ? "miles" : "km";
        var times = points.Select(p => p.At.UtcDateTime).Concat(weeks.SelectMany(w => new[] { Day(w.WeekStart), Day(w.WeekEnd.AddDays(1)) })).ToList();
        var from = times.Count == 0 ? DateTime.UtcNow : times.Min();
        var to = times.Count == 0 ? from : times.Max();
        if ((to - from).TotalHours < 24)
        {
            (from, to) = (from.AddHours(-12), to.AddHours(12));
        }
        double X(DateTime t) => Left + (t - from).TotalMilliseconds / (to - from).TotalMilliseconds * PlotWidth;
        double PainY(double score) => Top + PlotHeight * (1 - score / 10.0);

        var xs = points.Select(p => X(p.At.UtcDateTime)).ToList();
        xs = spread ? Spread(xs, Width) : xs;
        Back = [.. points.Select((p, i) => new ChartPoint(xs[i], PainY(p.Back)))];
        Hip = [.. points.Select((p, i) => new ChartPoint(xs[i], PainY(p.Hip)))];
        var pegX = points.Select((p, i) => (p.Peg, X: xs[i])).Where(p => p.Peg is not null).Select(p => p.X).ToList();
        var series = PegScore.Series(points.Select(p => (p.At, p.Peg)));
        Peg = [.. series.Select((peg, i) => (new ChartPoint(pegX[i], Top + PlotHeight * (1 - peg.Score.Value / 10.0)), peg))];

        var values = weeks.Select(w => TrainingLog.FromKm(w.Km, miles)).ToList();
        var top = NiceMax(values.Count == 0 ? 0 : values.Max());
        Weeks = [.. weeks.Select((w, i) => (X(Day(w.WeekStart)), X(Day(w.WeekEnd.AddDays(1))) - X(Day(w.WeekStart)),
            Top + PlotHeight * (1 - values[i] / top), $"{DateWords.Span(w.WeekStart, w.WeekEnd)}: {TrainingLog.Format(w.Km, miles)}"))];
        DistanceTicks = [.. Enumerable.Range(0, 5).Select(i => (Top + PlotHeight * (1 - i / 4.0), (top * i / 4).ToString("0.#", CultureInfo.CurrentCulture)))];
        TimeTicks = Ticks(from, to, X, Width < 600 ? 4 : 8);
    }

    private static DateTime Day(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>Keeps points in order and at least <see cref="MinGap"/> apart (same-day check-ins would otherwise overlap).</summary>
    private static List<double> Spread(List<double> xs, double width)
    {
        for (var i = 1; i < xs.Count; i++)
        {
            xs[i] = Math.Max(xs[i], xs[i - 1] + MinGap);
        }
        var overflow = xs.Count == 0 ? 0 : xs[^1] - (width - Right);
        return overflow > 0 ? [.. xs.Select(x => x - overflow * (x - Left) / Math.Max(1, xs[^1] - Left))] : xs;
    }

    private static readonly int[] TickSteps = [1, 2, 7, 14, 28, 56, 91, 182];

    private static readonly int[] NiceSteps = [10, 20, 40, 60, 80, 100, 150, 200, 300, 400, 500];

    private static double NiceMax(double max) => max <= 0 ? 10 : NiceSteps.First(n => n >= max || n == 500);

    /// <summary>About six labelled days, weeks or months across the span, never one per check-in.</summary>
    private static List<(double, string)> Ticks(DateTime from, DateTime to, Func<DateTime, double> x, int most)
    {
        var days = (to - from).TotalDays;
        var step = TickSteps.First(s => days / s <= most || s == TickSteps[^1]);
        var ticks = new List<(double, string)>();
        for (var t = from.Date.AddDays(from.TimeOfDay > TimeSpan.Zero ? 1 : 0); t <= to; t = t.AddDays(step))
        {
            var at = new DateTimeOffset(t, TimeSpan.Zero);
            ticks.Add((x(t), days <= 200 ? RunBack.Core.DateWords.DayMonth(at) : t.ToString("MMM yyyy", CultureInfo.CurrentCulture)));
        }
        return ticks;
    }
}
