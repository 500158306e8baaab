using System.Data.Common;
using Vigil.Monitoring.Alerts;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Streams;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Store;

/// <summary>
/// Rows of the store's tables read into records, and the stored names of its enums. Shared by every backend: they
/// all store the same columns in the same form (instants as UTC ticks, flags as 0/1, enums as these names), so a
/// row read from SQLite and one read from PostgreSQL become the same record.
/// </summary>
internal static class StoredRecords
{
    public const string CheckColumns = "id, model, model_version, ran_at, window_start, window_end, rows, alarm, status, result_json, labelled_rows";
    public const string DecisionColumns = "id, model, check_id, decided_at, retrain, reasons_json";
    public const string RetrainColumns = "id, model, requested_at, reason, status, finished_at, challenger_version, promoted, detail_json";
    public const string DetectionColumns =
        "id, model, stream, detector, kind, detected_at, model_version, observation, prediction_id, row_time, detail";
    public const string DeliveryColumns =
        "alert_id, channel, status, attempts, next_attempt_at, last_attempt_at, last_error, delivered_at, response_status";
    public const string LoggedRowColumns = "id, ts, features, prediction, score, label, model_version, label_observed_at";

    public static CheckRecord Check(DbDataReader r) =>
        new(r.GetString(1), r.GetInt32(2), StoredTime.FromTicks(r.GetInt64(3)),
            r.IsDBNull(4) ? null : StoredTime.FromTicks(r.GetInt64(4)), r.IsDBNull(5) ? null : StoredTime.FromTicks(r.GetInt64(5)),
            r.GetInt32(6), r.GetInt64(7) == 1, r.GetString(8), r.GetString(9)) { Id = r.GetInt64(0), LabelledRows = r.GetInt32(10) };

    public static DecisionRecord Decision(DbDataReader r) =>
        new(r.GetString(1), r.IsDBNull(2) ? null : r.GetInt64(2), StoredTime.FromTicks(r.GetInt64(3)), r.GetInt64(4) == 1, r.GetString(5))
        {
            Id = r.GetInt64(0),
        };

