using System.Text;
using Microsoft.Data.Sqlite;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Store;

/// <summary>
/// The SQLite implementation of <see cref="IMonitoringStore"/> (the embedded default): the live data and the history
/// of a workspace in <c>vigil.db</c>. Every write is one transaction and has committed when the method returns
/// (acknowledged = committed); a write that throws stored nothing of its batch. Safe to use from several threads and
/// processes: SQLite serialises the writers (<c>BEGIN IMMEDIATE</c>).
/// </summary>
public sealed partial class MonitoringStore : IMonitoringStore
{
    private readonly WorkspaceDatabase _database;
    private readonly TimeProvider _time;

    internal MonitoringStore(WorkspaceDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    /// <summary>
    /// Stores a batch of predictions in one transaction. A prediction whose id the model already has (or that repeats
    /// an id earlier in the batch) is ignored and counted as a duplicate; the first one stays. Labels that arrived
    /// earlier for these ids are joined in the same transaction.
    /// </summary>
    public IngestResult LogPredictions(string model, IReadOnlyList<PredictionRecord> rows)
    {
        ModelName.Validate(model);
        ArgumentNullException.ThrowIfNull(rows);
        return Insert(model, rows, IngestRows.Encoding(rows));
    }

    /// <summary>
    /// <see cref="LogPredictions"/> for rows whose features are already in the stored form: <paramref name="featuresJson"/>[i]
    /// is a compact JSON object of scalar values (numbers, strings, booleans, null) for <paramref name="rows"/>[i], whose
    /// <see cref="PredictionRecord.Features"/> is then ignored. The server's ingestion path uses it to skip building a
    /// dictionary per row only to serialise it again. The caller vouches for the JSON; it is stored verbatim.
    /// </summary>
    public IngestResult LogEncodedPredictions(string model, IReadOnlyList<PredictionRecord> rows, IReadOnlyList<string> featuresJson)
    {
        ModelName.Validate(model);
        IngestRows.CheckShape(rows, featuresJson, nameof(featuresJson));
        return Insert(model, rows, IngestRows.Encoded(rows, featuresJson));
    }

    /// <summary>
    /// Several batches of <paramref name="model"/> (each as for <see cref="LogEncodedPredictions"/>) in one transaction,
    /// so they share one commit and one fsync: the server's group commit for many small concurrent requests. Returns
    /// one result per batch, in order; batches are applied in order, so an id repeated in a later batch is that
    /// batch's duplicate. If any batch is invalid, nothing of any batch is stored.
    /// </summary>
    public IReadOnlyList<IngestResult> LogEncodedPredictionBatches(
        string model, IReadOnlyList<(IReadOnlyList<PredictionRecord> Rows, IReadOnlyList<string> FeaturesJson)> batches)
    {
        ModelName.Validate(model);
        IngestRows.CheckShapes(batches);

        return _database.Ingest((model, batches), static (ingest, state) =>
        {
            var (model, batches) = state;
            var results = new IngestResult[batches.Count];
            ingest.Begin();
            for (var b = 0; b < batches.Count; b++)
            {
                var (rows, features) = batches[b];
                results[b] = InsertBatch(ingest, model, rows, IngestRows.Encoded(rows, features));
            }

            ingest.Commit();
            return results;
        });
    }

    private IngestResult Insert(string model, IReadOnlyList<PredictionRecord> rows, Func<int, string> features)
    {
        if (rows.Count == 0)
        {
            return new IngestResult(0, 0, 0);
        }

        return _database.Ingest((model, rows, features), static (ingest, state) =>
        {
            ingest.Begin();
            var result = InsertBatch(ingest, state.model, state.rows, state.features);
            ingest.Commit();
            return result;
        });
    }

    private static IngestResult InsertBatch(IngestConnection ingest, string model, IReadOnlyList<PredictionRecord> rows, Func<int, string> features)
    {
        if (rows.Count == 0)
        {
            return new IngestResult(0, 0, 0);
        }

        // Multi-row INSERTs bound by position (see PredictionInsert) in the caller's write transaction, prepared once
        // per connection. Rows within a statement are inserted in order, so "first id wins" holds.
        var inserted = 0;
        for (var start = 0; start < rows.Count; start += PredictionInsert.RowsPerStatement)
        {
            var count = Math.Min(PredictionInsert.RowsPerStatement, rows.Count - start);
            var insert = ingest.Insert(model, count);
            for (var k = 0; k < count; k++)
            {
                var i = start + k;
                var row = IngestRows.Row(model, rows, i);
                insert.Bind(k, row.Id, StoredTime.ToTicks(row.Timestamp), features(i), IngestRows.Prediction(row), row.Score, row.ModelVersion);
            }

            inserted += insert.Execute();
        }

        var lateJoined = 0;
        if (ingest.HasPendingLabels(model))
        {
            // The write transaction is the connection's own (BEGIN IMMEDIATE above), so these commands take none.
            var connection = ingest.Connection;
            lateJoined = connection.Execute(null,
                "UPDATE predictions SET label = p.label, label_observed_at = p.observed_at, labelled_at = p.received_at " +
                "FROM pending_labels p WHERE predictions.model = $m AND p.model = $m AND p.id = predictions.id AND predictions.label IS NULL",
                ("$m", model));
            connection.Execute(null,
                "DELETE FROM pending_labels WHERE model = $m AND EXISTS " +
                "(SELECT 1 FROM predictions q WHERE q.model = $m AND q.id = pending_labels.id)",
                ("$m", model));
        }

        return new IngestResult(inserted, rows.Count - inserted, lateJoined);
    }

    /// <summary>
    /// Stores a batch of labels in one transaction. A label joins its prediction by id; a label whose prediction has
    /// not arrived waits in <c>pending_labels</c> and is joined when it does. First label wins: a label for an id
    /// that already has one (joined or pending, including earlier in the batch) is ignored and counted, so retrying a
    /// batch is harmless. The arrival time (workspace clock) is kept for <see cref="CountLabelledSince"/>.
    /// </summary>
    public LabelResult LogLabels(string model, IReadOnlyList<LabelRecord> labels)
    {
        ModelName.Validate(model);
        ArgumentNullException.ThrowIfNull(labels);
        var now = StoredTime.ToTicks(_time.GetUtcNow());
        int joined = 0, pending = 0;
        using var connection = _database.Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        using var join = connection.Command(transaction,
            "UPDATE predictions SET label = $l, label_observed_at = $o, labelled_at = $now " +
            "WHERE model = $m AND id = $id AND label IS NULL");
        using var wait = connection.Command(transaction,
            "INSERT OR IGNORE INTO pending_labels (model, id, label, observed_at, received_at) " +
            "SELECT $m, $id, $l, $o, $now WHERE NOT EXISTS (SELECT 1 FROM predictions WHERE model = $m AND id = $id)");
        foreach (var command in new[] { join, wait })
        {
            command.Parameters.AddWithValue("$m", model);
            command.Parameters.AddWithValue("$now", now);
            command.Parameters.Add("$id", SqliteType.Text);
            command.Parameters.Add("$l", SqliteType.Text);
            command.Parameters.Add("$o", SqliteType.Integer);
            command.Prepare();
        }

        foreach (var label in labels)
        {
            if (label is null || string.IsNullOrEmpty(label.Id) || label.Label is null)
            {
                throw new WorkspaceInputException($"A label for model '{model}' has no id or no label value.");
            }

            foreach (var command in new[] { join, wait })
            {
                command.Parameters["$id"].Value = label.Id;
                command.Parameters["$l"].Value = label.Label;
                command.Parameters["$o"].Value = StoredTime.ToDb(label.ObservedAt);
            }

            if (join.ExecuteNonQuery() == 1)
            {
                joined++;
            }
            else if (wait.ExecuteNonQuery() == 1)
            {
                pending++;
            }
        }

        transaction.Commit();
        return new LabelResult(joined, pending, labels.Count - joined - pending);
    }

    /// <summary>The stored rows of <paramref name="model"/> that <paramref name="spec"/> selects, oldest first.</summary>
    public IReadOnlyList<LoggedRow> ReadWindow(string model, WindowSpec spec)
    {
        ModelName.Validate(model);
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Last is < 1)
        {
            throw new WorkspaceInputException($"A window of the last {spec.Last} rows is empty; expected at least 1.");
        }

        var sql = new StringBuilder($"SELECT {StoredRecords.LoggedRowColumns} FROM predictions WHERE model = $m");
        var parameters = new List<(string, object)> { ("$m", model) };
        WindowFilters.Append(sql, parameters, spec.From, spec.To, spec.LabelledOnly);
        sql.Append(spec.Last.HasValue ? " ORDER BY ts DESC, seq DESC LIMIT $n" : " ORDER BY ts, seq");
        if (spec.Last.HasValue)
        {
            parameters.Add(("$n", spec.Last.Value));
        }

        using var connection = _database.Connect();
        using var command = connection.Command(null, sql.ToString(), [.. parameters]);
        using var reader = command.ExecuteReader();
        var rows = new List<LoggedRow>();
        while (reader.Read())
        {
            rows.Add(StoredRecords.Logged(reader));
        }

        if (spec.Last.HasValue)
        {
            rows.Reverse();
        }

        return rows;
    }

