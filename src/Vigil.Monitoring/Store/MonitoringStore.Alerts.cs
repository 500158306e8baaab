using Microsoft.Data.Sqlite;
using Vigil.Monitoring.Alerts;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Store;

// The alert outbox: alerts written with their events, routed to channels, and each delivery's progress.
public sealed partial class MonitoringStore
{
    /// <summary>
    /// Writes an alert about an event that has no row of its own (e.g. <see cref="AlertKind.RetrainRequested"/> raised
    /// by an integration) and returns its id. Events the store records (checks, decisions, retrain runs) write their
    /// alerts themselves, in the same transaction.
    /// </summary>
    public long RaiseAlert(AlertDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        using var connection = _database.Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        var id = AlertOutbox.Insert(connection, transaction, draft, _time.GetUtcNow());
        transaction.Commit();
        return id;
    }

    /// <summary>
    /// Moves <paramref name="model"/>'s <paramref name="subject"/> to <paramref name="state"/> and, when that is a change
    /// from the last alerted state (<paramref name="initial"/> when there is none), writes the alert
    /// <paramref name="draft"/> builds from the previous state, in one transaction. Returns the alert's id, or null when
    /// the state did not change (repeated calls send one alert).
    /// </summary>
    public long? ChangeAlertState(string model, string subject, string state, bool firing, string initial, Func<string, AlertDraft> draft)
    {
        ModelName.Validate(model);
        ArgumentException.ThrowIfNullOrEmpty(subject);
        ArgumentException.ThrowIfNullOrEmpty(state);
        ArgumentNullException.ThrowIfNull(draft);
        using var connection = _database.Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        var id = AlertOutbox.Transition(connection, transaction, model, subject, state, firing, initial, draft, _time.GetUtcNow());
        transaction.Commit();
        return id;
    }

    /// <summary>The state last alerted for <paramref name="model"/>'s <paramref name="subject"/>, or null.</summary>
    public string? AlertState(string model, string subject)
    {
        ModelName.Validate(model);
        using var connection = _database.Connect();
        return AlertOutbox.State(connection, null, model, subject);
    }

