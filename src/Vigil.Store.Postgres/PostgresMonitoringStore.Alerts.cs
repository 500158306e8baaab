using Npgsql;
using Vigil.Monitoring.Alerts;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Workspace;

namespace Vigil.Store.Postgres;

// The alert outbox: alerts written with their events, routed to channels, and each delivery's progress.
public sealed partial class PostgresMonitoringStore
{
    public long RaiseAlert(AlertDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        using var connection = _database.Connect();
        using var transaction = connection.BeginTransaction();
        var id = AlertOutbox.Insert(connection, transaction, draft, _time.GetUtcNow());
        transaction.Commit();
        return id;
    }

    public long? ChangeAlertState(string model, string subject, string state, bool firing, string initial, Func<string, AlertDraft> draft)
    {
        ModelName.Validate(model);
        ArgumentException.ThrowIfNullOrEmpty(subject);
        ArgumentException.ThrowIfNullOrEmpty(state);
        ArgumentNullException.ThrowIfNull(draft);
        using var connection = _database.Connect();
        using var transaction = connection.BeginTransaction();
        ModelLock.Take(connection, transaction, model); // two nodes seeing the same change send one alert
        var id = AlertOutbox.Transition(connection, transaction, model, subject, state, firing, initial, draft, _time.GetUtcNow());
        transaction.Commit();
        return id;
    }

    public string? AlertState(string model, string subject)
    {
        ModelName.Validate(model);
        using var connection = _database.Connect();
        return AlertOutbox.State(connection, null, model, subject);
    }

