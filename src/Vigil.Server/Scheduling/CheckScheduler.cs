using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
/// </summary>
internal sealed class CheckScheduler(
    WorkspaceHost host, CheckRunner checks, RetrainCoordinator retrains, IngestWriter writer, IOptions<ServerOptions> options,
    TimeProvider time, ILogger<CheckScheduler> logger) : BackgroundService
{
    // Rows per model when this process first looked, counted once: COUNT(*) over millions of rows every poll would
    // cost more CPU than ingesting them. Later rows are those this server stored (rows another process logs
    // meanwhile are counted after the next restart).
    private readonly Dictionary<string, long> _rowsAtStart = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Scheduler;
        if (!settings.Enabled || (settings.CheckEveryRows <= 0 && settings.CheckEvery is null))
        {
            logger.LogInformation("Scheduler off: checks run only when asked through the API.");
            return;
        }

        await Task.Yield(); // let the host finish starting
        var cursor = new SchedulerCursor(host.Workspace.Folder);
        using var timer = new PeriodicTimer(settings.Poll, time);
        do
        {
            foreach (var model in host.Workspace.Registry.ListModels())
            {
                stoppingToken.ThrowIfCancellationRequested();
                try
                {
                    await Task.Run(() => Visit(model, cursor, settings, stoppingToken), stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One model's failure (e.g. a bundle without profile) must not stop the others.
                    logger.LogWarning(e, "Scheduled check of {Model} failed.", model);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private void Visit(string model, SchedulerCursor cursor, SchedulerOptions settings, CancellationToken stoppingToken)
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
        var due = (settings.CheckEveryRows > 0 && fresh >= settings.CheckEveryRows)
            || (settings.CheckEvery is { } every && fresh > 0 && (last is null || now - last.CheckedAt >= every));
        if (!due)
        {
            return;
        }

        var outcome = checks.Run(model, WindowSpec.LastRows(Math.Max(1, settings.WindowRows)), "scheduler", stoppingToken);
        cursor.Set(model, new SchedulerCursor.Position(rows, now));
        logger.LogInformation("Scheduled check {Id} of {Model}: {Status}; {Decision}", outcome.CheckId, model, outcome.Result.Status, outcome.Decision.Summary);
        if (outcome.Decision.Retrain && settings.AutoRetrain && !retrains.IsRunning(model))
        {
            var reason = $"scheduled: {outcome.Decision.Summary} (check {outcome.CheckId})";
            try
            {
                var run = retrains.StartAsync(model,
                    new RetrainSettings(settings.RetrainBudget, settings.RetrainMaxTrials, settings.RetrainRows, reason, "scheduler"),
                    stoppingToken).GetAwaiter().GetResult();
                logger.LogInformation("Started retrain run {Run} of {Model}.", run, model);
            }
            catch (ApiProblemException e)
            {
                logger.LogInformation("Retrain of {Model} not started: {Why}", model, e.Message);
            }
        }
    }
}
