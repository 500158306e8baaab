using Vigil.Monitoring.Streams;
using Vigil.Server.Scheduling;

namespace Vigil.Server.Api;

/// <summary>A model with its champion, versions, latest check and live counts.</summary>
/// <param name="Status">The latest check's status (ok, drift, degraded, ...) or "unchecked".</param>
/// <param name="Rows">Logged predictions.</param>
/// <param name="RunningRetrain">Id of the retrain run in progress in this server, if any.</param>
/// <param name="ScheduledCheckFailure">Set while the model's scheduled checks fail: since when, attempts, the latest
/// error and when the scheduler tries again; null when the last scheduled check succeeded.</param>
/// <param name="Streams">The online change detectors' state per stream (error, score): champion followed, values read, each detector's figure.</param>
/// <param name="StreamDetections">The latest changes and warnings the detectors found, newest first (at most 20).</param>
public sealed record ModelView(
    string Name,
    int? ChampionVersion,
    VersionView? Champion,
    IReadOnlyList<VersionView> Versions,
    CheckSummary? LastCheck,
    string Status,
    long Rows,
    long PendingLabels,
    long? RunningRetrain,
    ScheduledCheckFailure? ScheduledCheckFailure = null,
    IReadOnlyList<StreamStatus>? Streams = null,
    IReadOnlyList<StreamDetection>? StreamDetections = null);
