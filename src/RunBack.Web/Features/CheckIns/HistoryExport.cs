using System.Globalization;
using System.Text;
using System.Text.Json;
using RunBack.Web.Data;

namespace RunBack.Web.Features.CheckIns;

/// <summary>
/// Export of a runner's whole history. JSON schema "runback.history/1" (documented in the README); CSV with one row per
/// check-in, cells that a spreadsheet would run as a formula (= + - @, tab, carriage return) prefixed with an apostrophe.
/// </summary>
public static class HistoryExport
{
    public const string Schema = "runback.history/1";

    private static readonly string[] CsvColumns =
        ["id", "created_at_utc", "date", "release", "back_pain", "hip_pain", "triage", "hip_component", "factors", "guidance", "rules", "answers_json"];

    public static string ToCsv(IEnumerable<CheckIn> checkIns)
    {
        var builder = new StringBuilder();
        builder.AppendJoin(',', CsvColumns).Append("\r\n");
        foreach (var c in checkIns)
        {
            string[] cells =
            [
                c.Id.ToString(), c.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                c.CheckInDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.ReleaseId,
                c.BackPain.ToString(CultureInfo.InvariantCulture), c.HipPain.ToString(CultureInfo.InvariantCulture),
                c.Triage, c.HipComponent, c.FactorIds, c.GuidanceIds, c.FiredRuleIds, c.AnswersJson,
            ];
            builder.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        }
        return builder.ToString();
    }

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
                writer.WriteStartObject();
                writer.WriteString("id", c.Id);
                writer.WriteString("createdAt", c.CreatedAt.UtcDateTime);
                writer.WriteString("date", c.CheckInDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                writer.WriteString("release", c.ReleaseId);
                writer.WriteNumber("backPain", c.BackPain);
                writer.WriteNumber("hipPain", c.HipPain);
                writer.WriteString("triage", c.Triage);
                writer.WriteString("hipComponent", c.HipComponent);
                WriteList(writer, "factors", c.FactorIds);
                WriteList(writer, "guidance", c.GuidanceIds);
                WriteList(writer, "rules", c.FiredRuleIds);
                writer.WritePropertyName("answers");
                using (var answers = JsonDocument.Parse(c.AnswersJson))
                {
                    answers.RootElement.WriteTo(writer);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return stream.ToArray();
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
}
