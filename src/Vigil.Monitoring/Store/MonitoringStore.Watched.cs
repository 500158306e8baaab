using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Store;

// Each model's watched metrics (#17): a small per-model table, replaced as a whole in one transaction.
public sealed partial class MonitoringStore
{
    /// <summary>Replaces the watched metrics of <paramref name="model"/> (one transaction).</summary>
    public void SetWatchedMetrics(string model, WatchedMetrics watched, string setBy)
    {
        ModelName.Validate(model);
        ArgumentNullException.ThrowIfNull(watched);
        ArgumentException.ThrowIfNullOrEmpty(setBy);
        var now = StoredTime.ToTicks(_time.GetUtcNow());
        using var connection = _database.Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        connection.Execute(transaction, "DELETE FROM watched_metrics WHERE model = $m", ("$m", model));
        for (var i = 0; i < watched.Metrics.Count; i++)
        {
            var m = watched.Metrics[i];
            connection.Execute(transaction,
                "INSERT INTO watched_metrics (model, position, metric, max_relative_drop, set_at, set_by) VALUES ($m, $p, $name, $drop, $at, $by)",
                ("$m", model), ("$p", i), ("$name", m.Name), ("$drop", m.MaxRelativeDrop is { } d ? (object)d : DBNull.Value), ("$at", now), ("$by", setBy));
        }

        transaction.Commit();
    }

    /// <summary>The stored watched metrics of <paramref name="model"/>, or null when none are stored.</summary>
    public StoredWatch? GetWatchedMetrics(string model)
    {
        ModelName.Validate(model);
        using var connection = _database.Connect();
        var rows = connection.Read(null, "SELECT metric, max_relative_drop, set_at, set_by FROM watched_metrics WHERE model = @m ORDER BY position",
            StoredRecords.WatchedRow, ("@m", model));
        return StoredRecords.Watch(model, rows);
    }

    /// <summary>Removes the stored watched metrics of <paramref name="model"/>; true when there were any.</summary>
    public bool ClearWatchedMetrics(string model)
    {
        ModelName.Validate(model);
        using var connection = _database.Connect();
        return connection.Execute(null, "DELETE FROM watched_metrics WHERE model = $m", ("$m", model)) > 0;
    }
}
