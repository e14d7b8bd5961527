using System.Text;
using RunBack.Data;
using RunBack.Web.Features.History;
using RunBack.Web.Tests.Infrastructure;

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
        Note = "=cmd|' /C calc'!A0, \"quoted\"\nsecond line",
    };

    [Fact]
    public void ToCsv_FormulaCellsPrefixedAndEveryCellRoundTrips()
    {
        var checkIn = Hostile();

        var rows = Parse(HistoryExport.ToCsv([checkIn], _ => null, Quick, TestWording.Localizer));

        Assert.Equal(2, rows.Count);
        Assert.Equal(21, rows[0].Count);
        Assert.Equal(rows[0].Count, rows[1].Count);
        var cells = rows[0].Zip(rows[1]).ToDictionary(p => p.First, p => p.Second);
        foreach (var (column, original) in new[]
        {
            ("Release", checkIn.ReleaseId), ("Triage id", checkIn.Triage), ("Hip component id", checkIn.HipComponent),
            ("Factor ids", checkIn.FactorIds), ("Guidance ids", checkIn.GuidanceIds), ("Rule ids", checkIn.FiredRuleIds),
            (HistoryExport.NoteColumn, checkIn.Note!),
        })
        {
            Assert.Equal("'" + original, cells[column]);
        }
        Assert.Equal(checkIn.AnswersJson, cells["Answers (JSON)"]);
        Assert.Equal("4", cells["Back pain (0-10)"]);
        Assert.Equal("2026-11-23", cells["Day of the check-in (ISO 8601)"]);
    }

    private static readonly RunBack.Core.Content.ContentStore Store = RunBack.Core.Content.ContentStore.Load(RepoPaths.Content);
    private static readonly RunBack.Core.CheckIns.QuickCheckInContent Quick = RunBack.Core.CheckIns.QuickCheckInContent.Load(RepoPaths.Content, Store.Current);

    [Fact]
    public void ToCsv_NamesInWordsBesideTheIds_DatesInIso8601()
    {
        var checkIn = new CheckIn
        {
            Id = Guid.NewGuid(),
            CreatedAt = new DateTimeOffset(2026, 11, 23, 9, 5, 7, TimeSpan.Zero),
            CheckInDate = new DateOnly(2026, 11, 21),
            ReleaseId = "2026.12.0",
            BackPain = 5,
            HipPain = 3,
            Triage = "see_professional",
            HipComponent = "likely",
            FactorIds = "load_jump gone_away",
            GuidanceIds = "",
            FiredRuleIds = "",
            Kind = CheckInKinds.Quick,
            SinceLastTime = "worse",
            Helped = "ice physio",
            AnswersJson = "{}",
        };

        var rows = Parse(HistoryExport.ToCsv([checkIn], Store.Find, Quick, TestWording.Localizer));
        var cells = rows[0].Zip(rows[1]).ToDictionary(p => p.First, p => p.Second);

        Assert.Equal("2026-11-23T09:05:07Z", cells["Saved at (UTC, ISO 8601)"]);
        Assert.Equal("2026-11-21", cells["Day of the check-in (ISO 8601)"]);
        Assert.Equal("Quick check-in", cells["Kind"]);
        Assert.Equal("Worse", cells["Since last time"]);
        Assert.Equal("Ice; A physiotherapist", cells["What helped"]);
        Assert.Equal("see_professional", cells["Triage id"]);
        Assert.Equal("Book a physiotherapist or doctor in the next few days", cells["Triage"]);
        Assert.Equal("Likely", cells["Hip component"]);
        var factor = Store.Find("2026.12.0")!.Rules.Factors[0];
        rows = Parse(HistoryExport.ToCsv([new CheckIn { ReleaseId = "2026.12.0", FactorIds = factor.Id, AnswersJson = "{}", Triage = "self_care", HipComponent = "none" }], Store.Find, Quick, TestWording.Localizer));
        Assert.Equal(factor.Label, rows[1][rows[0].IndexOf("Factors")]);
        Assert.Equal(factor.Id, rows[1][rows[0].IndexOf("Factor ids")]);
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
    internal static List<List<string>> Parse(string csv)
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
