using Vigil.Monitoring.Alerts;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Streams;
using Vigil.Monitoring.Workspace;

namespace Vigil.Store.Postgres;

// The online detectors' half of the store: stream cursors and detector state, the rows a stream reads, detections.
public sealed partial class PostgresMonitoringStore
{
    public StoredStream? ReadStreamState(string model, StreamKind stream)
    {
        ModelName.Validate(model);
        return Read(
            "SELECT champion_version, position, observations, settings_json, detectors_json, updated_at FROM stream_states WHERE model = @m AND stream = @s",
            StoredRecords.Stream, ("@m", model), ("@s", MonitoringStore.StreamText(stream))).SingleOrDefault();
    }

    public IReadOnlyList<StreamRow> ReadStreamRows(string model, StreamKind stream, long after, int limit)
    {
        ModelName.Validate(model);
        var sql = stream == StreamKind.Error
            ? "SELECT j.seq, p.id, p.ts, p.prediction, p.score, p.label, p.model_version FROM label_joins j " +
              "JOIN predictions p ON p.seq = j.prediction_seq WHERE j.model = @m AND j.seq > @after ORDER BY j.seq LIMIT @n"
            : "SELECT seq, id, ts, prediction, score, NULL::TEXT, model_version FROM predictions WHERE model = @m AND seq > @after ORDER BY seq LIMIT @n";
        return Read(sql, StoredRecords.StreamRow, ("@m", model), ("@after", after), ("@n", limit));
    }

    public bool SaveStreamProgress(string model, StreamKind stream, long? expectedPosition, StoredStream next,
        IReadOnlyList<StreamDetection> detections, out IReadOnlyList<StreamDetection> saved)
    {
        ModelName.Validate(model);
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(detections);
        saved = [];
        using var connection = _database.Connect();
        using var transaction = connection.BeginTransaction();
        var values = new List<(string, object)>
        {
            ("@m", model), ("@s", MonitoringStore.StreamText(stream)), ("@v", next.ChampionVersion), ("@p", next.Position),
            ("@o", next.Observations), ("@settings", next.SettingsJson), ("@d", next.DetectorsJson), ("@at", StoredTime.ToTicks(next.UpdatedAt)),
        };
        int changed;
        if (expectedPosition is { } expected)
        {
            // Row-locked: a concurrent writer waits, then finds the position moved and changes nothing.
            values.Add(("@expected", expected));
            changed = connection.Execute(transaction,
                "UPDATE stream_states SET champion_version = @v, position = @p, observations = @o, settings_json = @settings, " +
                "detectors_json = @d, updated_at = @at WHERE model = @m AND stream = @s AND position = @expected", [.. values]);
        }
        else
        {
            changed = connection.Execute(transaction,
                "INSERT INTO stream_states (model, stream, champion_version, position, observations, settings_json, detectors_json, updated_at) " +
                "VALUES (@m, @s, @v, @p, @o, @settings, @d, @at) ON CONFLICT DO NOTHING", [.. values]);
        }

        if (changed == 0)
        {
            return false; // disposing the transaction rolls it back
        }

        var stored = new List<StreamDetection>(detections.Count);
        foreach (var d in detections)
        {
            var id = (long)connection.Scalar(transaction,
                "INSERT INTO stream_detections (model, stream, detector, kind, detected_at, model_version, observation, prediction_id, row_time, detail) " +
                "VALUES (@m, @s, @det, @k, @at, @v, @o, @id, @rt, @detail) RETURNING id",
                ("@m", model), ("@s", MonitoringStore.StreamText(stream)), ("@det", d.Detector), ("@k", d.Kind),
                ("@at", StoredTime.ToTicks(d.DetectedAt)), ("@v", d.ModelVersion), ("@o", d.Observation), ("@id", d.PredictionId),
                ("@rt", StoredTime.ToTicks(d.RowTime)), ("@detail", d.Detail))!;
            stored.Add(d with { Id = id });
        }

        if (stored.Where(d => d.Kind == StreamDetection.Change).ToArray() is { Length: > 0 } changes)
        {
            AlertOutbox.Insert(connection, transaction, DetectorAlerts.Fired(changes), _time.GetUtcNow());
        }

        if (stream == StreamKind.Error)
        {
            connection.Execute(transaction, "DELETE FROM label_joins WHERE model = @m AND seq <= @p", ("@m", model), ("@p", next.Position));
        }

        transaction.Commit();
        saved = stored;
        return true;
    }

    public void ForgetLabelJoins(string model)
    {
        ModelName.Validate(model);
        using var connection = _database.Connect();
        connection.Execute(null, "DELETE FROM label_joins WHERE model = @m", ("@m", model));
    }

    public IReadOnlyList<StreamDetection> ReadStreamDetections(string model, int? limit = null, string? kind = null, DateTimeOffset? after = null)
    {
        ModelName.Validate(model);
        return Read(
            $"SELECT {StoredRecords.DetectionColumns} FROM stream_detections WHERE model = @m AND (@k::TEXT IS NULL OR kind = @k::TEXT) " +
            "AND detected_at > @after ORDER BY detected_at DESC, id DESC LIMIT @n",
            StoredRecords.Detection, ("@m", model), ("@k", (object?)kind ?? DBNull.Value),
            ("@after", after is null ? long.MinValue : StoredTime.ToTicks(after.Value)), ("@n", Limit(limit)));
    }
}
