using System.Text;
using Npgsql;
using NpgsqlTypes;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Workspace;

namespace Vigil.Store.Postgres;

/// <summary>
/// The PostgreSQL implementation of <see cref="IMonitoringStore"/>, with the same contracts as the SQLite one: every
/// write is one transaction and has committed when the method returns; a write that throws stored nothing; duplicate
/// ids are counted and the first row kept; labels join in the same transaction. Several instances, in one process or
/// on several nodes, may use one database at once: writes that need one writer per model take its
/// <see cref="ModelLock"/>, and the rest rely on row locks.
/// </summary>
public sealed partial class PostgresMonitoringStore : IMonitoringStore
{
    private readonly PostgresDatabase _database;
    private readonly TimeProvider _time;

    /// <param name="database">The opened (migrated) database.</param>
    /// <param name="time">Stamps label arrivals, alerts and finished runs (default: system clock).</param>
    public PostgresMonitoringStore(PostgresDatabase database, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _time = time ?? TimeProvider.System;
    }

    public LabelResult LogLabels(string model, IReadOnlyList<LabelRecord> labels)
    {
        ModelName.Validate(model);
        ArgumentNullException.ThrowIfNull(labels);
        foreach (var label in labels)
        {
            if (label is null || string.IsNullOrEmpty(label.Id) || label.Label is null)
            {
                throw new WorkspaceInputException($"A label for model '{model}' has no id or no label value.");
            }

            PostgresText.Check(label.Id, "label id", model);
            PostgresText.Check(label.Label, "label", model);
        }

        if (labels.Count == 0)
        {
            return new LabelResult(0, 0, 0);
        }

        // One statement per label, all sent at once and run in order: it joins the label to its prediction, or, when
        // the prediction has not arrived, parks it (first label wins either way). Each statement sees the earlier ones.
        var now = StoredTime.ToTicks(_time.GetUtcNow());
        using var connection = _database.Connect();
        using var transaction = connection.BeginTransaction();
        ModelLock.Take(connection, transaction, model);
        using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var label in labels)
        {
            var command = new NpgsqlBatchCommand(
                "WITH joined AS (UPDATE predictions SET label = @l, label_observed_at = @o, labelled_at = @now " +
                "WHERE model = @m AND id = @id AND label IS NULL RETURNING 1), " +
                "waiting AS (INSERT INTO pending_labels (model, id, label, observed_at, received_at) " +
                "SELECT @m, @id, @l, @o, @now WHERE NOT EXISTS (SELECT 1 FROM predictions WHERE model = @m AND id = @id) " +
                "ON CONFLICT DO NOTHING RETURNING 1) " +
                "SELECT (SELECT COUNT(*) FROM joined), (SELECT COUNT(*) FROM waiting)");
            command.Parameters.Add(new NpgsqlParameter<string>("m", NpgsqlDbType.Text) { TypedValue = model });
            command.Parameters.Add(new NpgsqlParameter<string>("id", NpgsqlDbType.Text) { TypedValue = label.Id });
            command.Parameters.Add(new NpgsqlParameter<string>("l", NpgsqlDbType.Text) { TypedValue = label.Label });
            command.Parameters.Add(new NpgsqlParameter("o", NpgsqlDbType.Bigint) { Value = StoredTime.ToDb(label.ObservedAt) });
            command.Parameters.Add(new NpgsqlParameter<long>("now", NpgsqlDbType.Bigint) { TypedValue = now });
            batch.BatchCommands.Add(command);
        }

        int joined = 0, pending = 0;
        using (var reader = batch.ExecuteReader())
        {
            do
            {
                reader.Read();
                joined += (int)reader.GetInt64(0);
                pending += (int)reader.GetInt64(1);
            }
            while (reader.NextResult());
        }

        transaction.Commit();
        return new LabelResult(joined, pending, labels.Count - joined - pending);
    }

    public IReadOnlyList<LoggedRow> ReadWindow(string model, WindowSpec spec)
    {
        ModelName.Validate(model);
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Last is < 1)
        {
            throw new WorkspaceInputException($"A window of the last {spec.Last} rows is empty; expected at least 1.");
        }

        var sql = new StringBuilder($"SELECT {StoredRecords.LoggedRowColumns} FROM predictions WHERE model = @m");
        var parameters = new List<(string, object)> { ("@m", model) };
        WindowFilters.Append(sql, parameters, spec.From, spec.To, spec.LabelledOnly);
        sql.Append(spec.Last.HasValue ? " ORDER BY ts DESC, seq DESC LIMIT @n" : " ORDER BY ts, seq");
        if (spec.Last.HasValue)
        {
            parameters.Add(("@n", spec.Last.Value));
        }

        using var connection = _database.Connect();
        var rows = connection.Read(null, sql.ToString(), StoredRecords.Logged, [.. parameters]);
        if (spec.Last.HasValue)
        {
            rows.Reverse();
        }

        return rows;
    }

    public IReadOnlyList<LoggedRow> ReadRecentlyLabelled(string model, int count)
    {
        ModelName.Validate(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        using var connection = _database.Connect();
        return connection.Read(null,
            $"SELECT {StoredRecords.LoggedRowColumns} FROM " +
            "(SELECT * FROM predictions WHERE model = @m AND label IS NOT NULL ORDER BY labelled_at DESC, seq DESC LIMIT @n) AS recent " +
            "ORDER BY ts, seq",
            StoredRecords.Logged, ("@m", model), ("@n", count));
    }

    public long CountPredictions(string model, DateTimeOffset? from = null, DateTimeOffset? to = null, bool labelledOnly = false)
    {
        ModelName.Validate(model);
        var sql = new StringBuilder("SELECT COUNT(*) FROM predictions WHERE model = @m");
        var parameters = new List<(string, object)> { ("@m", model) };
        WindowFilters.Append(sql, parameters, from, to, labelledOnly);
        using var connection = _database.Connect();
        return (long)connection.Scalar(null, sql.ToString(), [.. parameters])!;
    }

    public RowsAfterPosition CountPredictionsAfter(string model, long position)
    {
        ModelName.Validate(model);
        using var connection = _database.Connect();
        // Positions follow commit order per model (ingestion holds the model's lock), so no row below the newest
        // one counted here can commit later.
        return connection.Read(null, "SELECT COUNT(*), MAX(seq) FROM predictions WHERE model = @m AND seq > @p",
            r => new RowsAfterPosition(r.GetInt64(0), r.IsDBNull(1) ? position : r.GetInt64(1)), ("@m", model), ("@p", position)).Single();
    }

    public long CountLabelledSince(string model, DateTimeOffset since)
    {
        ModelName.Validate(model);
        using var connection = _database.Connect();
        return (long)connection.Scalar(null,
            "SELECT COUNT(*) FROM predictions WHERE model = @m AND label IS NOT NULL AND labelled_at >= @since",
            ("@m", model), ("@since", StoredTime.ToTicks(since)))!;
    }

    public long CountPendingLabels(string model)
    {
        ModelName.Validate(model);
        using var connection = _database.Connect();
        return (long)connection.Scalar(null, "SELECT COUNT(*) FROM pending_labels WHERE model = @m", ("@m", model))!;
    }

    // LIMIT NULL is "no limit" in PostgreSQL; a bound parameter is simpler as the largest value.
    private static long Limit(int? limit) => limit switch
    {
        null => long.MaxValue,
        < 0 => throw new ArgumentOutOfRangeException(nameof(limit), limit, "A limit cannot be negative."),
        _ => limit.Value,
    };
}
