using Npgsql;
using Vigil.Monitoring.Alerts;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Workspace;

namespace Vigil.Store.Postgres;

// The history half of the store: checks, decisions and retrain runs.
public sealed partial class PostgresMonitoringStore
{
    private const string InsertCheckSql =
        "INSERT INTO checks (model, model_version, ran_at, window_start, window_end, rows, alarm, status, result_json, labelled_rows) " +
        "VALUES (@m, @v, @ran, @ws, @we, @rows, @alarm, @status, @json, @labelled) RETURNING id";

    public long SaveCheck(CheckRecord record)
    {
        CheckCheck(record);
        using var connection = _database.Connect();
        return InsertCheck(connection, null, record);
    }

    public (long CheckId, long DecisionId) SaveCheckAndDecision(CheckRecord check, DecisionRecord decision, CheckAlerts? alerts = null)
    {
        CheckCheck(check);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(decision.ReasonsJson);
        using var connection = _database.Connect();
        using var transaction = connection.BeginTransaction();
        if (alerts is not null)
        {
            ModelLock.Take(connection, transaction, check.Model); // one status alert per change, whoever checks
        }

        var checkId = InsertCheck(connection, transaction, check);
        var decisionId = InsertDecision(connection, transaction, check.Model, checkId, decision);
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

    public long CountLabelledRowsChecked(string model, DateTimeOffset? since)
    {
        ModelName.Validate(model);
        using var connection = _database.Connect();
        return (long)connection.Scalar(null,
            "SELECT COALESCE(SUM(labelled_rows), 0)::BIGINT FROM checks WHERE model = @m AND ran_at >= @since",
            ("@m", model), ("@since", since is null ? long.MinValue : StoredTime.ToTicks(since.Value)))!;
    }

    public IReadOnlyList<CheckRecord> ListChecks(string model, int? limit = null)
    {
        ModelName.Validate(model);
        return Read($"SELECT {StoredRecords.CheckColumns} FROM checks WHERE model = @m ORDER BY ran_at DESC, id DESC LIMIT @n",
            StoredRecords.Check, ("@m", model), ("@n", Limit(limit)));
    }

    public CheckRecord? GetCheck(long id) =>
        Read($"SELECT {StoredRecords.CheckColumns} FROM checks WHERE id = @id", StoredRecords.Check, ("@id", id)).SingleOrDefault();

    public long SaveDecision(DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ModelName.Validate(record.Model);
        ArgumentNullException.ThrowIfNull(record.ReasonsJson);
        using var connection = _database.Connect();
        try
        {
            return InsertDecision(connection, null, record.Model, record.CheckId, record);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new WorkspaceInputException($"Decision for model '{record.Model}' refers to check {record.CheckId}, which does not exist.", e);
        }
    }

    public IReadOnlyList<DecisionRecord> ListDecisions(string model, int? limit = null)
    {
        ModelName.Validate(model);
        return Read($"SELECT {StoredRecords.DecisionColumns} FROM decisions WHERE model = @m ORDER BY decided_at DESC, id DESC LIMIT @n",
            StoredRecords.Decision, ("@m", model), ("@n", Limit(limit)));
    }

    public DecisionRecord? GetDecisionForCheck(long checkId) =>
        Read($"SELECT {StoredRecords.DecisionColumns} FROM decisions WHERE check_id = @c ORDER BY id DESC LIMIT 1",
            StoredRecords.Decision, ("@c", checkId)).SingleOrDefault();

    public long StartRetrain(string model, DateTimeOffset requestedAt, string reason)
    {
        ModelName.Validate(model);
        ArgumentNullException.ThrowIfNull(reason);
        using var connection = _database.Connect();
        using var transaction = connection.BeginTransaction();
        var id = (long)connection.Scalar(transaction,
            "INSERT INTO retrain_runs (model, requested_at, reason, status, owner_process, owner_started, owner_host) " +
            "VALUES (@m, @at, @r, 'running', @pid, @started, @host) RETURNING id",
            ("@m", model), ("@at", StoredTime.ToTicks(requestedAt)), ("@r", reason), ("@pid", Environment.ProcessId),
            ("@started", (object?)ProcessLiveness.CurrentStartMark ?? DBNull.Value), ("@host", OwnerHost))!;
        AlertOutbox.Insert(connection, transaction, RetrainAlerts.Started(model, id, reason), _time.GetUtcNow());
        transaction.Commit();
        return id;
    }

    public void FinishRetrain(long id, RetrainStatus status, int? challengerVersion, bool? promoted, string? detailJson, AlertDraft? alert = null)
    {
        if (status == RetrainStatus.Running)
        {
            throw new ArgumentException("A run cannot finish as running.", nameof(status));
        }

        using var connection = _database.Connect();
        using var transaction = connection.BeginTransaction();
        // The row lock makes a concurrent finish wait and then find the run no longer running.
        var model = connection.Scalar(transaction,
            "UPDATE retrain_runs SET status = @s, finished_at = @at, challenger_version = @cv, promoted = @p, detail_json = @d " +
            "WHERE id = @id AND status = 'running' RETURNING model",
            ("@s", StoredRecords.StatusText(status)), ("@at", StoredTime.ToTicks(_time.GetUtcNow())),
            ("@cv", (object?)challengerVersion ?? DBNull.Value), ("@p", promoted.HasValue ? (promoted.Value ? 1 : 0) : DBNull.Value),
            ("@d", (object?)detailJson ?? DBNull.Value), ("@id", id)) as string;
        if (model is null)
        {
            transaction.Rollback();
            throw new WorkspaceInputException(StoredRecords.NotRunning(id, GetRetrain(id)));
        }

        AlertOutbox.Insert(connection, transaction, alert ?? RetrainAlerts.Ended(model, id, status), _time.GetUtcNow());
        transaction.Commit();
    }

    public IReadOnlyList<RetrainRun> ListRetrains(string model, int? limit = null)
    {
        ModelName.Validate(model);
        return Read($"SELECT {StoredRecords.RetrainColumns} FROM retrain_runs WHERE model = @m ORDER BY requested_at DESC, id DESC LIMIT @n",
            StoredRecords.Retrain, ("@m", model), ("@n", Limit(limit)));
    }

    public RetrainRun? GetRetrain(long id) =>
        Read($"SELECT {StoredRecords.RetrainColumns} FROM retrain_runs WHERE id = @id", StoredRecords.Retrain, ("@id", id)).SingleOrDefault();

    /// <summary>
    /// Marks the "running" runs owned by processes of this host that are provably gone as abandoned (see
    /// <see cref="ProcessLiveness"/>). Runs owned by another host are left alone: only that host can judge its
    /// processes (a cluster re-decides a dead node's runs itself).
    /// </summary>
    public int AbandonOrphanedRuns()
    {
        using var connection = _database.Connect();
        using var transaction = connection.BeginTransaction();
        var running = connection.Read(transaction,
            "SELECT id, owner_process, owner_started, model FROM retrain_runs WHERE status = 'running' AND owner_host = @host FOR UPDATE",
            r => (Id: r.GetInt64(0), Pid: r.GetInt32(1), Mark: r.IsDBNull(2) ? null : r.GetString(2), Model: r.GetString(3)), ("@host", OwnerHost));
        var at = _time.GetUtcNow();
        var abandoned = 0;
        foreach (var (id, pid, mark, model) in running)
        {
            if (ProcessLiveness.IsRunning(pid, mark))
            {
                continue;
            }

            connection.Execute(transaction,
                "UPDATE retrain_runs SET status = 'abandoned', finished_at = @at WHERE id = @id AND status = 'running'",
                ("@at", StoredTime.ToTicks(at)), ("@id", id));
            AlertOutbox.Insert(connection, transaction, RetrainAlerts.Ended(model, id, RetrainStatus.Abandoned), at);
            abandoned++;
        }

        transaction.Commit();
        return abandoned;
    }

    // The host part of a run's owner: a process id means something only on its own machine.
    private static string OwnerHost => Environment.MachineName;

    private static void CheckCheck(CheckRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ModelName.Validate(record.Model);
        ArgumentNullException.ThrowIfNull(record.Status);
        ArgumentNullException.ThrowIfNull(record.ResultJson);
    }

    private static long InsertCheck(NpgsqlConnection connection, NpgsqlTransaction? transaction, CheckRecord record) =>
        (long)connection.Scalar(transaction, InsertCheckSql,
            ("@m", record.Model), ("@v", record.ModelVersion), ("@ran", StoredTime.ToTicks(record.RanAt)),
            ("@ws", StoredTime.ToDb(record.WindowStart)), ("@we", StoredTime.ToDb(record.WindowEnd)), ("@rows", record.Rows),
            ("@alarm", record.Alarm ? 1 : 0), ("@status", record.Status), ("@json", record.ResultJson),
            ("@labelled", record.LabelledRows))!;

    private static long InsertDecision(NpgsqlConnection connection, NpgsqlTransaction? transaction, string model, long? checkId, DecisionRecord decision) =>
        (long)connection.Scalar(transaction,
            "INSERT INTO decisions (model, check_id, decided_at, retrain, reasons_json) VALUES (@m, @c, @at, @r, @json) RETURNING id",
            ("@m", model), ("@c", (object?)checkId ?? DBNull.Value), ("@at", StoredTime.ToTicks(decision.DecidedAt)),
            ("@r", decision.Retrain ? 1 : 0), ("@json", decision.ReasonsJson))!;

    private List<T> Read<T>(string sql, Func<System.Data.Common.DbDataReader, T> map, params (string Name, object Value)[] parameters)
    {
        using var connection = _database.Connect();
        return connection.Read(null, sql, map, parameters);
    }
}
