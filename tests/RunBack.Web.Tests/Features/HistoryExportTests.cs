using System.Text;
using RunBack.Web.Data;
using RunBack.Web.Features.CheckIns;

namespace RunBack.Web.Tests.Features;

/// <summary>The CSV export read back by a real CSV parser: formulas defused, every cell intact.</summary>
public sealed class HistoryExportTests
{
    private static CheckIn Hostile() => new()
    {
        Id = Guid.NewGuid(),
        CreatedAt = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero),
        CheckInDate = new DateOnly(2026, 11, 23),
        ReleaseId = "=HYPERLINK(\"http://evil.example\",\"x\")",
        BackPain = 4,
        HipPain = 2,
        Triage = "+1+1",
        HipComponent = "-2",
        FactorIds = "@SUM(A1:A9)",
        GuidanceIds = "\tcmd",
        FiredRuleIds = "\r=1",
        AnswersJson = "{\"note\":\"a, \\\"quoted\\\" text\",\"x\":\"line\\nbreak\"}",
    };

    [Fact]
    public void ToCsv_FormulaCellsPrefixedAndEveryCellRoundTrips()
    {
        var checkIn = Hostile();

        var rows = Parse(HistoryExport.ToCsv([checkIn]));

        Assert.Equal(2, rows.Count);
        Assert.Equal(12, rows[0].Count);
        Assert.Equal(rows[0].Count, rows[1].Count);
        var cells = rows[0].Zip(rows[1]).ToDictionary(p => p.First, p => p.Second);
        foreach (var (column, original) in new[]
        {
            ("release", checkIn.ReleaseId), ("triage", checkIn.Triage), ("hip_component", checkIn.HipComponent),
            ("factors", checkIn.FactorIds), ("guidance", checkIn.GuidanceIds), ("rules", checkIn.FiredRuleIds),
        })
        {
            Assert.Equal("'" + original, cells[column]);
        }
        Assert.Equal(checkIn.AnswersJson, cells["answers_json"]);
        Assert.Equal("4", cells["back_pain"]);
        Assert.Equal("2026-11-23", cells["date"]);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("-1", "'-1")]
    [InlineData("", "")]
    public void Cell_QuotesAndDefuses(string value, string expected) => Assert.Equal(expected, HistoryExport.Cell(value));

    /// <summary>RFC 4180: cells split by commas, rows by CRLF; quoted cells may hold commas, quotes ("") and line breaks.</summary>
    private static List<List<string>> Parse(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                cell.Append(c);
            }
        }
        Assert.False(quoted, "The CSV ends inside a quoted cell");
        Assert.Empty(row);
        return rows;
    }
}
