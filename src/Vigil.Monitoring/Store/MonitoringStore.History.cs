using Microsoft.Data.Sqlite;
using Vigil.Monitoring.Alerts;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Store;

// The history half of the store: checks, decisions and retrain runs.
public sealed partial class MonitoringStore
{
    /// <summary>Stores a check run and returns its id (its <see cref="CheckRecord.Id"/> is ignored).</summary>
    public long SaveCheck(CheckRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ModelName.Validate(record.Model);
        ArgumentNullException.ThrowIfNull(record.Status);
        ArgumentNullException.ThrowIfNull(record.ResultJson);
        using var connection = _database.Connect();
        return InsertCheck(connection, null, record);
    }

    private static long InsertCheck(SqliteConnection connection, SqliteTransaction? transaction, CheckRecord record) =>
        (long)connection.Scalar(transaction,
            "INSERT INTO checks (model, model_version, ran_at, window_start, window_end, rows, alarm, status, result_json, labelled_rows) " +
            "VALUES ($m, $v, $ran, $ws, $we, $rows, $alarm, $status, $json, $labelled) RETURNING id",
            ("$m", record.Model), ("$v", record.ModelVersion), ("$ran", StoredTime.ToTicks(record.RanAt)),
            ("$ws", StoredTime.ToDb(record.WindowStart)), ("$we", StoredTime.ToDb(record.WindowEnd)), ("$rows", record.Rows),
            ("$alarm", record.Alarm ? 1 : 0), ("$status", record.Status), ("$json", record.ResultJson),
            ("$labelled", record.LabelledRows))!;

    /// <summary>
    /// Stores a check, the retrain decision taken after it (its <see cref="DecisionRecord.CheckId"/> is ignored and set
    /// to the check's id) and the alerts they cause, all in one transaction: a status that differs from the model's
    /// last alerted status writes one alert, and a decision to retrain writes another. Returns both ids.
    /// </summary>
    public (long CheckId, long DecisionId) SaveCheckAndDecision(CheckRecord check, DecisionRecord decision, CheckAlerts? alerts = null)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(decision);
        ModelName.Validate(check.Model);
        ArgumentNullException.ThrowIfNull(check.Status);
        ArgumentNullException.ThrowIfNull(check.ResultJson);
        ArgumentNullException.ThrowIfNull(decision.ReasonsJson);
        using var connection = _database.Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        var checkId = InsertCheck(connection, transaction, check);
        var decisionId = (long)connection.Scalar(transaction,
            "INSERT INTO decisions (model, check_id, decided_at, retrain, reasons_json) VALUES ($m, $c, $at, $r, $json) RETURNING id",
            ("$m", check.Model), ("$c", checkId), ("$at", StoredTime.ToTicks(decision.DecidedAt)),
            ("$r", decision.Retrain ? 1 : 0), ("$json", decision.ReasonsJson))!;
        if (alerts is not null)
        {
            var now = _time.GetUtcNow();
            AlertOutbox.Transition(connection, transaction, check.Model, StatusAlerts.Subject, check.Status,
                firing: check.Status != StatusAlerts.Initial, StatusAlerts.Initial, previous => alerts.StatusChange(previous, checkId), now);
            if (decision.Retrain && alerts.RetrainDecided is { } decided)
            {
                AlertOutbox.Insert(connection, transaction, decided(checkId, decisionId), now);
            }
        }

