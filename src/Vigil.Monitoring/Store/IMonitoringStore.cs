using Vigil.Monitoring.Alerts;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Streams;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Store;

/// <summary>
/// The live data and the history of a workspace: predictions with their joined labels, checks, decisions, retrain
/// runs, stream detectors' progress, watched metrics and the alert outbox. Implemented on SQLite
/// (<see cref="MonitoringStore"/>, the embedded default) and on PostgreSQL (<c>Vigil.Store.Postgres</c>); the store
/// test suite runs against both, so every implementation keeps the same contracts:
/// every write is one transaction and has committed when the method returns (acknowledged = committed); a write that
/// throws stored nothing of its batch; instances are safe to use from several threads, and several processes (or
/// nodes) may open the same store at once.
/// </summary>
public interface IMonitoringStore
{
    /// <summary>
    /// Stores a batch of predictions in one transaction. A prediction whose id the model already has (or that repeats
    /// an id earlier in the batch) is ignored and counted as a duplicate; the first one stays. Labels that arrived
    /// earlier for these ids are joined in the same transaction.
    /// </summary>
    IngestResult LogPredictions(string model, IReadOnlyList<PredictionRecord> rows);

    /// <summary>
    /// <see cref="LogPredictions"/> for rows whose features are already in the stored form: <paramref name="featuresJson"/>[i]
    /// is a compact JSON object of scalar values (numbers, strings, booleans, null) for <paramref name="rows"/>[i], whose
    /// <see cref="PredictionRecord.Features"/> is then ignored. The caller vouches for the JSON; it is stored verbatim.
    /// </summary>
    IngestResult LogEncodedPredictions(string model, IReadOnlyList<PredictionRecord> rows, IReadOnlyList<string> featuresJson);

    /// <summary>
    /// Several batches of <paramref name="model"/> (each as for <see cref="LogEncodedPredictions"/>) in one transaction,
    /// so they share one commit: the server's group commit for many small concurrent requests. Returns one result per
    /// batch, in order; batches are applied in order, so an id repeated in a later batch is that batch's duplicate.
    /// If any batch is invalid, nothing of any batch is stored.
    /// </summary>
    IReadOnlyList<IngestResult> LogEncodedPredictionBatches(
        string model, IReadOnlyList<(IReadOnlyList<PredictionRecord> Rows, IReadOnlyList<string> FeaturesJson)> batches);

    /// <summary>
    /// How many ingestion transactions of one model a writer should keep in flight at once. SQLite has one writer, so
    /// 1; PostgreSQL lets the next group insert while the previous one's commit is flushed (2). Results, durability
    /// and the order in which rows become visible are the same either way.
    /// </summary>
    int IngestConcurrency => 1;

    /// <summary>
    /// Stores a batch of labels in one transaction. A label joins its prediction by id; a label whose prediction has
    /// not arrived waits and is joined when it does. First label wins: a label for an id that already has one (joined
    /// or pending, including earlier in the batch) is ignored and counted, so retrying a batch is harmless. The arrival
    /// time (store clock) is kept for <see cref="CountLabelledSince"/>.
    /// </summary>
    LabelResult LogLabels(string model, IReadOnlyList<LabelRecord> labels);

    /// <summary>The stored rows of <paramref name="model"/> that <paramref name="spec"/> selects, oldest first (by timestamp, then arrival).</summary>
    IReadOnlyList<LoggedRow> ReadWindow(string model, WindowSpec spec);

    /// <summary>The <paramref name="count"/> rows of <paramref name="model"/> whose labels arrived last, oldest first: the training data of a retrain.</summary>
    IReadOnlyList<LoggedRow> ReadRecentlyLabelled(string model, int count);

    /// <summary>Number of stored predictions of <paramref name="model"/> with timestamp in [<paramref name="from"/>, <paramref name="to"/>); null bounds are open.</summary>
    long CountPredictions(string model, DateTimeOffset? from = null, DateTimeOffset? to = null, bool labelledOnly = false);

    /// <summary>
    /// Logged rows of <paramref name="model"/> after log position <paramref name="position"/> (0: all) and the newest
    /// one's position, read together (a cluster's model grain counts the rows since its last check with it).
    /// </summary>
    RowsAfterPosition CountPredictionsAfter(string model, long position);

