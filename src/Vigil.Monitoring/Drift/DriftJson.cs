using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Data.Text;

namespace Vigil.Monitoring.Drift;

/// <summary>Writes and reads <see cref="DriftReport"/> as JSON (snake_case, fields that do not apply omitted).</summary>
public static class DriftJson
{
    /// <summary>Serializer settings shared by Vigil's JSON reports.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize(DriftReport report) => JsonSerializer.Serialize(report, Options);

    public static DriftReport Deserialize(string json) =>
        JsonSerializer.Deserialize<DriftReport>(json, Options) ?? throw new JsonException("The JSON holds no drift report.");

    /// <summary>Writes the report to <paramref name="path"/> atomically (temporary file, then rename).</summary>
    public static void Write(DriftReport report, string path) => AtomicFile.WriteAllText(path, Serialize(report));
}
