using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Store;

namespace Vigil.Server.Dashboard;

/// <summary>The history as the dashboard pages use it; unreadable results are skipped rather than failing the page.</summary>
internal static class StoredResults
{
    /// <summary>Recent checks with readable results, oldest first.</summary>
    public static IReadOnlyList<(CheckRecord Record, MonitoringResult Result)> RecentChecks(IMonitoringStore store, string model, int limit)
    {
        var list = new List<(CheckRecord, MonitoringResult)>();
        foreach (var entry in store.ReadChecks(model, limit))
        {
            if (entry.Result is { } result)
            {
                list.Add((entry.Record, result));
            }
        }

        list.Reverse(); // the store lists newest first
        return list;
    }

    /// <summary>The primary metric of a performance window (value and the baseline it was compared with).</summary>
    public static MetricChange? Primary(PerformanceWindow? performance) =>
        performance?.Metrics.FirstOrDefault(m => string.Equals(m.Name, performance.PrimaryMetric, StringComparison.Ordinal));
}
