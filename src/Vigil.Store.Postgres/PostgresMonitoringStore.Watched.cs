using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Workspace;

namespace Vigil.Store.Postgres;

// Each model's watched metrics: a small per-model table, replaced as a whole in one transaction.
public sealed partial class PostgresMonitoringStore
{
    public void SetWatchedMetrics(string model, WatchedMetrics watched, string setBy)
    {
        ModelName.Validate(model);
        ArgumentNullException.ThrowIfNull(watched);
        ArgumentException.ThrowIfNullOrEmpty(setBy);
        var now = StoredTime.ToTicks(_time.GetUtcNow());
        using var connection = _database.Connect();
        using var transaction = connection.BeginTransaction();
        ModelLock.Take(connection, transaction, model); // two setters at once: the later one replaces the earlier whole
        connection.Execute(transaction, "DELETE FROM watched_metrics WHERE model = @m", ("@m", model));
        for (var i = 0; i < watched.Metrics.Count; i++)
        {
            var m = watched.Metrics[i];
            connection.Execute(transaction,
                "INSERT INTO watched_metrics (model, position, metric, max_relative_drop, set_at, set_by) VALUES (@m, @p, @name, @drop, @at, @by)",
                ("@m", model), ("@p", i), ("@name", m.Name), ("@drop", m.MaxRelativeDrop is { } d ? (object)d : DBNull.Value), ("@at", now), ("@by", setBy));
        }

        transaction.Commit();
    }

    public StoredWatch? GetWatchedMetrics(string model)
    {
        ModelName.Validate(model);
        var rows = Read("SELECT metric, max_relative_drop, set_at, set_by FROM watched_metrics WHERE model = @m ORDER BY position",
            StoredRecords.WatchedRow, ("@m", model));
        return StoredRecords.Watch(model, rows);
    }

    public bool ClearWatchedMetrics(string model)
    {
        ModelName.Validate(model);
        using var connection = _database.Connect();
        return connection.Execute(null, "DELETE FROM watched_metrics WHERE model = @m", ("@m", model)) > 0;
    }
}
