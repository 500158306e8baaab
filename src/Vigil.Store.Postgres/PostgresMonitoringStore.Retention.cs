using System.Globalization;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Workspace;

namespace Vigil.Store.Postgres;

// Retention: the same rule as the SQLite store (old and covered by the newest stored check), in short transactions.
public sealed partial class PostgresMonitoringStore
{
    public RetentionResult DeleteExpiredPredictions(string model, DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        ModelName.Validate(model);
        var cutoffTicks = StoredTime.ToTicks(cutoff);
        using var connection = _database.Connect();
        var covered = RetentionRule.CoveredThrough(connection.Scalar(null, "SELECT MAX(window_end) FROM checks WHERE model = @m", ("@m", model)), cutoffTicks);
        var deleted = covered is not { } through ? 0 : RetentionRule.DeleteInBatches(() =>
        {
            using var transaction = connection.BeginTransaction();
            // A shadow's scores go with exactly the predictions they belong to, in the same statement.
            var batch = Convert.ToInt32(connection.Scalar(transaction,
                "WITH gone AS (DELETE FROM predictions WHERE seq IN (SELECT seq FROM predictions WHERE model = @m AND ts <= @end LIMIT @n) RETURNING seq), " +
                "scores AS (DELETE FROM shadow_scores s USING gone WHERE s.model = @m AND s.prediction_seq = gone.seq) " +
                "SELECT COUNT(*) FROM gone",
                ("@m", model), ("@end", through), ("@n", RetentionRule.BatchRows)), CultureInfo.InvariantCulture);
            transaction.Commit();
            return batch;
        }, cancellationToken);

        var pending = connection.Execute(null, "DELETE FROM pending_labels WHERE model = @m AND received_at < @c", ("@m", model), ("@c", cutoffTicks));
        var kept = Convert.ToInt64(connection.Scalar(null, "SELECT COUNT(*) FROM predictions WHERE model = @m AND ts < @c", ("@m", model), ("@c", cutoffTicks)),
            CultureInfo.InvariantCulture);
        return new RetentionResult(model, cutoff, deleted, pending, kept);
    }
}