    /// <summary>Number of predictions of <paramref name="model"/> whose label arrived (store clock) at or after <paramref name="since"/>.</summary>
    long CountLabelledSince(string model, DateTimeOffset since);

    /// <summary>Number of labels of <paramref name="model"/> still waiting for their prediction.</summary>
    long CountPendingLabels(string model);

    /// <summary>Stores a check run and returns its id (its <see cref="CheckRecord.Id"/> is ignored).</summary>
    long SaveCheck(CheckRecord record);

    /// <summary>
    /// Stores a check, the retrain decision taken after it (its <see cref="DecisionRecord.CheckId"/> is ignored and set
    /// to the check's id) and the alerts they cause, all in one transaction. Returns both ids.
    /// </summary>
    (long CheckId, long DecisionId) SaveCheckAndDecision(CheckRecord check, DecisionRecord decision, CheckAlerts? alerts = null);

    /// <summary>Labelled rows over the checks of <paramref name="model"/> that ran at or after <paramref name="since"/> (all when null).</summary>
    long CountLabelledRowsChecked(string model, DateTimeOffset? since);

    /// <summary>Checks of <paramref name="model"/>, newest first (by run time, then id); at most <paramref name="limit"/> when given.</summary>
    IReadOnlyList<CheckRecord> ListChecks(string model, int? limit = null);

    /// <summary>The check with id <paramref name="id"/>, or null when there is none.</summary>
    CheckRecord? GetCheck(long id);

    /// <summary>Checks of <paramref name="model"/> with their results read, newest first; at most <paramref name="limit"/> when given.</summary>
    IReadOnlyList<CheckEntry> ReadChecks(string model, int? limit = null) => ListChecks(model, limit).Select(HistoryJson.Read).ToArray();

    /// <summary>The check with id <paramref name="id"/> with its result read, or null when there is none.</summary>
    CheckEntry? ReadCheck(long id) => GetCheck(id) is { } record ? HistoryJson.Read(record) : null;

    /// <summary>Stores a retrain decision and returns its id. A <see cref="DecisionRecord.CheckId"/> must name a stored check.</summary>
    long SaveDecision(DecisionRecord record);

    /// <summary>Decisions of <paramref name="model"/>, newest first; at most <paramref name="limit"/> when given.</summary>
    IReadOnlyList<DecisionRecord> ListDecisions(string model, int? limit = null);

    /// <summary>Decisions of <paramref name="model"/> with every trigger read, newest first; at most <paramref name="limit"/> when given.</summary>
    IReadOnlyList<DecisionEntry> ReadDecisions(string model, int? limit = null) => ListDecisions(model, limit).Select(HistoryJson.Read).ToArray();

    /// <summary>The decision taken after check <paramref name="checkId"/>, or null when none was recorded.</summary>
    DecisionRecord? GetDecisionForCheck(long checkId);

    /// <summary>
    /// Records that a retrain of <paramref name="model"/> started (status running), owned by this process, and returns
    /// its id. The <see cref="AlertKind.RetrainStarted"/> alert is written in the same transaction.
    /// </summary>
    long StartRetrain(string model, DateTimeOffset requestedAt, string reason);

    /// <summary>
    /// Moves a running retrain to its final <paramref name="status"/>, stamped with the store clock. Throws
    /// <see cref="WorkspaceInputException"/> when the run does not exist or has already finished (a run finishes once).
    /// The <see cref="AlertKind.RetrainFinished"/> alert (<paramref name="alert"/>, else one built from the status) is
    /// written in the same transaction.
    /// </summary>
    void FinishRetrain(long id, RetrainStatus status, int? challengerVersion, bool? promoted, string? detailJson, AlertDraft? alert = null);

    /// <summary>Retrain runs of <paramref name="model"/>, newest first; at most <paramref name="limit"/> when given.</summary>
    IReadOnlyList<RetrainRun> ListRetrains(string model, int? limit = null);

    /// <summary>The retrain run with id <paramref name="id"/>, or null.</summary>
    RetrainRun? GetRetrain(long id);

    /// <summary>
    /// Marks "running" runs whose owner is provably gone as abandoned (see <see cref="ProcessLiveness"/>), each with its
    /// finished alert; runs of this process stay running. Returns how many were marked. Opening a workspace calls it.
    /// </summary>
    int AbandonOrphanedRuns();

