using System.Text.Json.Nodes;

namespace RunBack.Web.Tests.Infrastructure;

/// <summary>The shared personas (tests/Shared/Personas.cs) as JSON, as a client or the self-check page would send them.</summary>
internal static class Answers
{
    /// <summary>The day the test apps' fake clock starts on (see <see cref="RunBackFactory.Clock"/>).</summary>
    public static readonly DateOnly Today = new(2026, 11, 23);

    public static JsonObject NoRisk() => Personas.NoRisk().ToJson(Today);

    public static JsonObject HipPattern() => Personas.HipPattern().ToJson(Today);

    public static JsonObject RedFlag() => Personas.RedFlag().ToJson(Today);

    public static JsonObject With(this JsonObject answers, string id, JsonNode? value)
    {
        answers[id] = value;
        return answers;
    }
}
