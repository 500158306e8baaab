using System.Text;
using System.Text.Json;

namespace Vigil.Server.Api.Ingestion;

/// <summary>Describes the token a reader stands on for an error message ("the string "forty"", "an array"), shortened.</summary>
internal static class JsonFound
{
    private const int MaxText = 40;

    public static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => "the string \"" + Shorten(reader.ValueIsEscaped ? reader.GetString()! : Encoding.UTF8.GetString(reader.ValueSpan)) + "\"",
        JsonTokenType.Number => "the number " + Shorten(Encoding.UTF8.GetString(reader.ValueSpan)),
        _ => Token(reader.TokenType),
    };

    public static string Token(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.Null => "null",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => "nothing",
    };

    /// <summary>At most 40 characters of caller text, so a megabyte-long name or value does not come back whole.</summary>
    public static string Shorten(string text) => text.Length <= MaxText ? text : string.Concat(text.AsSpan(0, MaxText), "…");
}
