using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Server.Api.Ingestion;

/// <summary>
/// Reads the instants of bound request bodies (a check's <c>from</c> / <c>to</c>) by the rules the ingestion readers
/// use (<see cref="IsoTimestamp"/>: ISO 8601, UTC without an offset), instead of System.Text.Json's, which reads a
/// time without an offset in the server's local zone. Writes them as System.Text.Json does.
/// </summary>
internal sealed class IsoTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && IsoTimestamp.TryParse(reader.GetString()!, out var value))
        {
            return value;
        }

        throw new JsonException($"Expected {IsoTimestamp.Expected}.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