    public IReadOnlyList<Alert> ListAlerts(string? model = null, int limit = 100, long? beforeId = null)
    {
        if (model is not null)
        {
            ModelName.Validate(model);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var where = "WHERE (@m::TEXT IS NULL OR model = @m::TEXT) AND id < @before";
        using var connection = _database.Connect();
        var parameters = new (string, object)[] { ("@m", (object?)model ?? DBNull.Value), ("@before", beforeId ?? long.MaxValue), ("@n", limit) };
        var deliveries = ReadDeliveries(connection,
            $"SELECT {StoredRecords.DeliveryColumns} FROM alert_deliveries WHERE alert_id IN (SELECT id FROM alerts {where} ORDER BY id DESC LIMIT @n) " +
            "ORDER BY alert_id, channel", parameters);
        return ReadAlerts(connection, $"SELECT {AlertOutbox.Columns} FROM alerts {where} ORDER BY id DESC LIMIT @n", deliveries, parameters);
    }

    public Alert? GetAlert(long id)
    {
        using var connection = _database.Connect();
        var deliveries = ReadDeliveries(connection, $"SELECT {StoredRecords.DeliveryColumns} FROM alert_deliveries WHERE alert_id = @id ORDER BY channel", ("@id", id));
        return ReadAlerts(connection, $"SELECT {AlertOutbox.Columns} FROM alerts WHERE id = @id", deliveries, ("@id", id)).SingleOrDefault();
    }

    /// <inheritdoc/>
    /// <remarks>The alerts are taken with <c>FOR UPDATE SKIP LOCKED</c>: nodes routing at once route disjoint alerts.</remarks>
    public int RouteAlerts(Func<Alert, IEnumerable<string>> channels, DateTimeOffset now, int max = 500)
    {
        ArgumentNullException.ThrowIfNull(channels);
        using var connection = _database.Connect();
        using var transaction = connection.BeginTransaction();
        var alerts = connection.Read(transaction,
            $"SELECT {AlertOutbox.Columns} FROM alerts WHERE routed = 0 ORDER BY id LIMIT @n FOR UPDATE SKIP LOCKED",
            r => AlertOutbox.Read(r, []), ("@n", max));
        foreach (var alert in alerts)
        {
            foreach (var channel in channels(alert).Distinct(StringComparer.Ordinal))
            {
                connection.Execute(transaction,
                    "INSERT INTO alert_deliveries (alert_id, channel, status, attempts, next_attempt_at) VALUES (@id, @c, 'pending', 0, @at) " +
                    "ON CONFLICT DO NOTHING",
                    ("@id", alert.Id), ("@c", channel), ("@at", StoredTime.ToTicks(now)));
            }

            connection.Execute(transaction, "UPDATE alerts SET routed = 1 WHERE id = @id", ("@id", alert.Id));
        }

        transaction.Commit();
        return alerts.Count;
    }

    public IReadOnlyList<PendingDelivery> ListDueDeliveries(DateTimeOffset now, int limit = 200)
    {
        using var connection = _database.Connect();
        var parameters = new (string, object)[] { ("@now", StoredTime.ToTicks(now)), ("@n", limit) };
        var due = ReadDeliveries(connection,
            $"SELECT {StoredRecords.DeliveryColumns} FROM alert_deliveries WHERE status = 'pending' AND next_attempt_at <= @now " +
            "ORDER BY alert_id, channel LIMIT @n",
            parameters);
        if (due.Count == 0)
        {
            return [];
        }

        var alerts = ReadAlerts(connection,
            $"SELECT {AlertOutbox.Columns} FROM alerts WHERE id = ANY(@ids)",
            [], ("@ids", due.Keys.ToArray())).ToDictionary(a => a.Id);
        return due.Values.SelectMany(d => d).Where(d => alerts.ContainsKey(d.AlertId))
            .Select(d => new PendingDelivery(alerts[d.AlertId], d)).ToArray();
    }

    public DateTimeOffset? NextDeliveryDue()
    {
        using var connection = _database.Connect();
        return connection.Scalar(null, "SELECT MIN(next_attempt_at) FROM alert_deliveries WHERE status = 'pending'") is long ticks
            ? StoredTime.FromTicks(ticks)
            : null;
    }

    public bool RecordDelivered(long alertId, string channel, DateTimeOffset at, int responseStatus)
    {
        using var connection = _database.Connect();
        return connection.Execute(null,
            "UPDATE alert_deliveries SET status = 'delivered', attempts = attempts + 1, last_attempt_at = @at, delivered_at = @at, " +
            "response_status = @rs, last_error = NULL WHERE alert_id = @id AND channel = @c AND status = 'pending'",
            ("@at", StoredTime.ToTicks(at)), ("@rs", responseStatus), ("@id", alertId), ("@c", channel)) == 1;
    }

    public bool RecordDeliveryFailure(long alertId, string channel, DateTimeOffset at, string error, int? responseStatus, DateTimeOffset? nextAttemptAt)
    {
        ArgumentNullException.ThrowIfNull(error);
        using var connection = _database.Connect();
        return connection.Execute(null,
            "UPDATE alert_deliveries SET status = @s, attempts = attempts + 1, last_attempt_at = @at, last_error = @e, response_status = @rs::INTEGER, " +
            "next_attempt_at = COALESCE(@next::BIGINT, next_attempt_at) WHERE alert_id = @id AND channel = @c AND status = 'pending'",
            ("@s", nextAttemptAt is null ? "failed" : "pending"), ("@at", StoredTime.ToTicks(at)), ("@e", error),
            ("@rs", (object?)responseStatus ?? DBNull.Value), ("@next", nextAttemptAt is { } next ? StoredTime.ToTicks(next) : DBNull.Value),
            ("@id", alertId), ("@c", channel)) == 1;
    }

    /// <inheritdoc/>
    /// <remarks>The firing states are taken with <c>FOR UPDATE SKIP LOCKED</c>, so nodes running this at once write each reminder once.</remarks>
    public int RaiseRepeats(DateTimeOffset now, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        using var connection = _database.Connect();
        using var transaction = connection.BeginTransaction();
        var due = connection.Read(transaction,
            "SELECT model, subject, last_alert_id, repeats FROM alert_states " +
            "WHERE firing = 1 AND last_alert_id IS NOT NULL AND last_notified_at <= @cut FOR UPDATE SKIP LOCKED",
            r => (Model: r.GetString(0), Subject: r.GetString(1), AlertId: r.GetInt64(2), Repeats: r.GetInt32(3)),
            ("@cut", StoredTime.ToTicks(now - interval)));
        foreach (var (model, subject, alertId, repeats) in due)
        {
            var original = connection.Read(transaction, $"SELECT {AlertOutbox.Columns} FROM alerts WHERE id = @id", r => AlertOutbox.Read(r, []), ("@id", alertId))[0];
            AlertOutbox.Insert(connection, transaction, AlertOutbox.Reminder(original), now, repeats + 1);
            connection.Execute(transaction,
                "UPDATE alert_states SET last_notified_at = @now, repeats = repeats + 1 WHERE model = @m AND subject = @s",
                ("@now", StoredTime.ToTicks(now)), ("@m", model), ("@s", subject));
        }

        transaction.Commit();
        return due.Count;
    }

    private static Dictionary<long, List<AlertDelivery>> ReadDeliveries(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.Command(null, sql, parameters);
        using var reader = command.ExecuteReader();
        return StoredRecords.DeliveriesByAlert(reader);
    }

    private static List<Alert> ReadAlerts(
        NpgsqlConnection connection, string sql, Dictionary<long, List<AlertDelivery>> deliveries, params (string Name, object Value)[] parameters)
    {
        using var command = connection.Command(null, sql, parameters);
        using var reader = command.ExecuteReader();
        return StoredRecords.Alerts(reader, deliveries);
    }
}
