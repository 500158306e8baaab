using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Monitoring.Reporting.Model;

namespace Vigil.Monitoring.Reporting;

/// <summary>Writes and reads <see cref="ModelReport"/> as JSON: snake_case names, indented, nulls omitted.</summary>
public static class ReportJson
{
    /// <summary>Serializer settings of the report schema (docs/report-schema.md).</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // A metric may be NaN (e.g. AUC on a one-class window); keep the value rather than fail the whole report.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize(ModelReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(report, Options);
    }

    public static ModelReport Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize<ModelReport>(json, Options)
            ?? throw new JsonException("The JSON holds no model report.");
    }
}
