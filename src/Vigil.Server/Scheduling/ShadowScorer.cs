using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Server.Api;

namespace Vigil.Server.Scheduling;

/// <summary>
/// Scores logged rows with each model's shadow in the background, from the log, so ingestion acknowledges a row when
/// it is stored and never waits for a second model. Runs on its own thread at lowered priority
/// (<see cref="ShadowSettings.Nice"/>); the cursor in the store makes every row scored exactly once, across restarts
/// and beside other processes. With <see cref="ShadowSettings.AutoPromote"/> it also lets the shadow policy promote a
/// shadow that has shown it is better. A model whose shadow cannot be loaded is logged once and retried after the
/// scheduler's backoff.
/// </summary>
public sealed class ShadowScorer(WorkspaceHost host, IOptions<ServerOptions> options, TimeProvider time, ILogger<ShadowScorer> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _failing = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _reviewed = new(StringComparer.Ordinal);
    private readonly PassGuard _guard = new(logger, "Shadow scoring (listing the shadows)");

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Loop(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private async Task Loop(CancellationToken stoppingToken)
    {
        var settings = options.Value.Shadow;
        if (!BackgroundPriority.Lower(settings.Nice))
        {
            logger.LogDebug("Could not lower the priority of the shadow scoring thread; it runs at normal priority.");
        }

        using var timer = new PeriodicTimer(settings.Poll, time);
        try
        {
            do
            {
                // A backlog larger than one pass is scored pass after pass, not one pass a poll: at one pass a second
                // the shadow could never score more than RowsPerPoll rows a second, so under heavier ingestion it fell
                // behind without bound. The thread's lowered priority still gives ingestion the cores first.
                var more = true;
                while (more && _guard.Run(() => more = Pass(stoppingToken), stoppingToken))
                {
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// One pass over every model with a shadow: score its backlog (at most <see cref="ShadowSettings.RowsPerPoll"/>
    /// rows a model, so one model's backlog does not hold up the others), then, when due, the policy's review. True
    /// when a model scored that many rows and may have more waiting.
    /// </summary>
    internal bool Pass(CancellationToken stoppingToken)
    {
        var settings = options.Value.Shadow;
        var more = false;
        foreach (var shadow in host.Workspace.Store.ListShadows())
        {
            stoppingToken.ThrowIfCancellationRequested();
            var model = shadow.Model;
            var now = time.GetUtcNow();
            if (_failing.TryGetValue(model, out var retryAt) && now < retryAt)
            {
                continue;
            }

            try
            {
                var progress = host.Monitor.ScoreShadow(model, settings.RowsPerPoll, stoppingToken);
                more |= progress is { Scored: var scored, Raced: false } && scored >= settings.RowsPerPoll;
                if (progress is { Unscored: > 0 })
                {
                    logger.LogInformation("Shadow v{Version} of {Model} could not score {Unscored} of {Scored} rows (stored without a prediction).",
                        progress.Version, model, progress.Unscored, progress.Scored);
                }

                if (settings.AutoPromote && (!_reviewed.TryGetValue(model, out var last) || now - last >= settings.ReviewEvery))
                {
                    _reviewed[model] = now;
                    if (host.Monitor.ReviewShadow(model, "server:shadow-policy") is { Promoted: { } promoted } review)
                    {
                        host.ForgetChampion(model);
                        Metrics.VigilMetrics.CountPromotion(model, "shadow");
                        logger.LogInformation("Shadow v{Version} of {Model} promoted by policy: {Summary}", promoted.Version, model, review.Decision.Summary);
                    }
                }

                if (_failing.TryRemove(model, out _))
                {
                    logger.LogInformation("The shadow of {Model} scores again.", model);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                var next = now + options.Value.Scheduler.FailureBackoff;
                if (_failing.TryAdd(model, next))
                {
                    logger.LogWarning(e, "Scoring with the shadow of {Model} failed; retrying quietly every {Backoff}.", model, options.Value.Scheduler.FailureBackoff);
                }
                else
                {
                    _failing[model] = next;
                }
            }
        }

        return more;
    }
}