    /// <summary>A stream's stored progress, or null when the stream has not run yet.</summary>
    StoredStream? ReadStreamState(string model, StreamKind stream);

    /// <summary>
    /// Up to <paramref name="limit"/> rows of <paramref name="stream"/> after <paramref name="after"/>, in stream order:
    /// labels in the order they joined (error stream), predictions in the order they were logged (score stream).
    /// </summary>
    IReadOnlyList<StreamRow> ReadStreamRows(string model, StreamKind stream, long after, int limit);

    /// <summary>
    /// Stores a stream's new progress and the detections it produced in one transaction, and forgets the label joins
    /// the error stream has read. Optimistic: when the stored position is no longer <paramref name="expectedPosition"/>
    /// (null: no row yet) another process advanced the stream first, nothing is written and false is returned.
    /// <paramref name="saved"/> holds the detections with their ids.
    /// </summary>
    bool SaveStreamProgress(string model, StreamKind stream, long? expectedPosition, StoredStream next,
        IReadOnlyList<StreamDetection> detections, out IReadOnlyList<StreamDetection> saved);

    /// <summary>Forgets the label joins of <paramref name="model"/> (when no detector reads the error stream, they would only pile up).</summary>
    void ForgetLabelJoins(string model);

    /// <summary>
    /// Detections of <paramref name="model"/>, newest first: all, or only those of <paramref name="kind"/>, detected
    /// after <paramref name="after"/>; at most <paramref name="limit"/> when given.
    /// </summary>
    IReadOnlyList<StreamDetection> ReadStreamDetections(string model, int? limit = null, string? kind = null, DateTimeOffset? after = null);

    /// <summary>Replaces the watched metrics of <paramref name="model"/> (one transaction).</summary>
    void SetWatchedMetrics(string model, WatchedMetrics watched, string setBy);

    /// <summary>The stored watched metrics of <paramref name="model"/>, or null when none are stored.</summary>
    StoredWatch? GetWatchedMetrics(string model);

    /// <summary>Removes the stored watched metrics of <paramref name="model"/>; true when there were any.</summary>
    bool ClearWatchedMetrics(string model);

    /// <summary>Stores (or replaces) the performance estimator of a version refitted on labelled production rows.</summary>
    void SetVersionEstimator(StoredEstimator estimator);

    /// <summary>The refitted estimator of a version (its JSON only when <paramref name="withJson"/>), or null when it has none.</summary>
    StoredEstimator? GetVersionEstimator(string model, int version, bool withJson = true);

    /// <summary>Forgets the refitted estimator of a version (its bundle's applies again); true when there was one.</summary>
    bool ClearVersionEstimator(string model, int version);

    /// <summary>Writes an alert about an event that has no row of its own and returns its id.</summary>
    long RaiseAlert(AlertDraft draft);

    /// <summary>
    /// Moves <paramref name="model"/>'s <paramref name="subject"/> to <paramref name="state"/> and, when that is a change
    /// from the last alerted state (<paramref name="initial"/> when there is none), writes the alert
    /// <paramref name="draft"/> builds from the previous state, in one transaction. Returns the alert's id, or null when
    /// the state did not change (repeated calls send one alert).
    /// </summary>
    long? ChangeAlertState(string model, string subject, string state, bool firing, string initial, Func<string, AlertDraft> draft);

    /// <summary>The state last alerted for <paramref name="model"/>'s <paramref name="subject"/>, or null.</summary>
    string? AlertState(string model, string subject);

    /// <summary>
    /// Alerts, newest first, with their deliveries: of <paramref name="model"/> (all models when null), at most
    /// <paramref name="limit"/>, with ids below <paramref name="beforeId"/> when given (the next page).
    /// </summary>
    IReadOnlyList<Alert> ListAlerts(string? model = null, int limit = 100, long? beforeId = null);

    /// <summary>The alert with id <paramref name="id"/> and its deliveries, or null.</summary>
    Alert? GetAlert(long id);

    /// <summary>
    /// Routes alerts not routed yet, oldest first and at most <paramref name="max"/>: one pending delivery per channel
    /// <paramref name="channels"/> names for the alert, due at <paramref name="now"/>. One transaction, so an alert is
    /// routed wholly or not at all. Returns how many were routed.
    /// </summary>
    int RouteAlerts(Func<Alert, IEnumerable<string>> channels, DateTimeOffset now, int max = 500);