        transaction.Commit();
        return (checkId, decisionId);
    }

    /// <summary>Labelled rows over the checks of <paramref name="model"/> that ran at or after <paramref name="since"/> (all when null).</summary>
    public long CountLabelledRowsChecked(string model, DateTimeOffset? since)
    {
        ModelName.Validate(model);
        using var connection = _database.Connect();
        return (long)connection.Scalar(null,
            "SELECT COALESCE(SUM(labelled_rows), 0) FROM checks WHERE model = $m AND ran_at >= $since",
            ("$m", model), ("$since", since is null ? long.MinValue : StoredTime.ToTicks(since.Value)))!;
    }

    /// <summary>Checks of <paramref name="model"/>, newest first (by run time, then id); at most <paramref name="limit"/> when given.</summary>
    public IReadOnlyList<CheckRecord> ListChecks(string model, int? limit = null)
    {
        ModelName.Validate(model);
        return Read(
            $"SELECT {StoredRecords.CheckColumns} FROM checks WHERE model = $m ORDER BY ran_at DESC, id DESC LIMIT $n",
            StoredRecords.Check, ("$m", model), ("$n", Limit(limit)));
    }

    /// <summary>The check with id <paramref name="id"/>, or null when there is none.</summary>
    public CheckRecord? GetCheck(long id) =>
        Read($"SELECT {StoredRecords.CheckColumns} FROM checks WHERE id = $id", StoredRecords.Check, ("$id", id)).SingleOrDefault();

    /// <summary>Stores a retrain decision and returns its id. A <see cref="DecisionRecord.CheckId"/> must name a stored check.</summary>
    public long SaveDecision(DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ModelName.Validate(record.Model);
        ArgumentNullException.ThrowIfNull(record.ReasonsJson);
        using var connection = _database.Connect();
        try
        {
            return (long)connection.Scalar(null,
                "INSERT INTO decisions (model, check_id, decided_at, retrain, reasons_json) VALUES ($m, $c, $at, $r, $json) RETURNING id",
                ("$m", record.Model), ("$c", (object?)record.CheckId ?? DBNull.Value), ("$at", StoredTime.ToTicks(record.DecidedAt)),
                ("$r", record.Retrain ? 1 : 0), ("$json", record.ReasonsJson))!;
        }
        catch (SqliteException e) when (e.SqliteExtendedErrorCode == 787 /* SQLITE_CONSTRAINT_FOREIGNKEY */)
        {
            throw new WorkspaceInputException($"Decision for model '{record.Model}' refers to check {record.CheckId}, which does not exist.", e);
        }
    }

    /// <summary>Decisions of <paramref name="model"/>, newest first; at most <paramref name="limit"/> when given.</summary>
    public IReadOnlyList<DecisionRecord> ListDecisions(string model, int? limit = null)
    {
        ModelName.Validate(model);
        return Read(
            $"SELECT {StoredRecords.DecisionColumns} FROM decisions WHERE model = $m ORDER BY decided_at DESC, id DESC LIMIT $n",
            StoredRecords.Decision, ("$m", model), ("$n", Limit(limit)));
    }

    /// <summary>The decision taken after check <paramref name="checkId"/>, or null when none was recorded.</summary>
    public DecisionRecord? GetDecisionForCheck(long checkId) =>
        Read($"SELECT {StoredRecords.DecisionColumns} FROM decisions WHERE check_id = $c ORDER BY id DESC LIMIT 1", StoredRecords.Decision, ("$c", checkId)).SingleOrDefault();

    /// <summary>
    /// Records that a retrain of <paramref name="model"/> started (status running) and returns its id. The run is
    /// owned by this process: its id and start mark are stored, so a later open can prove the owner dead. The
    /// <see cref="AlertKind.RetrainStarted"/> alert is written in the same transaction.
    /// </summary>
    public long StartRetrain(string model, DateTimeOffset requestedAt, string reason)
    {
        ModelName.Validate(model);
        ArgumentNullException.ThrowIfNull(reason);
        using var connection = _database.Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        var id = (long)connection.Scalar(transaction,
            "INSERT INTO retrain_runs (model, requested_at, reason, status, owner_process, owner_started) " +
            "VALUES ($m, $at, $r, 'running', $pid, $started) RETURNING id",
            ("$m", model), ("$at", StoredTime.ToTicks(requestedAt)), ("$r", reason), ("$pid", Environment.ProcessId),
            ("$started", (object?)ProcessLiveness.CurrentStartMark ?? DBNull.Value))!;
        AlertOutbox.Insert(connection, transaction, RetrainAlerts.Started(model, id, reason), _time.GetUtcNow());
        transaction.Commit();
        return id;
    }

    /// <summary>
    /// Moves a running retrain to its final <paramref name="status"/>, stamped with the workspace clock. Throws
    /// <see cref="WorkspaceInputException"/> when the run does not exist or has already finished (a run finishes once).
    /// The <see cref="AlertKind.RetrainFinished"/> alert is written in the same transaction: <paramref name="alert"/>
    /// when given (the caller knows the verdict and its interval), else one built from the status.
    /// </summary>
    public void FinishRetrain(long id, RetrainStatus status, int? challengerVersion, bool? promoted, string? detailJson, AlertDraft? alert = null)
    {
        if (status == RetrainStatus.Running)
        {
            throw new ArgumentException("A run cannot finish as running.", nameof(status));
        }

        using var connection = _database.Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        var changed = connection.Execute(transaction,
            "UPDATE retrain_runs SET status = $s, finished_at = $at, challenger_version = $cv, promoted = $p, detail_json = $d " +
            "WHERE id = $id AND status = 'running'",
            ("$s", StoredRecords.StatusText(status)), ("$at", StoredTime.ToTicks(_time.GetUtcNow())),
            ("$cv", (object?)challengerVersion ?? DBNull.Value), ("$p", promoted.HasValue ? (promoted.Value ? 1 : 0) : DBNull.Value),
            ("$d", (object?)detailJson ?? DBNull.Value), ("$id", id));
        if (changed == 1)
        {
            var model = (string)connection.Scalar(transaction, "SELECT model FROM retrain_runs WHERE id = $id", ("$id", id))!;
            AlertOutbox.Insert(connection, transaction, alert ?? RetrainAlerts.Ended(model, id, status), _time.GetUtcNow());
            transaction.Commit();
        }
        else
        {
            transaction.Rollback();
            throw new WorkspaceInputException(StoredRecords.NotRunning(id, GetRetrain(id)));
        }
    }

    /// <summary>Retrain runs of <paramref name="model"/>, newest first; at most <paramref name="limit"/> when given.</summary>
    public IReadOnlyList<RetrainRun> ListRetrains(string model, int? limit = null)
    {
        ModelName.Validate(model);
        return Read(
            $"SELECT {StoredRecords.RetrainColumns} FROM retrain_runs WHERE model = $m ORDER BY requested_at DESC, id DESC LIMIT $n",
            StoredRecords.Retrain, ("$m", model), ("$n", Limit(limit)));
    }

    /// <summary>The retrain run with id <paramref name="id"/>, or null.</summary>
    public RetrainRun? GetRetrain(long id) =>
        Read($"SELECT {StoredRecords.RetrainColumns} FROM retrain_runs WHERE id = $id", StoredRecords.Retrain, ("$id", id)).SingleOrDefault();

    /// <summary>
    /// Marks "running" runs whose owner is provably gone as abandoned (runs on open): its process id does not run,
    /// runs as a zombie, or now belongs to a process with another start mark (see <see cref="ProcessLiveness"/>).
    /// Runs of this process stay running: another workspace object of the same process may still finish them.
    /// Returns how many were marked.
    /// </summary>
    public int AbandonOrphanedRuns()
    {
        using var connection = _database.Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        var orphans = new List<(long Id, string Model)>();
        using (var command = connection.Command(transaction, "SELECT id, owner_process, owner_started, model FROM retrain_runs WHERE status = 'running'"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                if (!ProcessLiveness.IsRunning(reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2)))
                {
                    orphans.Add((reader.GetInt64(0), reader.GetString(3)));
                }
            }
        }

        var at = _time.GetUtcNow();
        foreach (var (id, model) in orphans)
        {
            connection.Execute(transaction,
                "UPDATE retrain_runs SET status = 'abandoned', finished_at = $at WHERE id = $id AND status = 'running'",
                ("$at", StoredTime.ToTicks(at)), ("$id", id));
            AlertOutbox.Insert(connection, transaction, RetrainAlerts.Ended(model, id, RetrainStatus.Abandoned), at);
        }

        transaction.Commit();
        return orphans.Count;
    }

    // SQLite reads LIMIT -1 as "no limit".
    private static long Limit(int? limit) => limit switch
    {
        null => -1,
        < 0 => throw new ArgumentOutOfRangeException(nameof(limit), limit, "A limit cannot be negative."),
        _ => limit.Value,
    };

    private List<T> Read<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object Value)[] parameters)
    {
        using var connection = _database.Connect();
        using var command = connection.Command(null, sql, parameters);
        using var reader = command.ExecuteReader();
        var result = new List<T>();
        while (reader.Read())
        {
            result.Add(map(reader));
        }

        return result;
    }
}