    /// <summary>
    /// The <paramref name="count"/> rows of <paramref name="model"/> whose labels arrived last, oldest first (by
    /// timestamp, then arrival): the training data of a retrain. Reads the labelled-rows index, so it stays fast when
    /// millions of unlabelled rows lie between the labelled ones (a <see cref="WindowSpec.LabelledOnly"/> window
    /// walks them all).
    /// </summary>
    public IReadOnlyList<LoggedRow> ReadRecentlyLabelled(string model, int count)
    {
        ModelName.Validate(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        using var connection = _database.Connect();
        using var command = connection.Command(null,
            $"SELECT {StoredRecords.LoggedRowColumns} FROM " +
            "(SELECT * FROM predictions WHERE model = $m AND label IS NOT NULL ORDER BY labelled_at DESC, seq DESC LIMIT $n) " +
            "ORDER BY ts, seq",
            ("$m", model), ("$n", count));
        using var reader = command.ExecuteReader();
        var rows = new List<LoggedRow>();
        while (reader.Read())
        {
            rows.Add(StoredRecords.Logged(reader));
        }

        return rows;
    }

    /// <summary>Number of stored predictions of <paramref name="model"/> with timestamp in [<paramref name="from"/>, <paramref name="to"/>); null bounds are open.</summary>
    public long CountPredictions(string model, DateTimeOffset? from = null, DateTimeOffset? to = null, bool labelledOnly = false)
    {
        ModelName.Validate(model);
        var sql = new StringBuilder("SELECT COUNT(*) FROM predictions WHERE model = $m");
        var parameters = new List<(string, object)> { ("$m", model) };
        WindowFilters.Append(sql, parameters, from, to, labelledOnly);
        using var connection = _database.Connect();
        return (long)connection.Scalar(null, sql.ToString(), [.. parameters])!;
    }

    /// <inheritdoc/>
    public RowsAfterPosition CountPredictionsAfter(string model, long position)
    {
        ModelName.Validate(model);
        using var connection = _database.Connect();
        using var command = connection.Command(null, "SELECT COUNT(*), MAX(seq) FROM predictions WHERE model = $m AND seq > $p", ("$m", model), ("$p", position));
        using var reader = command.ExecuteReader();
        reader.Read();
        return new RowsAfterPosition(reader.GetInt64(0), reader.IsDBNull(1) ? position : reader.GetInt64(1));
    }

    /// <summary>
    /// Number of predictions of <paramref name="model"/> whose label arrived (workspace clock) at or after
    /// <paramref name="since"/>. A late label counts from when it arrived, not from when its prediction did.
    /// </summary>
    public long CountLabelledSince(string model, DateTimeOffset since)
    {
        ModelName.Validate(model);
        using var connection = _database.Connect();
        return (long)connection.Scalar(null,
            "SELECT COUNT(*) FROM predictions WHERE model = $m AND label IS NOT NULL AND labelled_at >= $since",
            ("$m", model), ("$since", StoredTime.ToTicks(since)))!;
    }

    /// <summary>Number of labels of <paramref name="model"/> still waiting for their prediction.</summary>
    public long CountPendingLabels(string model)
    {
        ModelName.Validate(model);
        using var connection = _database.Connect();
        return (long)connection.Scalar(null, "SELECT COUNT(*) FROM pending_labels WHERE model = $m", ("$m", model))!;
    }
}
