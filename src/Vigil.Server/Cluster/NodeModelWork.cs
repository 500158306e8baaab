using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Cluster.Models;
using Vigil.Monitoring.Alerts;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Workspace;
using Vigil.Server.Api;
using Vigil.Server.Scheduling;

namespace Vigil.Server.Cluster;

/// <summary>
/// The work a model grain has done on this node: the same checks, change detectors, alerts and retrains as the
/// one-process scheduler (<see cref="CheckScheduler"/>), over the store every node shares.
/// </summary>
internal sealed class NodeModelWork(
    WorkspaceHost host, CheckRunner checks, RetrainCoordinator retrains, StreamWatcher streams,
    IOptions<ServerOptions> options, ILogger<NodeModelWork> logger) : IModelWork
{
    public IReadOnlyList<string> ListModels() => host.Workspace.Registry.ListModels();

    public bool HasChampion(string model) => host.Workspace.Registry.GetChampion(model) is not null;

    // The grain keeps the reports that arrive after this count began, so rows this node has committed but not yet
    // reported may be counted twice in its running sum; it counts again before any check (see ModelGrain).
    public (long Rows, long Through) CountRowsAfter(string model, long position)
    {
        var counted = host.Workspace.Store.CountPredictionsAfter(model, position);
        return (counted.Rows, counted.Through);
    }

    public bool WatchStreams(string model, CancellationToken cancellationToken) => streams.Watch(model, cancellationToken);

    public ScheduledCheck RunCheck(string model, CancellationToken cancellationToken)
    {
        var window = WindowSpec.LastRows(Math.Max(1, options.Value.Scheduler.WindowRows));
        var outcome = checks.Run(model, window, "scheduler", cancellationToken);
        logger.LogInformation("Scheduled check {Id} of {Model}: {Status}; {Decision}", outcome.CheckId, model, outcome.Result.Status, outcome.Decision.Summary);
        return new ScheduledCheck(outcome.CheckId, outcome.Result.Status.ToString().ToLowerInvariant(), outcome.Decision.Retrain, outcome.Decision.Summary);
    }

    public void CheckFailed(string model, CheckFailure failure, Exception error)
    {
        // One alert when checks start failing (the stored state decides, so a reactivation sends no second one).
        host.Workspace.Store.ChangeAlertState(model, CheckFailureAlerts.Subject, CheckFailureAlerts.Failing, firing: true, CheckFailureAlerts.Ok,
            _ => CheckFailureAlerts.Failed(model, failure.Error, failure.Attempts, failure.NextAttemptAt));
        if (failure.Attempts == 1)
        {
            logger.LogError(error, "Scheduled check of {Model} failed; next attempt at {Next:o}.", model, failure.NextAttemptAt);
        }
        else
        {
            logger.LogWarning("Scheduled check of {Model} failed again (attempt {Attempts}): {Error}; next attempt at {Next:o}.",
                model, failure.Attempts, failure.Error, failure.NextAttemptAt);
        }
    }

    public void CheckSucceeded(string model, ScheduledCheck check, CheckFailure? previous)
    {
        if (previous is not null || host.Workspace.Store.AlertState(model, CheckFailureAlerts.Subject) == CheckFailureAlerts.Failing)
        {
            host.Workspace.Store.ChangeAlertState(model, CheckFailureAlerts.Subject, CheckFailureAlerts.Ok, firing: false, CheckFailureAlerts.Ok,
                _ => CheckFailureAlerts.Recovered(model, check.CheckId));
        }

        if (previous is not null)
        {
            logger.LogInformation("Scheduled checks of {Model} succeed again after {Attempts} failed attempt(s) since {Since}.",
                model, previous.Attempts, previous.Since);
        }
    }

    public async Task<long?> StartRetrain(string model, string reason, CancellationToken cancellationToken)
    {
        if (ForeignChampionRule.Scheduled(host, options.Value, model, reason) is not { } settings)
        {
            logger.LogInformation("Retrain of {Model} requested from its owners (retrain_requested); Vigil:Retrain:ForeignChampions is request-only.", model);
            return null;
        }

        try
        {
            var run = await retrains.StartAsync(model, settings, cancellationToken);
            logger.LogInformation("Started retrain run {Run} of {Model}.", run, model);
            return run;
        }
        catch (ApiProblemException e)
        {
            logger.LogInformation("Retrain of {Model} not started: {Why}", model, e.Message);
            return null;
        }
    }

    public async Task<RetrainStart> StartRequestedRetrain(string model, RetrainAsk ask, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ask);
        try
        {
            var run = await retrains.StartAsync(model, new RetrainSettings(ask.Budget, ask.MaxTrials, ask.Rows, ask.Reason, ask.Actor), cancellationToken);
            logger.LogInformation("Started retrain run {Run} of {Model} (asked through the API by {Actor}).", run, model, ask.Actor);
            return new RetrainStart(run, 202, null, null);
        }
        catch (ApiProblemException e)
        {
            return new RetrainStart(null, e.Status, e.Title, e.Message);
        }
    }

    public bool CancelRetrain(string model, long runId) => retrains.Cancel(model, runId);

    public RetrainState RetrainState(long runId) => host.Workspace.Store.GetRetrain(runId) switch
    {
        null => Vigil.Cluster.Models.RetrainState.Missing,
        { Status: RetrainStatus.Running } => Vigil.Cluster.Models.RetrainState.Running,
        _ => Vigil.Cluster.Models.RetrainState.Finished,
    };

    public IReadOnlyList<long> RunningRetrains(string model, DateTimeOffset since) =>
        host.Workspace.Store.ListRetrains(model, 10).Where(r => r.Status == RetrainStatus.Running && r.RequestedAt >= since).Select(r => r.Id).ToArray();

    public bool AbandonRetrain(long runId)
    {
        try
        {
            host.Workspace.Store.FinishRetrain(runId, RetrainStatus.Abandoned, null, null, null);
            return true;
        }
        catch (WorkspaceInputException)
        {
            return false; // it had finished meanwhile (or its node's restart marked it first)
        }
    }
}
