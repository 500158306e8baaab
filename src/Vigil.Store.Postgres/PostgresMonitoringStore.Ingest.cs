using Npgsql;
using NpgsqlTypes;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Workspace;

namespace Vigil.Store.Postgres;

// Ingestion: the first row of each id is chosen in memory, then the rows go in as binary array parameters of one
// INSERT … SELECT unnest(…) (and ON CONFLICT DO NOTHING when an id was stored already), or, for a large group of new
// ids, by binary COPY (PostgresMonitoringStore.IngestCopy.cs): no staging table, no sort in the database.
public sealed partial class PostgresMonitoringStore
{
    // The unnests in the select list step through the equally long arrays together, in order, and the INSERT takes
    // the rows as they come (no sort), so `seq` follows arrival. (In the select list rather than FROM: a function in
    // FROM stores its whole result first, which for a large group spills to a temporary file.)
    private const string InsertColumns =
        "INSERT INTO predictions (model, id, ts, features, prediction, score, model_version) " +
        "SELECT @m, unnest(@ids), unnest(@ts), unnest(@features), unnest(@predictions), unnest(@scores), unnest(@versions)";

    // The first attempt: every id new. A plain insert costs the database about a third less than ON CONFLICT's
    // speculative insertion, and a stored id makes it fail whole (unique violation), so nothing half-written commits.
    private const string InsertNew = InsertColumns;

    // The second attempt, when an id was stored already: those are skipped, RETURNING names the rows stored.
    private const string InsertSkippingStored = InsertColumns + " ON CONFLICT (model, id) DO NOTHING RETURNING id";

    // The unique constraint that makes an id's first row the one kept (named by PostgreSQL after UNIQUE (model, id)).
    private const string IdConstraint = "predictions_model_id_key";

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

    /// <summary>Two: the next group of a model inserts while the previous one's commit is flushed (<see cref="ModelInsertLock"/>).</summary>
    public int IngestConcurrency => 2;

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

        // A client sends an id again only after a failed or unanswered request, so most calls carry new ids only.
        int[] inserted, lateJoined;
        try
        {
            (inserted, lateJoined) = Write(model, staged, batches.Count, allNew: true);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == IdConstraint)
        {
            (inserted, lateJoined) = Write(model, staged, batches.Count, allNew: false);
        }

        for (var b = 0; b < batches.Count; b++)
        {
            results[b] = new IngestResult(inserted[b], batches[b].Rows.Count - inserted[b], lateJoined[b]);
        }

        return results;
    }

    // One transaction in one round trip: statements sent together without an explicit transaction run as one
    // implicit transaction that commits at the batch's end (PostgreSQL's extended protocol: everything before a Sync),
    // and an error in any of them rolls all back. A single-row /predict thus waits for one round trip and the commit's
    // WAL flush, not two round trips. The locks (ModelInsertLock): the insert lock orders the model's inserts; the
    // model lock, taken before the insert lock is let go and held until the commit, orders their commits and the
    // label join; so the next ingestion of the model inserts while this one's commit is being flushed.
    private (int[] Inserted, int[] LateJoined) Write(string model, StagedRows staged, int batches, bool allNew)
    {
        var inserted = allNew ? staged.KeptPerBatch(batches) : new int[batches];
        var lateJoined = new int[batches];
        using var connection = _database.Connect();
        if (allNew && staged.Count >= CopyRows)
        {
            try
            {
                return (inserted, CopyNew(connection, model, staged, batches));
            }
            catch
            {
                RollBack(connection);
                ModelInsertLock.Release(connection, model);
                throw;
            }
        }

        try
        {
            using var batch = new NpgsqlBatch(connection);
            batch.BatchCommands.Add(ModelInsertLock.Take(model));
            var insert = new NpgsqlBatchCommand(allNew ? InsertNew : InsertSkippingStored);
            insert.Parameters.Add(Text("m", model));
            insert.Parameters.Add(ArrayOf("ids", NpgsqlDbType.Text, staged.Ids));
            insert.Parameters.Add(ArrayOf("ts", NpgsqlDbType.Bigint, staged.Ticks));
            insert.Parameters.Add(ArrayOf("features", NpgsqlDbType.Text, staged.Features));
            insert.Parameters.Add(ArrayOf("predictions", NpgsqlDbType.Text, staged.Predictions));
            insert.Parameters.Add(ArrayOf("scores", NpgsqlDbType.Double, staged.Scores));
            insert.Parameters.Add(ArrayOf("versions", NpgsqlDbType.Integer, staged.ModelVersions));
            batch.BatchCommands.Add(insert);
            batch.BatchCommands.Add(ModelLock.Command(model));
            batch.BatchCommands.Add(ModelInsertLock.ReleaseCommand(model));
            batch.BatchCommands.Add(JoinCommand(model, staged.Ids));

            // Results come from the statements that return rows (the reader skips the plain insert): the insert
            // lock's one row, the stored ids when the insert has RETURNING, the model lock's and the release's one
            // row each, then the joined ids.
            using var reader = batch.ExecuteReader();
            reader.NextResult();
            if (!allNew)
            {
                while (reader.Read())
                {
                    inserted[staged.BatchOf(reader.GetString(0))]++;
                }

                reader.NextResult();
            }

            reader.NextResult();
            reader.NextResult();
            CountJoined(reader, staged, lateJoined);

            // The commit happens at the batch's end; reading to it surfaces a failed commit here, before any caller
            // is told the rows are stored.
            while (reader.NextResult())
            {
            }
        }
        catch
        {
            // The implicit transaction rolled back, but a session lock outlives it.
            ModelInsertLock.Release(connection, model);
            throw;
        }

        return (inserted, lateJoined);
    }

    // The pending labels' join, sent after the model lock is held (its results: the ids joined).
    private static NpgsqlBatchCommand JoinCommand(string model, string[] ids)
    {
        var join = new NpgsqlBatchCommand(JoinPending);
        join.Parameters.Add(Text("m", model));
        join.Parameters.Add(ArrayOf("ids", NpgsqlDbType.Text, ids));
        return join;
    }

    // Reads the join's result set, counting each joined id against the batch whose row was kept.
    private static void CountJoined(NpgsqlDataReader reader, StagedRows staged, int[] lateJoined)
    {
        while (reader.Read())
        {
            lateJoined[staged.BatchOf(reader.GetString(0))]++;
        }
    }

    private static NpgsqlParameter<string> Text(string name, string value) =>
        new(name, NpgsqlDbType.Text) { TypedValue = value };

    private static NpgsqlParameter<T[]> ArrayOf<T>(string name, NpgsqlDbType element, T[] values) =>
        new(name, NpgsqlDbType.Array | element) { TypedValue = values };
}
