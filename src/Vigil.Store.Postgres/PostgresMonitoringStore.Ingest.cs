using Npgsql;
using NpgsqlTypes;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Workspace;

namespace Vigil.Store.Postgres;

// Ingestion: the first row of each id is chosen in memory, then one INSERT … SELECT FROM unnest(arrays) … ON CONFLICT
// DO NOTHING sends the rows as binary array parameters: no staging table, no sort in the database.
public sealed partial class PostgresMonitoringStore
{
    // unnest yields the arrays in order and the INSERT takes the rows as they come (no sort), so `seq` follows arrival.
    // Ids already in the table (an earlier call) are skipped by the conflict clause; RETURNING names the rows stored.
    private const string Insert =
        "INSERT INTO predictions (model, id, ts, features, prediction, score, model_version) " +
        "SELECT @m, r.id, r.ts, r.features, r.prediction, r.score, r.model_version " +
        "FROM unnest(@ids, @ts, @features, @predictions, @scores, @versions) AS r (id, ts, features, prediction, score, model_version) " +
        "ON CONFLICT (model, id) DO NOTHING RETURNING id";

    // Labels that waited for these predictions join them now (the trigger records each join for the error stream).
    // A pending label's prediction cannot have existed before this transaction (it would have joined then, under the
    // same model lock), so only these ids can match. Skipped at once when the model has no pending label.
    private const string JoinPending =
        "WITH joined AS (DELETE FROM pending_labels l WHERE l.model = @m " +
        "AND EXISTS (SELECT 1 FROM pending_labels WHERE model = @m) " +
        "AND l.id IN (SELECT unnest(@ids)) " +
        "AND EXISTS (SELECT 1 FROM predictions q WHERE q.model = @m AND q.id = l.id) " +
        "RETURNING l.id, l.label, l.observed_at, l.received_at) " +
        "UPDATE predictions p SET label = j.label, label_observed_at = j.observed_at, labelled_at = j.received_at " +
        "FROM joined j WHERE p.model = @m AND p.id = j.id AND p.label IS NULL RETURNING p.id";

    public IngestResult LogPredictions(string model, IReadOnlyList<PredictionRecord> rows)
    {
        ModelName.Validate(model);
        ArgumentNullException.ThrowIfNull(rows);
        return Ingest(model, [(rows, IngestRows.Encoding(rows))])[0];
    }

    public IngestResult LogEncodedPredictions(string model, IReadOnlyList<PredictionRecord> rows, IReadOnlyList<string> featuresJson)
    {
        ModelName.Validate(model);
        IngestRows.CheckShape(rows, featuresJson, nameof(featuresJson));
        return Ingest(model, [(rows, IngestRows.Encoded(rows, featuresJson))])[0];
    }

    public IReadOnlyList<IngestResult> LogEncodedPredictionBatches(
        string model, IReadOnlyList<(IReadOnlyList<PredictionRecord> Rows, IReadOnlyList<string> FeaturesJson)> batches)
    {
        ModelName.Validate(model);
        IngestRows.CheckShapes(batches);
        return Ingest(model, batches.Select(b => (b.Rows, IngestRows.Encoded(b.Rows, b.FeaturesJson))).ToArray());
    }

    private IngestResult[] Ingest(string model, IReadOnlyList<(IReadOnlyList<PredictionRecord> Rows, Func<int, string> Features)> batches)
    {
        // Every row is checked and encoded before the database is touched: an invalid batch stores nothing.
        var staged = StagedRows.Stage(model, batches);
        var results = new IngestResult[batches.Count];
        if (staged.Count == 0)
        {
            Array.Fill(results, new IngestResult(0, 0, 0));
            return results;
        }

        var inserted = new int[batches.Count];
        var lateJoined = new int[batches.Count];
        using (var connection = _database.Connect())
        using (var transaction = connection.BeginTransaction())
        {
            // One round trip for the lock, the insert and the label join; the commit is the second.
            using var batch = new NpgsqlBatch(connection, transaction);
            batch.BatchCommands.Add(ModelLock.Command(model));

            var insert = new NpgsqlBatchCommand(Insert);
            insert.Parameters.Add(Text("m", model));
            insert.Parameters.Add(ArrayOf("ids", NpgsqlDbType.Text, staged.Ids));
            insert.Parameters.Add(ArrayOf("ts", NpgsqlDbType.Bigint, staged.Ticks));
            insert.Parameters.Add(ArrayOf("features", NpgsqlDbType.Text, staged.Features));
            insert.Parameters.Add(ArrayOf("predictions", NpgsqlDbType.Text, staged.Predictions));
            insert.Parameters.Add(ArrayOf("scores", NpgsqlDbType.Double, staged.Scores));
            insert.Parameters.Add(ArrayOf("versions", NpgsqlDbType.Integer, staged.ModelVersions));
            batch.BatchCommands.Add(insert);

            var join = new NpgsqlBatchCommand(JoinPending);
            join.Parameters.Add(Text("m", model));
            join.Parameters.Add(ArrayOf("ids", NpgsqlDbType.Text, staged.Ids));
            batch.BatchCommands.Add(join);

            using (var reader = batch.ExecuteReader())
            {
                reader.NextResult();
                foreach (var counts in new[] { inserted, lateJoined })
                {
                    while (reader.Read())
                    {
                        counts[staged.BatchOf(reader.GetString(0))]++;
                    }

                    reader.NextResult();
                }
            }

            transaction.Commit();
        }

        for (var b = 0; b < batches.Count; b++)
        {
            results[b] = new IngestResult(inserted[b], batches[b].Rows.Count - inserted[b], lateJoined[b]);
        }

        return results;
    }

    private static NpgsqlParameter<string> Text(string name, string value) =>
        new(name, NpgsqlDbType.Text) { TypedValue = value };

    private static NpgsqlParameter<T[]> ArrayOf<T>(string name, NpgsqlDbType element, T[] values) =>
        new(name, NpgsqlDbType.Array | element) { TypedValue = values };
}
