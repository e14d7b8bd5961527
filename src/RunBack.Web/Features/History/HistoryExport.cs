using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using RunBack.Core.CheckIns;
using RunBack.Core.Content;
using RunBack.Core.Rules;
using RunBack.Data;
using RunBack.Web.Components;

using RunBack.Web.Features.CheckIns;

namespace RunBack.Web.Features.History;

/// <summary>
/// Export of a runner's whole history. JSON schema "runback.history/1" (documented in the README); CSV with one row per
/// check-in, cells that a spreadsheet would run as a formula (= + - @, tab, carriage return) prefixed with an apostrophe.
/// </summary>
public static class HistoryExport
{
    public const string Schema = "runback.history/1";

    /// <summary>The PEG score's column: empty for a check-in without one (before 2027.2.0, or a question skipped), never 0.</summary>
    public const string PegColumn = "PEG score (0-10, mean of 3, Krebs et al. 2009)";

    /// <summary>Column headers in words; ids sit beside the names in words, so a spreadsheet and a program can both read it.</summary>
    private static readonly string[] CsvColumns =
    [
        "Check-in id", "Saved at (UTC, ISO 8601)", "Day of the check-in (ISO 8601)", "Kind", "Release",
        "Back pain (0-10)", "Hip pain (0-10)", PegColumn, "Since last time", "What helped", "Triage id", "Triage",
        "Hip component id", "Hip component", "Factor ids", "Factors", "Guidance ids", "Guidance", "Rule ids", "Answers (JSON)",
        NoteColumn,
    ];

    /// <summary>The runner's own note (issue 26 item 16), last so the columns before it keep their places; empty when none.</summary>
    public const string NoteColumn = "Note (the runner's own words)";

    /// <summary>
    /// One row per check-in. Names in words come from the release each check-in was saved with (factors, guidance) and
    /// from the quick check-in's wording; an id the content no longer names is left as the id.
    /// </summary>
    public static string ToCsv(IEnumerable<CheckIn> checkIns, Func<string, ContentRelease?> release, QuickCheckInContent quick,
        IStringLocalizer<Wording> words)
    {
        var builder = new StringBuilder();
        builder.Append(CsvHeader());
        foreach (var c in checkIns)
        {
            builder.Append(CsvRow(c, release, quick, words));
        }
        return builder.ToString();
    }

    /// <summary>Rows written to the stream as they are read: the export never holds the whole history (UTF-8 with a BOM, as before).</summary>
    public static async Task WriteCsvAsync(IAsyncEnumerable<CheckIn> checkIns, Stream output, Func<string, ContentRelease?> release,
        QuickCheckInContent quick, IStringLocalizer<Wording> words, CancellationToken cancellationToken)
    {
        await output.WriteAsync(Encoding.UTF8.GetPreamble(), cancellationToken);
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(CsvHeader());
        await foreach (var c in checkIns.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(CsvRow(c, release, quick, words));
        }
        await writer.FlushAsync(cancellationToken);
    }

    private static string CsvHeader() => string.Join(',', CsvColumns.Select(Cell)) + "\r\n";

    private static string CsvRow(CheckIn c, Func<string, ContentRelease?> release, QuickCheckInContent quick, IStringLocalizer<Wording> words)
    {
        var rules = release(c.ReleaseId);
        var told = Told.Of(c);
        var triage = TriageLevels.Ids.Parse(told.Triage);
        string[] cells =
        [
            c.Id.ToString(), c.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            c.CheckInDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            c.Kind == CheckInKinds.Quick ? "Quick check-in" : "Full self-check", c.ReleaseId,
            c.BackPain.ToString(CultureInfo.InvariantCulture), c.HipPain.ToString(CultureInfo.InvariantCulture),
            c.Facts().Peg?.Value.ToString("0.0", CultureInfo.InvariantCulture) ?? "",
            quick.SinceLastTime.Options.FirstOrDefault(o => o.Id == c.SinceLastTime)?.Label ?? c.SinceLastTime ?? "",
            Names(c.Helped, id => quick.Helped.Options.FirstOrDefault(o => o.Id == id)?.Label),
            told.Triage, triage is { } level ? TriageWording.For(words, level).Title : told.Triage,
            told.Hip, HipWords(told.Hip),
            told.Factors, Names(told.Factors, id => rules?.Rules.FindFactor(id)?.Label),
            told.Guidance, Names(told.Guidance, id => rules?.FindItem(id)?.Title),
            told.Rules, c.AnswersJson, c.Note ?? "",
        ];
        return string.Join(',', cells.Select(Cell)) + "\r\n";
    }

