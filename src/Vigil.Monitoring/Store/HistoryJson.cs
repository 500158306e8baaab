using System.Text.Json;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Policy;

namespace Vigil.Monitoring.Store;

/// <summary>
/// The one place that turns the history's stored JSON into types. Older stored shapes are read through the types'
/// own converters (e.g. decisions stored before triggers knew their kind); anything that still cannot be read becomes
/// an entry with an error, the same way for the dashboard, the metrics, the report and the API.
/// </summary>
public static class HistoryJson
{
    /// <summary>The check row with its result read.</summary>
    public static CheckEntry Read(CheckRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var (result, error) = Read<MonitoringResult>(record.ResultJson);
        return new CheckEntry(record, result, error);
    }

    /// <summary>The decision row with its decision read.</summary>
    public static DecisionEntry Read(DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var (decision, error) = Read<RetrainDecision>(record.ReasonsJson);
        return new DecisionEntry(record, decision, error);
    }

    private static (T? Value, string? Error) Read<T>(string json)
        where T : class
    {
        try
        {
            return (MonitoringJson.Deserialize<T>(json), null);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return (null, e.Message);
        }
    }
}