    public static RetrainRun Retrain(DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), StoredTime.FromTicks(r.GetInt64(2)), r.GetString(3), ParseStatus(r.GetString(4)),
            r.IsDBNull(5) ? null : StoredTime.FromTicks(r.GetInt64(5)), r.IsDBNull(6) ? null : r.GetInt32(6),
            r.IsDBNull(7) ? null : r.GetInt64(7) == 1, r.IsDBNull(8) ? null : r.GetString(8));

    public static StreamDetection Detection(DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), ParseStream(r.GetString(2)), r.GetString(3), r.GetString(4), StoredTime.FromTicks(r.GetInt64(5)),
            r.GetInt32(6), r.GetInt64(7), r.GetString(8), StoredTime.FromTicks(r.GetInt64(9)), r.GetString(10));

    /// <summary>A row selected with <see cref="LoggedRowColumns"/>.</summary>
    public static LoggedRow Logged(DbDataReader r) =>
        new(r.GetString(0), StoredTime.FromTicks(r.GetInt64(1)), FeatureJson.Decode(r.GetString(2)),
            r.GetString(3), r.IsDBNull(4) ? null : r.GetDouble(4), r.IsDBNull(5) ? null : r.GetString(5),
            r.IsDBNull(6) ? null : r.GetInt32(6), r.IsDBNull(7) ? null : StoredTime.FromTicks(r.GetInt64(7)));

    public static StreamRow StreamRow(DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), StoredTime.FromTicks(r.GetInt64(2)), r.GetString(3),
            r.IsDBNull(4) ? null : r.GetDouble(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetInt32(6));

    public static StoredStream Stream(DbDataReader r) =>
        new(r.GetInt32(0), r.GetInt64(1), r.GetInt64(2), r.GetString(3), r.GetString(4), StoredTime.FromTicks(r.GetInt64(5)));

    public static AlertDelivery Delivery(DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), ParseDeliveryStatus(r.GetString(2)), r.GetInt32(3), StoredTime.FromTicks(r.GetInt64(4)),
            r.IsDBNull(5) ? null : StoredTime.FromTicks(r.GetInt64(5)), r.IsDBNull(6) ? null : r.GetString(6),
            r.IsDBNull(7) ? null : StoredTime.FromTicks(r.GetInt64(7)), r.IsDBNull(8) ? null : r.GetInt32(8));

    /// <summary>Deliveries read by <paramref name="reader"/> (selected with <see cref="DeliveryColumns"/>), by alert id.</summary>
    public static Dictionary<long, List<AlertDelivery>> DeliveriesByAlert(DbDataReader reader)
    {
        var result = new Dictionary<long, List<AlertDelivery>>();
        while (reader.Read())
        {
            var delivery = Delivery(reader);
            if (!result.TryGetValue(delivery.AlertId, out var list))
            {
                result[delivery.AlertId] = list = [];
            }

            list.Add(delivery);
        }

        return result;
    }

    /// <summary>Alerts read by <paramref name="reader"/> (selected with <see cref="AlertOutbox.Columns"/>), each with its deliveries.</summary>
    public static List<Alert> Alerts(DbDataReader reader, Dictionary<long, List<AlertDelivery>> deliveries)
    {
        var result = new List<Alert>();
        while (reader.Read())
        {
            result.Add(AlertOutbox.Read(reader, deliveries.TryGetValue(reader.GetInt64(0), out var list) ? list : []));
        }

        return result;
    }

    public static string StatusText(RetrainStatus status) => status switch
    {
        RetrainStatus.Running => "running",
        RetrainStatus.Succeeded => "succeeded",
        RetrainStatus.Failed => "failed",
        RetrainStatus.Cancelled => "cancelled",
        RetrainStatus.Abandoned => "abandoned",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown retrain status."),
    };

    public static RetrainStatus ParseStatus(string text) => text switch
    {
        "running" => RetrainStatus.Running,
        "succeeded" => RetrainStatus.Succeeded,
        "failed" => RetrainStatus.Failed,
        "cancelled" => RetrainStatus.Cancelled,
        "abandoned" => RetrainStatus.Abandoned,
        _ => throw new InvalidDataException($"Unknown retrain status '{text}' in the database."),
    };

    public static StreamKind ParseStream(string text) => text switch
    {
        "error" => StreamKind.Error,
        "score" => StreamKind.Score,
        _ => throw new InvalidDataException($"Unknown stream '{text}' in the database."),
    };

    public static AlertDeliveryStatus ParseDeliveryStatus(string text) => text switch
    {
        "pending" => AlertDeliveryStatus.Pending,
        "delivered" => AlertDeliveryStatus.Delivered,
        "failed" => AlertDeliveryStatus.Failed,
        _ => throw new InvalidDataException($"Unknown alert delivery status '{text}' in the database."),
    };

    /// <summary>A row of <c>SELECT metric, max_relative_drop, set_at, set_by FROM watched_metrics</c>.</summary>
    public static (WatchedMetric Metric, long SetAt, string SetBy) WatchedRow(DbDataReader r) =>
        (new WatchedMetric(r.GetString(0), r.IsDBNull(1) ? null : r.GetDouble(1)), r.GetInt64(2), r.GetString(3));

    /// <summary>The watched metrics of <paramref name="model"/> from its rows in order, or null when it has none.</summary>
    public static StoredWatch? Watch(string model, IReadOnlyList<(WatchedMetric Metric, long SetAt, string SetBy)> rows)
    {
        if (rows.Count == 0)
        {
            return null;
        }

        try
        {
            return new StoredWatch(new WatchedMetrics(rows.Select(r => r.Metric).ToList()), StoredTime.FromTicks(rows[^1].SetAt), rows[^1].SetBy);
        }
        catch (WatchedMetricsInputException e)
        {
            // Written by another Vigil (a metric this build does not know): say so rather than guess.
            throw new WorkspaceInputException($"The stored watched metrics of model '{model}' cannot be used: {e.Message} Set them again.", e);
        }
    }

    /// <summary>The message for finishing a run that is not running (<paramref name="run"/> null: there is none).</summary>
    public static string NotRunning(long id, RetrainRun? run) => run is null
        ? FormattableString.Invariant($"There is no retrain run {id}.")
        : FormattableString.Invariant($"Retrain run {id} of model '{run.Model}' has already finished as {StatusText(run.Status)}.");
}
