using System.Globalization;
using System.Text.Json;

namespace RunBack.Core.Questionnaire;

/// <summary>Reads answers from what a person types and from JSON, turning anything malformed into a clear message.</summary>
public static class AnswerParser
{
    public const int MaxTextLength = 64;

    /// <summary>Reads a typed number ("12", "12.5", "12,5"); refuses NaN, infinities and text.</summary>
    public static bool TryParseNumber(string? text, out double value, out AnswerErrorCode? error)
    {
        value = 0;
        error = null;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return false;
        }
        if (trimmed.Length > MaxTextLength)
        {
            error = AnswerErrorCode.NumberTooLong;
            return false;
        }
        var normalised = trimmed.Replace(',', '.');
        if (double.TryParse(normalised, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value))
        {
            return true;
        }
        error = AnswerErrorCode.NotDigits;
        return false;
    }

    /// <summary>Reads a date as yyyy-MM-dd, the form a date input sends.</summary>
    public static bool TryParseDate(string? text, out DateOnly value) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    /// <summary>
    /// Reads an answers object such as <c>{"back_pain": 6, "pain_where": ["lower_back"], "fever": false}</c>.
    /// Values of the wrong JSON type for their question come back as errors keyed by question id; unknown ids are
    /// kept (as text) so that the validator reports them.
    /// </summary>
    public static (AnswerSet Answers, IReadOnlyDictionary<string, AnswerError> Errors) FromJson(JsonElement answers, QuestionnaireDefinition questionnaire)
    {
        var errors = new Dictionary<string, AnswerError>(StringComparer.Ordinal);
        var values = new List<KeyValuePair<string, AnswerValue>>();
        if (answers.ValueKind != JsonValueKind.Object)
        {
            errors["answers"] = new AnswerError(AnswerErrorCode.NotAnObject, null);
            return (AnswerSet.Empty, errors);
        }
        foreach (var property in answers.EnumerateObject())
        {
            if (!IsValidText(property))
            {
                errors["answers"] = NotUnicode;
                return (AnswerSet.Empty, errors);
            }
            var id = property.Name;
            var question = questionnaire.Find(id);
            var element = property.Value;
            if (element.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            if (question is null)
            {
                values.Add(new(id, AnswerValue.Of(element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText())));
                continue;
            }
            var (value, error) = FromJson(question, element);
            if (error is { } code)
            {
                errors[id] = new AnswerError(code, question.Label);
            }
            else
            {
                values.Add(new(id, value));
            }
        }
        return (AnswerSet.From(values), errors);
    }

    /// <summary>What a lone UTF-16 surrogate (such as <c>"\ud800"</c>) in a name or text answer gets: an error, never an exception.</summary>
    public static readonly AnswerError NotUnicode = new(AnswerErrorCode.NotUnicode, null);

    /// <summary>
    /// True when the property's name and every string inside its value are valid UTF-16 (JSON escapes can spell a lone
    /// surrogate, which <see cref="JsonElement.GetString"/> refuses with an exception).
    /// </summary>
    public static bool IsValidText(JsonProperty property)
    {
        try
        {
            _ = property.Name;
            return IsValidText(property.Value);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>True when every string (and property name) in the element is valid UTF-16.</summary>
    public static bool IsValidText(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return true;
                case JsonValueKind.Array:
                    return element.EnumerateArray().All(IsValidText);
                case JsonValueKind.Object:
                    return element.EnumerateObject().All(IsValidText);
                default:
                    return true;
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static (AnswerValue, AnswerErrorCode?) FromJson(Question question, JsonElement element)
    {
        switch (question.Kind)
        {
            case QuestionKind.YesNo:
                return element.ValueKind is JsonValueKind.True or JsonValueKind.False
                    ? (AnswerValue.Of(element.GetBoolean()), null)
                    : (default, AnswerErrorCode.ExpectedBool);
            case QuestionKind.SingleChoice:
                return element.ValueKind == JsonValueKind.String && element.GetString()!.Length <= MaxTextLength
                    ? (AnswerValue.Of(element.GetString()!), null)
                    : (default, AnswerErrorCode.ExpectedOptionId);
            case QuestionKind.MultiChoice:
                if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() > 64
                    || element.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String || e.GetString()!.Length > MaxTextLength))
                {
                    return (default, AnswerErrorCode.ExpectedOptionList);
                }
                return (AnswerValue.OfOptions(element.EnumerateArray().Select(e => e.GetString()!)), null);
            case QuestionKind.Number:
            case QuestionKind.Scale:
                return element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var number) && double.IsFinite(number)
                    ? (AnswerValue.Of(number), null)
                    : (default, AnswerErrorCode.ExpectedNumber);
            case QuestionKind.Date:
                return element.ValueKind == JsonValueKind.String && TryParseDate(element.GetString(), out var date)
                    ? (AnswerValue.Of(date), null)
                    : (default, AnswerErrorCode.ExpectedDate);
            default:
                return (default, AnswerErrorCode.NotUnderstood);
        }
    }

    /// <summary>Writes answers as the JSON object <see cref="FromJson(JsonElement, QuestionnaireDefinition)"/> reads.</summary>
    public static void WriteJson(Utf8JsonWriter writer, AnswerSet answers)
    {
        writer.WriteStartObject();
        foreach (var (id, value) in answers.Values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(id);
            switch (value.Kind)
            {
                case AnswerValueKind.Bool:
                    writer.WriteBooleanValue(value.Flag);
                    break;
                case AnswerValueKind.Number:
                    writer.WriteNumberValue(value.Number);
                    break;
                case AnswerValueKind.Options:
                    writer.WriteStartArray();
                    foreach (var option in value.OptionIds)
                    {
                        writer.WriteStringValue(option);
                    }
                    writer.WriteEndArray();
                    break;
                default:
                    writer.WriteStringValue(value.ToString());
                    break;
            }
        }
        writer.WriteEndObject();
    }

    public static string ToJson(AnswerSet answers)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            WriteJson(writer, answers);
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>How answers JSON is read: a repeated property name is refused (which one would count?), nesting is shallow.</summary>
    public static readonly JsonDocumentOptions StrictJson = new() { MaxDepth = 8, AllowDuplicateProperties = false };

    public static (AnswerSet Answers, IReadOnlyDictionary<string, AnswerError> Errors) FromJson(string json, QuestionnaireDefinition questionnaire)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, StrictJson);
        }
        catch (InvalidOperationException)
        {
            // Checking for repeated names decodes every name: a lone surrogate in one surfaces here.
            return (AnswerSet.Empty, new Dictionary<string, AnswerError>(StringComparer.Ordinal) { ["answers"] = NotUnicode });
        }
        using (document)
        {
            return FromJson(document.RootElement, questionnaire);
        }
    }
}
