using Microsoft.Data.Sqlite;
using Vigil.Monitoring.Alerts;
using Vigil.Monitoring.Streams;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Store;

// The online detectors' half of the store: stream cursors and detector state, the rows a stream reads, detections.
public sealed partial class MonitoringStore
{
    public StoredStream? ReadStreamState(string model, StreamKind stream)
    {
        ModelName.Validate(model);
        return Read(
            "SELECT champion_version, position, observations, settings_json, detectors_json, updated_at FROM stream_states WHERE model = $m AND stream = $s",
            StoredRecords.Stream,
            ("$m", model), ("$s", StreamText(stream))).SingleOrDefault();
    }

    /// <summary>
    /// Up to <paramref name="limit"/> rows of <paramref name="stream"/> after <paramref name="after"/>, in stream order:
    /// labels in the order they joined (error stream), predictions in the order they were logged (score stream).
    /// </summary>
    public IReadOnlyList<StreamRow> ReadStreamRows(string model, StreamKind stream, long after, int limit)
    {
        ModelName.Validate(model);
        var sql = stream == StreamKind.Error
            ? "SELECT j.seq, p.id, p.ts, p.prediction, p.score, p.label, p.model_version FROM label_joins j " +
              "JOIN predictions p ON p.seq = j.prediction_seq WHERE j.model = $m AND j.seq > $after ORDER BY j.seq LIMIT $n"
            : "SELECT seq, id, ts, prediction, score, NULL, model_version FROM predictions WHERE model = $m AND seq > $after ORDER BY seq LIMIT $n";
        return Read(sql,
            StoredRecords.StreamRow,
            ("$m", model), ("$after", after), ("$n", limit));
    }

    /// <summary>
    /// Stores a stream's new progress and the detections it produced in one transaction, and forgets the label joins
    /// the error stream has read. Optimistic: when the stored position is no longer <paramref name="expectedPosition"/>
    /// (null: no row yet) another process advanced the stream first, nothing is written and false is returned.
    /// <paramref name="saved"/> holds the detections with their ids.
    /// </summary>
    public bool SaveStreamProgress(string model, StreamKind stream, long? expectedPosition, StoredStream next,
        IReadOnlyList<StreamDetection> detections, out IReadOnlyList<StreamDetection> saved)
    {
        ModelName.Validate(model);
        saved = [];
        using var connection = _database.Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        var values = new List<(string, object)>
        {
            ("$m", model), ("$s", StreamText(stream)), ("$v", next.ChampionVersion), ("$p", next.Position), ("$o", next.Observations),
            ("$settings", next.SettingsJson), ("$d", next.DetectorsJson), ("$at", StoredTime.ToTicks(next.UpdatedAt)),
        };
        int changed;
        if (expectedPosition is { } expected)
        {
            values.Add(("$expected", expected));
            changed = connection.Execute(transaction,
                "UPDATE stream_states SET champion_version = $v, position = $p, observations = $o, settings_json = $settings, " +
                "detectors_json = $d, updated_at = $at WHERE model = $m AND stream = $s AND position = $expected", [.. values]);
        }
        else
        {
            changed = connection.Execute(transaction,
                "INSERT INTO stream_states (model, stream, champion_version, position, observations, settings_json, detectors_json, updated_at) " +
                "VALUES ($m, $s, $v, $p, $o, $settings, $d, $at) ON CONFLICT DO NOTHING", [.. values]);
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
                "VALUES ($m, $s, $det, $k, $at, $v, $o, $id, $rt, $detail) RETURNING id",
                ("$m", model), ("$s", StreamText(stream)), ("$det", d.Detector), ("$k", d.Kind), ("$at", StoredTime.ToTicks(d.DetectedAt)),
                ("$v", d.ModelVersion), ("$o", d.Observation), ("$id", d.PredictionId), ("$rt", StoredTime.ToTicks(d.RowTime)), ("$detail", d.Detail))!;
            stored.Add(d with { Id = id });
        }

        // A change is an alert, written with the detections (the outbox): one per pass, however many detectors fired.
        if (stored.Where(d => d.Kind == StreamDetection.Change).ToArray() is { Length: > 0 } changes)
        {
            AlertOutbox.Insert(connection, transaction, DetectorAlerts.Fired(changes), _time.GetUtcNow());
        }

        if (stream == StreamKind.Error)
        {
            connection.Execute(transaction, "DELETE FROM label_joins WHERE model = $m AND seq <= $p", ("$m", model), ("$p", next.Position));
        }

        transaction.Commit();
        saved = stored;
        return true;
    }

    /// <summary>Forgets the label joins of <paramref name="model"/> (when no detector reads the error stream, they would only pile up).</summary>
    public void ForgetLabelJoins(string model)
    {
        using var connection = _database.Connect();
        connection.Execute(null, "DELETE FROM label_joins WHERE model = $m", ("$m", model));
    }

    /// <summary>
    /// Detections of <paramref name="model"/>, newest first: all, or only those of <paramref name="kind"/>, detected
    /// after <paramref name="after"/>; at most <paramref name="limit"/> when given.
    /// </summary>
    public IReadOnlyList<StreamDetection> ReadStreamDetections(string model, int? limit = null, string? kind = null, DateTimeOffset? after = null)
    {
        ModelName.Validate(model);
        return Read(
            $"SELECT {StoredRecords.DetectionColumns} FROM stream_detections WHERE model = $m AND ($k IS NULL OR kind = $k) AND detected_at > $after " +
            "ORDER BY detected_at DESC, id DESC LIMIT $n",
            StoredRecords.Detection, ("$m", model), ("$k", (object?)kind ?? DBNull.Value),
            ("$after", after is null ? long.MinValue : StoredTime.ToTicks(after.Value)), ("$n", Limit(limit)));
    }

    internal static string StreamText(StreamKind stream) => stream switch
    {
        StreamKind.Error => "error",
        StreamKind.Score => "score",
        _ => throw new ArgumentOutOfRangeException(nameof(stream), stream, "Unknown stream."),
    };
}
