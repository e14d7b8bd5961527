using System.Text.Json.Nodes;

namespace RunBack.Web.Tests.Infrastructure;

/// <summary>The shared personas (tests/Shared/Personas.cs) as JSON, as a client or the self-check page would send them.</summary>
internal static class Answers
{
    /// <summary>The day the test apps' fake clock starts on (see <see cref="RunBackFactory.Clock"/>).</summary>
    public static readonly DateOnly Today = new(2026, 11, 23);

    public static JsonObject NoRisk() => NoRisk(Today);

    public static JsonObject HipPattern() => HipPattern(Today);

    public static JsonObject RedFlag() => Personas.RedFlag().ToJson(Today);

    /// <summary>Dated from <paramref name="today"/>: for an app on the real clock (see <see cref="AppClock"/>).</summary>
    public static JsonObject NoRisk(DateOnly today) => Personas.NoRisk().ToJson(today);

    /// <summary>Dated from <paramref name="today"/>: for an app on the real clock (see <see cref="AppClock"/>).</summary>
    public static JsonObject HipPattern(DateOnly today) => Personas.HipPattern().ToJson(today);

    public static JsonObject With(this JsonObject answers, string id, JsonNode? value)
    {
        answers[id] = value;
        return answers;
    }
}