    /// <summary>Pending deliveries whose next attempt is due at <paramref name="now"/>, oldest alert first; at most <paramref name="limit"/>.</summary>
    IReadOnlyList<PendingDelivery> ListDueDeliveries(DateTimeOffset now, int limit = 200);

    /// <summary>The earliest next attempt of a pending delivery, or null when none is pending.</summary>
    DateTimeOffset? NextDeliveryDue();

    /// <summary>Records a delivery the receiver accepted. False when it was no longer pending (nothing changes then).</summary>
    bool RecordDelivered(long alertId, string channel, DateTimeOffset at, int responseStatus);

    /// <summary>
    /// Records a failed attempt: the delivery is tried again at <paramref name="nextAttemptAt"/>, or marked failed when
    /// that is null. False when it was no longer pending.
    /// </summary>
    bool RecordDeliveryFailure(long alertId, string channel, DateTimeOffset at, string error, int? responseStatus, DateTimeOffset? nextAttemptAt);

    /// <summary>
    /// Writes a reminder for every subject still firing whose last alert is at least <paramref name="interval"/> old
    /// at <paramref name="now"/>. One transaction. Returns how many reminders were written.
    /// </summary>
    int RaiseRepeats(DateTimeOffset now, TimeSpan interval);

    /// <summary>
    /// Retention: deletes <paramref name="model"/>'s prediction rows whose time is before <paramref name="cutoff"/> and
    /// at or before the window end of its newest stored check (no row goes before a check has covered it), and its
    /// pending labels received before the cutoff; in short transactions of a few thousand rows, stopping between them
    /// when <paramref name="cancellationToken"/> fires. History (checks, decisions, runs, events, alerts) is kept.
    /// </summary>
    RetentionResult DeleteExpiredPredictions(string model, DateTimeOffset cutoff, CancellationToken cancellationToken = default);

    // Shadow challengers (#16): which version shadows a model, its cursor through the log, and its outputs.

    /// <summary>
    /// Makes <paramref name="version"/> the shadow of <paramref name="model"/>, replacing any other: it scores the rows
    /// logged from now on (its cursor starts at the newest logged row). Setting the same version again keeps its cursor.
    /// </summary>
    StoredShadow SetShadow(string model, int version, string setBy, string reason);

    /// <summary>Stops <paramref name="model"/>'s shadow (its stored scores stay); false when it had none.</summary>
    bool ClearShadow(string model);

    /// <summary><paramref name="model"/>'s shadow, or null when it has none.</summary>
    StoredShadow? GetShadow(string model);

    /// <summary>Every model's shadow, by model name.</summary>
    IReadOnlyList<StoredShadow> ListShadows();

    /// <summary>Up to <paramref name="limit"/> logged rows of <paramref name="model"/> after <paramref name="after"/> (log order): the shadow's next work.</summary>
    IReadOnlyList<(long Seq, IReadOnlyDictionary<string, object?> Features)> ReadShadowWork(string model, long after, int limit);

    /// <summary>Number of logged rows of <paramref name="model"/> after <paramref name="after"/> (the shadow's backlog).</summary>
    long CountShadowBacklog(string model, long after);

    /// <summary>
    /// Stores the shadow's <paramref name="scores"/> and moves its cursor to <paramref name="position"/> in one
    /// transaction; optimistic: when the shadow is no longer <paramref name="version"/> at <paramref name="expected"/>,
    /// nothing is written and false is returned, so each row is scored once.
    /// </summary>
    bool SaveShadowScores(string model, int version, long expected, long position, IReadOnlyList<ShadowScore> scores);

    /// <summary>Rows <paramref name="version"/> has scored as a shadow of <paramref name="model"/>, and how many of them it could not score.</summary>
    (long Scored, long Failed) CountShadowScores(string model, int version);

    /// <summary>The <paramref name="count"/> labelled rows scored by shadow <paramref name="version"/> whose labels arrived last, oldest first, with its outputs.</summary>
    IReadOnlyList<ShadowPair> ReadShadowPairs(string model, int version, int count);
}
