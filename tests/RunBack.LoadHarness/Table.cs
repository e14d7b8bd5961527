using System.Globalization;

namespace RunBack.LoadHarness;

/// <summary>The one table the harness prints: each figure beside its budget, and whether it was met.</summary>
internal sealed class Table
{
    private readonly List<(string Measure, string Figure, string Budget, string Verdict)> _rows = [];

    public int Count => _rows.Count;

    /// <summary>False in smoke mode: tiny sizes on a Debug build say nothing about speed, so no figure is judged.</summary>
    public bool JudgeFigures { get; init; } = true;

    public static IFormatProvider Invariant => CultureInfo.InvariantCulture;

    public void Add(string measure, string figure, string budget, bool? met) =>
        _rows.Add((measure, figure, budget, (JudgeFigures ? met : null) switch { true => "met", false => "MISSED", null => "-" }));

    /// <summary>A part that did not run: always marked, in every mode.</summary>
    public void Failed(string measure, string figure) => _rows.Add((measure, figure, "runs", "FAILED"));

    public void Note(string measure, string text) => _rows.Add((measure, text, "", ""));

    public void Print(TextWriter output, string header)
    {
        var widths = new[]
        {
            Math.Max(7, _rows.Max(r => r.Measure.Length)),
            Math.Max(6, _rows.Max(r => r.Figure.Length)),
            Math.Max(6, _rows.Max(r => r.Budget.Length)),
        };
        output.WriteLine();
        output.WriteLine(header);
        output.WriteLine($"| {"Measure".PadRight(widths[0])} | {"Figure".PadRight(widths[1])} | {"Budget".PadRight(widths[2])} | Result |");
        output.WriteLine($"|{new string('-', widths[0] + 2)}|{new string('-', widths[1] + 2)}|{new string('-', widths[2] + 2)}|--------|");
        foreach (var (measure, figure, budget, verdict) in _rows)
        {
            output.WriteLine($"| {measure.PadRight(widths[0])} | {figure.PadRight(widths[1])} | {budget.PadRight(widths[2])} | {verdict,-6} |");
        }
    }
}
