using Npgsql;
using NpgsqlTypes;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Workspace;

namespace Vigil.Store.Postgres;

// Ingestion: binary COPY into a staging table, then one idempotent INSERT … SELECT … ON CONFLICT DO NOTHING.
public sealed partial class PostgresMonitoringStore
{
    // A temporary table lives with its connection (the pool does not reset connections) and is emptied at every
    // commit or rollback, so each transaction starts with it empty. `ord` numbers the rows of all batches of one
    // call: the first row of an id (lowest ord) is the one kept, and `batch` says whose result a row counts in.
    private const string Staging =
        "CREATE TEMP TABLE IF NOT EXISTS vigil_staged_predictions (batch INTEGER NOT NULL, ord INTEGER NOT NULL, id TEXT NOT NULL, " +
        "ts BIGINT NOT NULL, features TEXT NOT NULL, prediction TEXT NOT NULL, score DOUBLE PRECISION, model_version INTEGER) " +
        "ON COMMIT DELETE ROWS";

    private const string Copy =
        "COPY vigil_staged_predictions (batch, ord, id, ts, features, prediction, score, model_version) FROM STDIN (FORMAT BINARY)";

    // The first row of each staged id, inserted in arrival order (so `seq` follows it); counted per batch.
    private const string InsertStaged =
        "WITH firsts AS (SELECT DISTINCT ON (id) batch, ord, id, ts, features, prediction, score, model_version " +
        "FROM vigil_staged_predictions ORDER BY id, ord), " +
        "inserted AS (INSERT INTO predictions (model, id, ts, features, prediction, score, model_version) " +
        "SELECT @m, id, ts, features, prediction, score, model_version FROM firsts ORDER BY ord " +
        "ON CONFLICT (model, id) DO NOTHING RETURNING id) " +
        "SELECT f.batch, COUNT(*) FROM inserted i JOIN firsts f ON f.id = i.id GROUP BY f.batch";

    // Labels that waited for these predictions join them now (the trigger records each join for the error stream).
    // A pending label's prediction cannot have existed before this transaction (it would have joined then, under the
    // same model lock), so only staged ids can match. Skipped at once when the model has no pending label.
    private const string JoinPending =
        "WITH joined AS (DELETE FROM pending_labels l WHERE l.model = @m " +
        "AND EXISTS (SELECT 1 FROM pending_labels WHERE model = @m) " +
        "AND l.id IN (SELECT id FROM vigil_staged_predictions) " +
        "AND EXISTS (SELECT 1 FROM predictions q WHERE q.model = @m AND q.id = l.id) " +
        "RETURNING l.id, l.label, l.observed_at, l.received_at), " +
        "labelled AS (UPDATE predictions p SET label = j.label, label_observed_at = j.observed_at, labelled_at = j.received_at " +
        "FROM joined j WHERE p.model = @m AND p.id = j.id AND p.label IS NULL RETURNING p.id) " +
        "SELECT s.batch, COUNT(*) FROM labelled x JOIN " +
        "(SELECT DISTINCT ON (id) id, batch FROM vigil_staged_predictions ORDER BY id, ord) s ON s.id = x.id GROUP BY s.batch";

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
        var staged = Stage(model, batches);
        var results = new IngestResult[batches.Count];
        if (staged.Length == 0)
        {
            Array.Fill(results, new IngestResult(0, 0, 0));
            return results;
        }

        var inserted = new int[batches.Count];
        var lateJoined = new int[batches.Count];
        using (var connection = _database.Connect())
        using (var transaction = connection.BeginTransaction())
        {
            connection.Execute(transaction, ModelLock.Sql + "; " + Staging, ModelLock.SpaceParameter, ("@m", model));
            using (var importer = connection.BeginBinaryImport(Copy))
            {
                for (var ord = 0; ord < staged.Length; ord++)
                {
                    var row = staged[ord];
                    importer.StartRow();
                    importer.Write(row.Batch, NpgsqlDbType.Integer);
                    importer.Write(ord, NpgsqlDbType.Integer);
                    importer.Write(row.Id, NpgsqlDbType.Text);
                    importer.Write(row.Ticks, NpgsqlDbType.Bigint);
                    importer.Write(row.Features, NpgsqlDbType.Text);
                    importer.Write(row.Prediction, NpgsqlDbType.Text);
                    if (row.Score is { } score)
                    {
                        importer.Write(score, NpgsqlDbType.Double);
                    }
                    else
                    {
                        importer.WriteNull();
                    }

                    if (row.ModelVersion is { } version)
                    {
                        importer.Write(version, NpgsqlDbType.Integer);
                    }
                    else
                    {
                        importer.WriteNull();
                    }
                }

                importer.Complete();
            }

            using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var sql in new[] { InsertStaged, JoinPending })
            {
                var command = new NpgsqlBatchCommand(sql);
                command.Parameters.Add(new NpgsqlParameter<string>("m", NpgsqlDbType.Text) { TypedValue = model });
                batch.BatchCommands.Add(command);
            }

            using (var reader = batch.ExecuteReader())
            {
                foreach (var counts in new[] { inserted, lateJoined })
                {
                    while (reader.Read())
                    {
                        counts[reader.GetInt32(0)] = (int)reader.GetInt64(1);
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

    private static StagedRow[] Stage(string model, IReadOnlyList<(IReadOnlyList<PredictionRecord> Rows, Func<int, string> Features)> batches)
    {
        var staged = new StagedRow[batches.Sum(b => b.Rows.Count)];
        var ord = 0;
        for (var b = 0; b < batches.Count; b++)
        {
            var (rows, features) = batches[b];
            for (var i = 0; i < rows.Count; i++)
            {
                var row = IngestRows.Row(model, rows, i);
                var encoded = features(i);
                var prediction = IngestRows.Prediction(row);
                PostgresText.Check(row.Id, "prediction id", model);
                PostgresText.Check(prediction, "prediction value", model);
                staged[ord++] = new StagedRow(b, row.Id, StoredTime.ToTicks(row.Timestamp), encoded, prediction, row.Score, row.ModelVersion);
            }
        }

        return staged;
    }

    private readonly record struct StagedRow(int Batch, string Id, long Ticks, string Features, string Prediction, double? Score, int? ModelVersion);
}
