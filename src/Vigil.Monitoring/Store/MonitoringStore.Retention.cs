using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Store;

// Retention (#19): raw prediction rows go once they are old and a stored check covers them; checks, decisions, events
// and profiles stay, so the report and the dashboard keep their whole history.
public sealed partial class MonitoringStore
{
    /// <inheritdoc/>
    public RetentionResult DeleteExpiredPredictions(string model, DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        ModelName.Validate(model);
        var cutoffTicks = StoredTime.ToTicks(cutoff);
        using var connection = _database.Connect();
        var covered = RetentionRule.CoveredThrough(connection.Scalar(null, "SELECT MAX(window_end) FROM checks WHERE model = $m", ("$m", model)), cutoffTicks);
        var deleted = covered is not { } through ? 0 : RetentionRule.DeleteInBatches(() =>
        {
            // The batch's rows are picked once (a temporary table of this connection), so a shadow's scores go with
            // exactly the predictions they belong to.
            using var transaction = connection.BeginTransaction(deferred: false);
            connection.Execute(transaction,
                "CREATE TEMP TABLE IF NOT EXISTS retention_batch (seq INTEGER PRIMARY KEY); DELETE FROM retention_batch; " +
                "INSERT INTO retention_batch SELECT seq FROM predictions WHERE model = $m AND ts <= $end LIMIT $n; " +
                "DELETE FROM shadow_scores WHERE model = $m AND prediction_seq IN (SELECT seq FROM retention_batch);",
                ("$m", model), ("$end", through), ("$n", RetentionRule.BatchRows));
            var batch = connection.Execute(transaction, "DELETE FROM predictions WHERE seq IN (SELECT seq FROM retention_batch)");
            transaction.Commit();
            return batch;
        }, cancellationToken);

        long pending;
        using (var transaction = connection.BeginTransaction(deferred: false))
        {
            pending = connection.Execute(transaction, "DELETE FROM pending_labels WHERE model = $m AND received_at < $c", ("$m", model), ("$c", cutoffTicks));
            transaction.Commit();
        }

        var kept = Convert.ToInt64(connection.Scalar(null, "SELECT COUNT(*) FROM predictions WHERE model = $m AND ts < $c", ("$m", model), ("$c", cutoffTicks)),
            System.Globalization.CultureInfo.InvariantCulture);
        return new RetentionResult(model, cutoff, deleted, pending, kept);
    }
}