    /// <summary>
    /// Alerts, newest first, with their deliveries: of <paramref name="model"/> (all models when null), at most
    /// <paramref name="limit"/>, with ids below <paramref name="beforeId"/> when given (the next page).
    /// </summary>
    public IReadOnlyList<Alert> ListAlerts(string? model = null, int limit = 100, long? beforeId = null)
    {
        if (model is not null)
        {
            ModelName.Validate(model);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var where = "WHERE ($m IS NULL OR model = $m) AND id < $before";
        using var connection = _database.Connect();
        var parameters = new (string, object)[] { ("$m", (object?)model ?? DBNull.Value), ("$before", beforeId ?? long.MaxValue), ("$n", limit) };
        var deliveries = ReadDeliveries(connection,
            $"SELECT {StoredRecords.DeliveryColumns} FROM alert_deliveries WHERE alert_id IN (SELECT id FROM alerts {where} ORDER BY id DESC LIMIT $n) " +
            "ORDER BY alert_id, channel", parameters);
        return ReadAlerts(connection, $"SELECT {AlertOutbox.Columns} FROM alerts {where} ORDER BY id DESC LIMIT $n", deliveries, parameters);
    }

    /// <summary>The alert with id <paramref name="id"/> and its deliveries, or null.</summary>
    public Alert? GetAlert(long id)
    {
        using var connection = _database.Connect();
        var deliveries = ReadDeliveries(connection, $"SELECT {StoredRecords.DeliveryColumns} FROM alert_deliveries WHERE alert_id = $id ORDER BY channel", ("$id", id));
        return ReadAlerts(connection, $"SELECT {AlertOutbox.Columns} FROM alerts WHERE id = $id", deliveries, ("$id", id)).SingleOrDefault();
    }

    /// <summary>
    /// Routes alerts not routed yet, oldest first and at most <paramref name="max"/>: one pending delivery per channel
    /// <paramref name="channels"/> names for the alert, due at <paramref name="now"/>; an alert no channel wants is
    /// routed with none. One transaction, so a crash routes an alert wholly or not at all. Returns how many were routed.
    /// </summary>
    public int RouteAlerts(Func<Alert, IEnumerable<string>> channels, DateTimeOffset now, int max = 500)
    {
        ArgumentNullException.ThrowIfNull(channels);
        using var connection = _database.Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        List<Alert> alerts;
        using (var command = connection.Command(transaction,
            $"SELECT {AlertOutbox.Columns} FROM alerts WHERE routed = 0 ORDER BY id LIMIT $n", ("$n", max)))
        using (var reader = command.ExecuteReader())
        {
            alerts = [];
            while (reader.Read())
            {
                alerts.Add(AlertOutbox.Read(reader, []));
            }
        }

        foreach (var alert in alerts)
        {
            foreach (var channel in channels(alert).Distinct(StringComparer.Ordinal))
            {
                connection.Execute(transaction,
                    "INSERT OR IGNORE INTO alert_deliveries (alert_id, channel, status, attempts, next_attempt_at) VALUES ($id, $c, 'pending', 0, $at)",
                    ("$id", alert.Id), ("$c", channel), ("$at", StoredTime.ToTicks(now)));
            }

            connection.Execute(transaction, "UPDATE alerts SET routed = 1 WHERE id = $id", ("$id", alert.Id));
        }

        transaction.Commit();
        return alerts.Count;
    }

    /// <summary>Pending deliveries whose next attempt is due at <paramref name="now"/>, oldest alert first; at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<PendingDelivery> ListDueDeliveries(DateTimeOffset now, int limit = 200)
    {
        using var connection = _database.Connect();
        var parameters = new (string, object)[] { ("$now", StoredTime.ToTicks(now)), ("$n", limit) };
        var due = ReadDeliveries(connection,
            $"SELECT {StoredRecords.DeliveryColumns} FROM alert_deliveries WHERE status = 'pending' AND next_attempt_at <= $now ORDER BY alert_id, channel LIMIT $n",
            parameters);
        if (due.Count == 0)
        {
            return [];
        }

        var alerts = ReadAlerts(connection,
            $"SELECT {AlertOutbox.Columns} FROM alerts WHERE id IN (SELECT alert_id FROM alert_deliveries " +
            "WHERE status = 'pending' AND next_attempt_at <= $now ORDER BY alert_id, channel LIMIT $n)",
            new Dictionary<long, List<AlertDelivery>>(), parameters).ToDictionary(a => a.Id);
        return due.Values.SelectMany(d => d).Where(d => alerts.ContainsKey(d.AlertId))
            .Select(d => new PendingDelivery(alerts[d.AlertId], d)).ToArray();
    }

    /// <summary>The earliest next attempt of a pending delivery, or null when none is pending.</summary>
    public DateTimeOffset? NextDeliveryDue()
    {
        using var connection = _database.Connect();
        return connection.Scalar(null, "SELECT MIN(next_attempt_at) FROM alert_deliveries WHERE status = 'pending'") is long ticks
            ? StoredTime.FromTicks(ticks)
            : null;
    }

    /// <summary>Records a delivery the receiver accepted. False when it was no longer pending (nothing changes then).</summary>
    public bool RecordDelivered(long alertId, string channel, DateTimeOffset at, int responseStatus)
    {
        using var connection = _database.Connect();
        return connection.Execute(null,
            "UPDATE alert_deliveries SET status = 'delivered', attempts = attempts + 1, last_attempt_at = $at, delivered_at = $at, " +
            "response_status = $rs, last_error = NULL WHERE alert_id = $id AND channel = $c AND status = 'pending'",
            ("$at", StoredTime.ToTicks(at)), ("$rs", responseStatus), ("$id", alertId), ("$c", channel)) == 1;
    }

    /// <summary>
    /// Records a failed attempt: the delivery is tried again at <paramref name="nextAttemptAt"/>, or marked failed when
    /// that is null (attempts exhausted, or the channel is gone). False when it was no longer pending.
    /// </summary>
    public bool RecordDeliveryFailure(long alertId, string channel, DateTimeOffset at, string error, int? responseStatus, DateTimeOffset? nextAttemptAt)
    {
        ArgumentNullException.ThrowIfNull(error);
        using var connection = _database.Connect();
        return connection.Execute(null,
            "UPDATE alert_deliveries SET status = $s, attempts = attempts + 1, last_attempt_at = $at, last_error = $e, response_status = $rs, " +
            "next_attempt_at = COALESCE($next, next_attempt_at) WHERE alert_id = $id AND channel = $c AND status = 'pending'",
            ("$s", nextAttemptAt is null ? "failed" : "pending"), ("$at", StoredTime.ToTicks(at)), ("$e", error),
            ("$rs", (object?)responseStatus ?? DBNull.Value), ("$next", nextAttemptAt is { } next ? StoredTime.ToTicks(next) : DBNull.Value),
            ("$id", alertId), ("$c", channel)) == 1;
    }

    /// <summary>
    /// Writes a reminder for every subject still firing whose last alert is at least <paramref name="interval"/> old
    /// at <paramref name="now"/>: a copy of that alert with the next <see cref="Alert.Repeat"/> number and a new key.
    /// One transaction. Returns how many reminders were written.
    /// </summary>
    public int RaiseRepeats(DateTimeOffset now, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        using var connection = _database.Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        var due = new List<(string Model, string Subject, long AlertId, int Repeats)>();
        using (var command = connection.Command(transaction,
            "SELECT model, subject, last_alert_id, repeats FROM alert_states WHERE firing = 1 AND last_alert_id IS NOT NULL AND last_notified_at <= $cut",
            ("$cut", StoredTime.ToTicks(now - interval))))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                due.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt32(3)));
            }
        }

        foreach (var (model, subject, alertId, repeats) in due)
        {
            Alert original;
            using (var command = connection.Command(transaction, $"SELECT {AlertOutbox.Columns} FROM alerts WHERE id = $id", ("$id", alertId)))
            using (var reader = command.ExecuteReader())
            {
                reader.Read();
                original = AlertOutbox.Read(reader, []);
            }

            AlertOutbox.Insert(connection, transaction, AlertOutbox.Reminder(original), now, repeats + 1);
            connection.Execute(transaction,
                "UPDATE alert_states SET last_notified_at = $now, repeats = repeats + 1 WHERE model = $m AND subject = $s",
                ("$now", StoredTime.ToTicks(now)), ("$m", model), ("$s", subject));
        }

        transaction.Commit();
        return due.Count;
    }

    private static Dictionary<long, List<AlertDelivery>> ReadDeliveries(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.Command(null, sql, parameters);
        using var reader = command.ExecuteReader();
        return StoredRecords.DeliveriesByAlert(reader);
    }

    private static List<Alert> ReadAlerts(
        SqliteConnection connection, string sql, Dictionary<long, List<AlertDelivery>> deliveries, params (string Name, object Value)[] parameters)
    {
        using var command = connection.Command(null, sql, parameters);
        using var reader = command.ExecuteReader();
        return StoredRecords.Alerts(reader, deliveries);
    }
}