    private static string Names(string spaceSeparated, Func<string, string?> name) =>
        string.Join("; ", spaceSeparated.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(id => name(id) ?? id));

    private static string HipWords(string id) => id switch
    {
        "likely" => "Likely",
        "possible" => "Possible",
        "none" => "Not likely",
        _ => id,
    };

    /// <summary>One CSV cell: formula-looking text defused, then quoted when it holds a comma, quote or line break.</summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static byte[] ToJson(IEnumerable<CheckIn> checkIns, DateTimeOffset exportedAt)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("schema", Schema);
            writer.WriteString("exportedAt", exportedAt.UtcDateTime);
            writer.WriteStartArray("checkIns");
            foreach (var c in checkIns)
            {
                WriteCheckIn(writer, c);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }

    /// <summary>The JSON export written to the stream as rows are read, flushed every <see cref="RowsPerFlush"/> rows.</summary>
    public static async Task WriteJsonAsync(IAsyncEnumerable<CheckIn> checkIns, Stream output, DateTimeOffset exportedAt, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("schema", Schema);
        writer.WriteString("exportedAt", exportedAt.UtcDateTime);
        writer.WriteStartArray("checkIns");
        var rows = 0;
        await foreach (var c in checkIns.WithCancellation(cancellationToken))
        {
            WriteCheckIn(writer, c);
            if (++rows % RowsPerFlush == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    private const int RowsPerFlush = 50;

    private static void WriteCheckIn(Utf8JsonWriter writer, CheckIn c)
    {
        writer.WriteStartObject();
        writer.WriteString("id", c.Id);
        writer.WriteString("createdAt", c.CreatedAt.UtcDateTime);
        writer.WriteString("date", c.CheckInDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteString("release", c.ReleaseId);
        writer.WriteNumber("backPain", c.BackPain);
        writer.WriteNumber("hipPain", c.HipPain);
        if (c.Facts().Peg is { } peg)
        {
            // Only when all three PEG questions were answered: a missing score is absent, never 0.
            writer.WriteNumber("peg", peg.Value);
        }
        var told = Told.Of(c);
        writer.WriteString("triage", told.Triage);
        writer.WriteString("hipComponent", told.Hip);
        writer.WriteString("kind", c.Kind);
        if (c.Kind == CheckInKinds.Quick)
        {
            writer.WriteString("sinceLastTime", c.SinceLastTime);
            WriteList(writer, "helped", c.Helped);
        }
        WriteList(writer, "factors", told.Factors);
        WriteList(writer, "guidance", told.Guidance);
        WriteList(writer, "rules", told.Rules);
        if (c.Note is { } note)
        {
            writer.WriteString("note", note); // the runner's own words; absent when there is none
        }
        writer.WritePropertyName("answers");
        using (var answers = JsonDocument.Parse(c.AnswersJson))
        {
            answers.RootElement.WriteTo(writer);
        }
        writer.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter writer, string name, string spaceSeparated)
    {
        writer.WriteStartArray(name);
        foreach (var item in spaceSeparated.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            writer.WriteStringValue(item);
        }
        writer.WriteEndArray();
    }

    /// <summary>
    /// What a check-in's result was as told (ids, space-separated as the columns keep them): the stored result snapshot,
    /// or the columns written at the same save for a row kept before snapshots (an export never re-runs the rules).
    /// </summary>
    private sealed record Told(string Triage, string Hip, string Factors, string Guidance, string Rules)
    {
        public static Told Of(CheckIn c) => ResultSnapshot.FromJson(c.ResultSnapshot) is { } s
            ? new(s.Triage, s.Hip, string.Join(' ', s.Factors.Select(f => f.Id)), string.Join(' ', s.Guidance), string.Join(' ', s.FiredRules))
            : new(c.Triage, c.HipComponent, c.FactorIds, c.GuidanceIds, c.FiredRuleIds);
    }
}
