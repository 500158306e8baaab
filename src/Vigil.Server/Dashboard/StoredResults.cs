using System.Text.Json;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Policy;
using Vigil.Monitoring.Store;

namespace Vigil.Server.Dashboard;

/// <summary>Reads the JSON the history keeps; an unreadable row is skipped rather than failing the whole page.</summary>
internal static class StoredResults
{
    public static MonitoringResult? Check(CheckRecord record)
    {
        try
        {
            return MonitoringJson.Deserialize<MonitoringResult>(record.ResultJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static RetrainDecision? Decision(DecisionRecord record)
    {
        try
        {
            return MonitoringJson.Deserialize<RetrainDecision>(record.ReasonsJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Recent checks with readable results, oldest first.</summary>
    public static IReadOnlyList<(CheckRecord Record, MonitoringResult Result)> RecentChecks(MonitoringStore store, string model, int limit)
    {
        var list = new List<(CheckRecord, MonitoringResult)>();
        foreach (var record in store.ListChecks(model, limit))
        {
            if (Check(record) is { } result)
            {
                list.Add((record, result));
            }
        }

        list.Reverse(); // the store lists newest first
        return list;
    }

    /// <summary>The primary metric of a performance window (value and the baseline it was compared with).</summary>
    public static MetricChange? Primary(PerformanceWindow? performance) =>
        performance?.Metrics.FirstOrDefault(m => string.Equals(m.Name, performance.PrimaryMetric, StringComparison.Ordinal));
}
