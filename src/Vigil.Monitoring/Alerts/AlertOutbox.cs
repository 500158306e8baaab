using System.Data.Common;
using System.Text.Json.Nodes;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Alerts;

/// <summary>
/// The outbox's writes inside a caller's transaction: an alert goes in with the check, decision or run that caused
/// it, or not at all. Every store method that records an event calls these before it commits (a feature that adds
/// an event kind does the same in its own store method). Backend-neutral: plain ADO.NET and SQL that SQLite and
/// PostgreSQL both run, so every store backend writes alerts the same way. A backend whose writers run concurrently
/// (PostgreSQL) serialises <see cref="Transition"/> per model itself, before calling it.
/// </summary>
internal static class AlertOutbox
{
    internal const string Columns =
        "id, key, created_at, model, model_version, kind, severity, subject, state, previous_state, repeat, title, text, " +
        "details_json, check_id, decision_id, retrain_run_id, routed";

    /// <summary>Writes <paramref name="draft"/> to the outbox and returns its id.</summary>
    public static long Insert(DbConnection connection, DbTransaction transaction, AlertDraft draft, DateTimeOffset now, int repeat = 0)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ModelName.Validate(draft.Model);
        return (long)connection.Scalar(transaction,
            "INSERT INTO alerts (key, created_at, model, model_version, kind, severity, subject, state, previous_state, repeat, " +
            "title, text, details_json, check_id, decision_id, retrain_run_id) VALUES (@key, @at, @m, @v, @kind, @sev, @subject, " +
            "@state, @prev, @repeat, @title, @text, @details, @check, @decision, @run) RETURNING id",
            ("@key", Guid.NewGuid().ToString("D")), ("@at", StoredTime.ToTicks(now)), ("@m", draft.Model),
            ("@v", Db(draft.ModelVersion)), ("@kind", draft.Kind.Name()), ("@sev", draft.Severity.Name()),
            ("@subject", Db(draft.Subject)), ("@state", Db(draft.State)), ("@prev", Db(draft.PreviousState)), ("@repeat", repeat),
            ("@title", draft.Title), ("@text", draft.Text), ("@details", (draft.Details ?? []).ToJsonString()),
            ("@check", Db(draft.CheckId)), ("@decision", Db(draft.DecisionId)), ("@run", Db(draft.RetrainRunId)))!;
    }

    /// <summary>
    /// Moves <paramref name="model"/>'s <paramref name="subject"/> to <paramref name="state"/>. When that changes its
    /// last recorded state (<paramref name="initial"/> when none is recorded), writes the alert
    /// <paramref name="draft"/> builds from the previous state and returns its id; otherwise writes nothing and
    /// returns null: one alert per change of state, however many checks confirm it.
    /// </summary>
    /// <param name="firing">True when the new state is one that reminders repeat (alarm, failing), false for a quiet one.</param>
    public static long? Transition(
        DbConnection connection, DbTransaction transaction, string model, string subject, string state, bool firing,
        string initial, Func<string, AlertDraft> draft, DateTimeOffset now)
    {
        var previous = connection.Scalar(transaction,
            "SELECT state FROM alert_states WHERE model = @m AND subject = @s", ("@m", model), ("@s", subject)) as string;
        if (string.Equals(previous ?? initial, state, StringComparison.Ordinal))
        {
            return null;
        }

        var id = Insert(connection, transaction, draft(previous ?? initial), now);
        var at = StoredTime.ToTicks(now);
        connection.Execute(transaction,
            "INSERT INTO alert_states (model, subject, state, firing, since, last_alert_id, last_notified_at, repeats) " +
            "VALUES (@m, @s, @state, @firing, @at, @id, @at, 0) ON CONFLICT (model, subject) DO UPDATE SET " +
            "state = excluded.state, firing = excluded.firing, since = excluded.since, last_alert_id = excluded.last_alert_id, " +
            "last_notified_at = excluded.last_notified_at, repeats = 0",
            ("@m", model), ("@s", subject), ("@state", state), ("@firing", firing ? 1 : 0), ("@at", at), ("@id", id));
        return id;
    }

    /// <summary>The state last alerted for <paramref name="model"/>'s <paramref name="subject"/>, or null when none was.</summary>
    public static string? State(DbConnection connection, DbTransaction? transaction, string model, string subject) =>
        connection.Scalar(transaction, "SELECT state FROM alert_states WHERE model = @m AND subject = @s", ("@m", model), ("@s", subject)) as string;

    /// <summary>A reminder of <paramref name="original"/>, which is still firing: the same alert, marked so, to go out again.</summary>
    public static AlertDraft Reminder(Alert original) => new()
    {
        Model = original.Model, ModelVersion = original.ModelVersion, Kind = original.Kind, Severity = original.Severity,
        Subject = original.Subject, State = original.State, PreviousState = original.PreviousState,
        Title = original.Title + " (still firing)", Text = original.Text, Details = original.Details,
        CheckId = original.CheckId, DecisionId = original.DecisionId, RetrainRunId = original.RetrainRunId,
    };

    internal static Alert Read(DbDataReader r, IReadOnlyList<AlertDelivery> deliveries) => new()
    {
        Id = r.GetInt64(0),
        Key = r.GetString(1),
        CreatedAt = StoredTime.FromTicks(r.GetInt64(2)),
        Model = r.GetString(3),
        ModelVersion = r.IsDBNull(4) ? null : r.GetInt32(4),
        Kind = AlertKinds.Parse(r.GetString(5)),
        Severity = AlertSeverities.Parse(r.GetString(6)),
        Subject = r.IsDBNull(7) ? null : r.GetString(7),
        State = r.IsDBNull(8) ? null : r.GetString(8),
        PreviousState = r.IsDBNull(9) ? null : r.GetString(9),
        Repeat = r.GetInt32(10),
        Title = r.GetString(11),
        Text = r.GetString(12),
        Details = JsonNode.Parse(r.GetString(13)) as JsonObject ?? [],
        CheckId = r.IsDBNull(14) ? null : r.GetInt64(14),
        DecisionId = r.IsDBNull(15) ? null : r.GetInt64(15),
        RetrainRunId = r.IsDBNull(16) ? null : r.GetInt64(16),
        Routed = r.GetInt64(17) == 1,
        Deliveries = deliveries,
    };

    private static object Db<T>(T? value) where T : struct => value.HasValue ? value.Value : DBNull.Value;

    private static object Db(string? value) => (object?)value ?? DBNull.Value;
}
