using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Monitoring.Checks;

/// <summary>
/// JSON settings for profiles, check results, monitoring results and retrain decisions: snake_case property names,
/// enums as snake_case strings, nulls omitted, NaN/±Infinity written as named literals. Dictionary keys (column and
/// metric names) are kept as they are.
/// </summary>
public static class MonitoringJson
{
    /// <summary>The shared serializer settings.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Serializes <paramref name="value"/> with <see cref="Options"/>.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Reads a <typeparamref name="T"/>; throws <see cref="JsonException"/> when the text holds none.</summary>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"The JSON holds no {typeof(T).Name}.");
}
