namespace Vigil.Cluster.Models;

/// <summary>
/// The work a model grain has done on the node that hosts it, over the shared store (implemented by the service).
/// Methods are synchronous store and CPU work: the grain runs them on the thread pool, never on its own turn.
/// </summary>
public interface IModelWork
{
    /// <summary>The registered models (every one has a grain); the grains deal them over the silos (<see cref="ModelDeal"/>).</summary>
    IReadOnlyList<string> ListModels();

    /// <summary>True when the model has a champion (scheduled checks need one).</summary>
    bool HasChampion(string model);

    /// <summary>
    /// Logged prediction rows of the model in the store after log position <paramref name="position"/> (0: all), and
    /// the position of the newest one (<paramref name="position"/> when there is none). Positions follow commit order
    /// per model, so a count from <c>Through</c> on continues exactly where this one stopped.
    /// </summary>
    (long Rows, long Through) CountRowsAfter(string model, long position);

    /// <summary>Feeds the model's change detectors; true when a change that is a retrain reason was found.</summary>
    bool WatchStreams(string model, CancellationToken cancellationToken);

    /// <summary>Runs and records a scheduled check with its retrain decision; throws when the check fails.</summary>
    ScheduledCheck RunCheck(string model, CancellationToken cancellationToken);

    /// <summary>A scheduled check failed (attempt <see cref="CheckFailure.Attempts"/>): alert and log.</summary>
    void CheckFailed(string model, CheckFailure failure, Exception error);

    /// <summary>A scheduled check succeeded; <paramref name="previous"/> is the failure it ends, if any.</summary>
    void CheckSucceeded(string model, ScheduledCheck check, CheckFailure? previous);

    /// <summary>Starts a retrain on this node; its run id, or null when it was not started (the reason is logged).</summary>
    Task<long?> StartRetrain(string model, string reason, CancellationToken cancellationToken);

    /// <summary>Starts a retrain asked for through the API on this node; the run, or why none started.</summary>
    Task<RetrainStart> StartRequestedRetrain(string model, RetrainAsk ask, CancellationToken cancellationToken);

    /// <summary>Asks run <paramref name="runId"/> of <paramref name="model"/> to stop; false when it does not run on this node.</summary>
    bool CancelRetrain(string model, long runId);

    /// <summary>Where run <paramref name="runId"/> stands in the store.</summary>
    RetrainState RetrainState(long runId);

    /// <summary>Runs of the model recorded as running that were requested at or after <paramref name="since"/>.</summary>
    IReadOnlyList<long> RunningRetrains(string model, DateTimeOffset since);

    /// <summary>Marks a run whose silo died as abandoned (false when it had already finished).</summary>
    bool AbandonRetrain(long runId);
}
