using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Lifecycle;
using Vigil.Monitoring.Store;
using Vigil.Server.Api;
using Vigil.Server.Metrics;

namespace Vigil.Server.Scheduling;

/// <summary>
/// Runs retrains in the background, at most one per model, each on its own thread so ingestion and reads never
/// wait for one. A run can be cancelled through the API; on shutdown every run is cancelled and awaited, so the store
/// records it as cancelled (the library registers and promotes only after training, in one transaction each, so a
/// cancelled run leaves nothing half-applied). A run killed with the process is marked abandoned on the next open.
/// Retrain threads run at lowered priority (<see cref="SchedulerOptions.RetrainNice"/>) so they yield the CPU to
/// ingestion.
/// </summary>
public sealed class RetrainCoordinator(WorkspaceHost host, IOptions<ServerOptions> options, ILogger<RetrainCoordinator> logger) : IHostedService
{
    private readonly ConcurrentDictionary<string, Job> _jobs = new(StringComparer.Ordinal);

    /// <summary>
    /// The run in progress for <paramref name="model"/> in this server, if its id is known yet; on a cluster node also
    /// one that another node runs (the shared store has it as running).
    /// </summary>
    public long? RunningRun(string model) => _jobs.TryGetValue(model, out var job) ? job.RunId
        : options.Value.Cluster.Enabled && host.Workspace.Store.ListRetrains(model, 1).FirstOrDefault() is { Status: RetrainStatus.Running } other ? other.Id
        : null;

    /// <summary>
    /// Starts a retrain on the most recent labelled rows and returns its run id once the store has recorded it.
    /// 409 when one is already running for the model; 422 when there is too little labelled data.
    /// </summary>
    public async Task<long> StartAsync(string model, RetrainSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var job = new Job();
        if (!_jobs.TryAdd(model, job))
        {
            var running = _jobs.TryGetValue(model, out var other) ? other.RunId : null;
            throw ApiProblemException.Conflict($"A retrain of model '{model}' is already running{(running is null ? "" : $" (run {running})")}; cancel it or wait.");
        }

        try
        {
            // In a cluster another node may run the model's retrain; the store every node shares says so.
            if (options.Value.Cluster.Enabled && host.Workspace.Store.ListRetrains(model, 1).FirstOrDefault() is { Status: RetrainStatus.Running } other)
            {
                throw ApiProblemException.Conflict($"A retrain of model '{model}' is already running (run {other.Id}, on another node of the cluster); cancel it there or wait.");
            }

            var request = BuildRequest(model, settings);
            var before = host.Workspace.Store.ListRetrains(model, 1).FirstOrDefault()?.Id ?? 0;
            job.Task = Task.Factory.StartNew(() => Run(model, job, request), CancellationToken.None,
                TaskCreationOptions.LongRunning, TaskScheduler.Default);

            // The library records the run as it starts; wait for that id (or for an early failure).
            while (true)
            {
                var latest = host.Workspace.Store.ListRetrains(model, 1).FirstOrDefault();
                if (latest is not null && latest.Id > before)
                {
                    job.RunId = latest.Id;
                    return latest.Id;
                }

                if (job.Task.IsCompleted)
                {
                    await job.Task; // rethrows an early failure (e.g. the label column is missing)
                    throw new InvalidOperationException("The retrain finished without recording a run.");
                }

                await Task.Delay(10, cancellationToken);
            }
        }
        catch
        {
            if (job.Task is null)
            {
                _jobs.TryRemove(new KeyValuePair<string, Job>(model, job));
            }

            throw;
        }
    }

    /// <summary>Asks a running retrain to stop. False when <paramref name="runId"/> is not running in this server.</summary>
    public bool Cancel(string model, long runId)
    {
        if (_jobs.TryGetValue(model, out var job) && job.RunId == runId)
        {
            job.Cancellation.Cancel();
            return true;
        }

        return false;
    }

    public bool IsRunning(string model) => _jobs.ContainsKey(model);

    private RetrainRequest BuildRequest(string model, RetrainSettings settings)
    {
        _ = host.Champion(model); // 404 for an unknown model
        var logged = host.Monitor.LoggedRetrainRequest(model, settings.Rows);
        if (logged.Data.RowCount < ChampionChallenger.MinLabelledRows)
        {
            throw ApiProblemException.Unprocessable(
                $"Retraining model '{model}' needs at least {ChampionChallenger.MinLabelledRows} labelled logged rows; it has {logged.Data.RowCount}. Log labels first.");
        }

        // A champion Vigil did not train gets a cold-started AutoML challenger; an external one is compared through what it logged.
        return logged with
        {
            TimeBudget = settings.Budget,
            MaxTrials = settings.MaxTrials,
            Reason = settings.Reason,
            CreatedBy = "server:" + settings.Actor,
            NoPromotionBecause = settings.NoPromotionBecause,
        };
    }

    private void Run(string model, Job job, RetrainRequest request)
    {
        var watch = Stopwatch.StartNew();
        if (!BackgroundPriority.Lower(options.Value.Scheduler.RetrainNice))
        {
            logger.LogDebug("Could not lower the priority of the retrain thread of {Model}; it runs at normal priority.", model);
        }

        VigilMetrics.RetrainRunning.WithLabels(model).Set(1);
        var status = RetrainStatus.Failed;
        var promoted = false;
        try
        {
            var outcome = host.Monitor.Retrain(model, request, job.Cancellation.Token);
            status = RetrainStatus.Succeeded;
            promoted = outcome.Promoted;

            logger.LogInformation("Retrain of {Model}: {Reason}", model, outcome.Reason);
        }
        catch (OperationCanceledException)
        {
            status = RetrainStatus.Cancelled;
            logger.LogInformation("Retrain of {Model} cancelled.", model);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The library has recorded the run as failed with the message; the API shows it.
            logger.LogWarning(e, "Retrain of {Model} failed.", model);
            if (job.RunId is null)
            {
                throw;
            }
        }
        finally
        {
            host.ForgetChampion(model);
            VigilMetrics.RetrainRunning.WithLabels(model).Set(0);
            VigilMetrics.RetrainFinished(model, status, watch.Elapsed, promoted);
            _jobs.TryRemove(new KeyValuePair<string, Job>(model, job));
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Shutdown: cancel every run and wait for the library to record it (bounded by the host's shutdown timeout).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var running = _jobs.Values.ToArray();
        foreach (var job in running)
        {
            job.Cancellation.Cancel();
        }

        foreach (var job in running)
        {
            if (job.Task is { } task)
            {
                try
                {
                    await task.WaitAsync(cancellationToken);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    logger.LogWarning(e, "A retrain did not stop cleanly before shutdown; if it is still recorded as running, the next start marks it abandoned.");
                }
            }
        }
    }

    // The token source is never disposed: Cancel may race with the end of the run, and it holds no timer.
    private sealed class Job
    {
        public CancellationTokenSource Cancellation { get; } = new();

        public Task? Task { get; set; }

        public long? RunId { get; set; }
    }
}
