using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Monitoring.Alerts;
using Vigil.Monitoring.Lifecycle;
using Vigil.Monitoring.Store;
using Vigil.Server.Api;

namespace Vigil.Server.Scheduling;

/// <summary>
/// Per model: checks the most recent <see cref="SchedulerOptions.WindowRows"/> logged rows every
/// <see cref="SchedulerOptions.CheckEveryRows"/> new rows or every <see cref="SchedulerOptions.CheckEvery"/> when rows
/// arrived, evaluates the retrain policy after each check (the library saves the decision), and starts a background
/// retrain when the policy says so. Runs on its own loop: ingestion and reads never wait for it (WAL readers).
/// Rows are counted once per model, then from what this server stores. Restart: the cursor file resumes row counting; a retrain cut off by a crash is marked abandoned when the
/// workspace opens and the next check's decision starts a fresh one if it is still warranted.
/// Each visit first feeds new rows and labels to the model's online change detectors (<see cref="StreamWatcher"/>).
/// A check that fails is recorded once in the cursor (<see cref="ScheduledCheckFailure"/>, logged with its stack trace
/// once) and tried again after an exponential backoff (<see cref="SchedulerOptions.FailureBackoff"/>), not every poll.
/// </summary>
internal sealed class CheckScheduler(
    WorkspaceHost host, CheckRunner checks, RetrainCoordinator retrains, IngestWriter writer, SchedulerCursor cursor,
    StreamWatcher streams, IOptions<ServerOptions> options, TimeProvider time, ILogger<CheckScheduler> logger) : BackgroundService
{
    private readonly PassGuard _guard = new(logger, "The scheduler's pass over the models");
    private long _passes;
    private TaskCompletionSource<long> _passed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Rows per model when this process first looked, counted once: COUNT(*) over millions of rows every poll would
    // cost more CPU than ingesting them. Later rows are those this server stored (rows another process logs
    // meanwhile are counted after the next restart).
    private readonly Dictionary<string, long> _rowsAtStart = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Scheduler;
        if (options.Value.Cluster.Enabled)
        {
            logger.LogInformation("Cluster node: the models' grains schedule checks and retrains.");
            return;
        }

        if (!settings.Enabled || (settings.CheckEveryRows <= 0 && settings.CheckEvery is null))
        {
            logger.LogInformation("Scheduler off: checks run only when asked through the API.");
            return;
        }

        await Task.Yield(); // let the host finish starting
        using var timer = new PeriodicTimer(settings.Poll, time);
        do
        {
            // Listing the models fails while the store is down; the guard keeps the loop (and the host) alive.
            await _guard.RunAsync(async () =>
            {
                foreach (var model in host.Workspace.Registry.ListModels())
                {
                    stoppingToken.ThrowIfCancellationRequested();
                    try
                    {
                        await Task.Run(() => Visit(model, settings, stoppingToken), stoppingToken);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // One model's failure (e.g. a bundle without profile) must not stop the others.
                        logger.LogWarning(e, "Scheduler pass over {Model} failed.", model);
                    }
                }
            }, stoppingToken);
            PassCompleted();
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Passes over every model completed so far (tests wait on <see cref="NextPass"/> instead of sleeping).</summary>
    internal long Passes => Interlocked.Read(ref _passes);

    /// <summary>Completes with the pass number when the pass running now (or the next one) has visited every model.</summary>
    internal Task<long> NextPass => Volatile.Read(ref _passed).Task;

    private void PassCompleted()
    {
        var pass = Interlocked.Increment(ref _passes);
        var done = Interlocked.Exchange(ref _passed, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        done.SetResult(pass);
    }

    private void Visit(string model, SchedulerOptions settings, CancellationToken stoppingToken)
    {
        if (host.Workspace.Registry.GetChampion(model) is null)
        {
            return;
        }

        if (!_rowsAtStart.TryGetValue(model, out var atStart))
        {
            // On the writer loop, so no batch is committed but not yet counted (or counted twice) in between.
            atStart = writer.WriteAsync(() => host.Workspace.Store.CountPredictions(model) - writer.InsertedSinceStart(model)).GetAwaiter().GetResult();
            _rowsAtStart[model] = atStart;
        }

        var rows = atStart + writer.InsertedSinceStart(model);
        var now = time.GetUtcNow();
        var last = cursor.Get(model);
        var fresh = rows - (last?.Rows ?? 0);
        // A change on a stream that is a retrain reason makes a check due at once, so the policy can act on it.
        var due = streams.Watch(model, stoppingToken)
            || (settings.CheckEveryRows > 0 && fresh >= settings.CheckEveryRows)
            || (settings.CheckEvery is { } every && fresh > 0 && (last?.CheckedAt is not { } checkedAt || now - checkedAt >= every));
        if (!due || (last?.Failure is { } waiting && now < waiting.NextAttemptAt))
        {
            return;
        }

        CheckOutcome outcome;
        try
        {
            outcome = checks.Run(model, WindowSpec.LastRows(Math.Max(1, settings.WindowRows)), "scheduler", stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            RecordFailure(model, last, now, e, settings);
            return;
        }

        cursor.Set(model, new SchedulerCursor.Position(rows, now));
        if (last?.Failure is not null || host.Workspace.Store.AlertState(model, CheckFailureAlerts.Subject) == CheckFailureAlerts.Failing)
        {
            host.Workspace.Store.ChangeAlertState(model, CheckFailureAlerts.Subject, CheckFailureAlerts.Ok, firing: false, CheckFailureAlerts.Ok,
                _ => CheckFailureAlerts.Recovered(model, outcome.CheckId));
        }

        if (last?.Failure is { } recovered)
        {
            logger.LogInformation("Scheduled checks of {Model} succeed again after {Attempts} failed attempt(s) since {Since}.",
                model, recovered.Attempts, recovered.Since);
        }

        logger.LogInformation("Scheduled check {Id} of {Model}: {Status}; {Decision}", outcome.CheckId, model, outcome.Result.Status, outcome.Decision.Summary);
        if (outcome.Decision.Retrain && settings.AutoRetrain && !retrains.IsRunning(model))
        {
            var reason = $"scheduled: {outcome.Decision.Summary} (check {outcome.CheckId})";
            if (ForeignChampionRule.Scheduled(host, options.Value, model, reason) is not { } retrain)
            {
                logger.LogInformation("Retrain of {Model} requested from its owners (retrain_requested); Vigil:Retrain:ForeignChampions is request-only.", model);
                return;
            }

            try
            {
                var run = retrains.StartAsync(model, retrain,
                    stoppingToken).GetAwaiter().GetResult();
                logger.LogInformation("Started retrain run {Run} of {Model}.", run, model);
            }
            catch (ApiProblemException e)
            {
                logger.LogInformation("Retrain of {Model} not started: {Why}", model, e.Message);
            }
        }
    }

    /// <summary>Records a failed scheduled check once (later attempts update the record) and schedules the next try.</summary>
    private void RecordFailure(string model, SchedulerCursor.Position? last, DateTimeOffset now, Exception e, SchedulerOptions settings)
    {
        var previous = last?.Failure;
        var attempts = (previous?.Attempts ?? 0) + 1;
        var next = now + FailureBackoff.After(attempts, settings.FailureBackoff, settings.FailureBackoffMax);
        var error = OneLine(e);
        cursor.Set(model, new SchedulerCursor.Position(last?.Rows ?? 0, last?.CheckedAt,
            new ScheduledCheckFailure(previous?.Since ?? now, now, attempts, error, next)));

        // One alert when checks start failing (the stored state, not the cursor, decides, so a restart sends no second one).
        host.Workspace.Store.ChangeAlertState(model, CheckFailureAlerts.Subject, CheckFailureAlerts.Failing, firing: true, CheckFailureAlerts.Ok,
            _ => CheckFailureAlerts.Failed(model, error, attempts, next));
        if (previous is null)
        {
            logger.LogError(e, "Scheduled check of {Model} failed; next attempt at {Next:o} (backoff doubles up to {Max}).",
                model, next, settings.FailureBackoffMax);
        }
        else
        {
            // The stack trace was logged with the first failure; a retry that fails again says so in one line.
            logger.LogWarning("Scheduled check of {Model} failed again (attempt {Attempts}): {Error}; next attempt at {Next:o}.",
                model, attempts, error, next);
        }
    }

    private static string OneLine(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            e = aggregate.InnerExceptions[0];
        }

        var text = $"{e.GetType().Name}: {e.Message}".ReplaceLineEndings(" ");
        return text.Length <= 500 ? text : text[..500] + "…";
    }
}
