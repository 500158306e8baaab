using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Monitoring.Store;
using Vigil.Server.Api;

namespace Vigil.Server.Scheduling;

/// <summary>
/// Deletes raw prediction rows past <see cref="RetentionOptions.MaxAge"/> in the background, model by model, once a
/// stored check covers them (<see cref="IMonitoringStore.DeleteExpiredPredictions"/>). Checks, decisions, registry
/// events and profiles are never deleted. Deletes are idempotent, so several nodes over one store may each run it.
/// </summary>
internal sealed class RetentionService(WorkspaceHost host, IOptions<ServerOptions> options, TimeProvider time, ILogger<RetentionService> logger)
    : BackgroundService
{
    private readonly PassGuard _guard = new(logger, "The retention pass");

    /// <summary>Wait before the first pass, so a starting server serves first.</summary>
    public static readonly TimeSpan FirstPassDelay = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Retention;
        if (!settings.Enabled)
        {
            logger.LogInformation("Retention off (Vigil:Retention:Enabled=false): raw prediction rows are kept forever.");
            return;
        }

        await Task.Delay(FirstPassDelay, time, stoppingToken);
        using var timer = new PeriodicTimer(settings.Interval, time);
        do
        {
            await _guard.RunAsync(() => Task.Run(() => Pass(stoppingToken), stoppingToken), stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass over every model; one model's failure is logged and does not stop the others.</summary>
    internal IReadOnlyList<RetentionResult> Pass(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.Retention.MaxAge;
        var results = new List<RetentionResult>();
        foreach (var model in host.Workspace.Registry.ListModels())
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var result = host.Workspace.Store.DeleteExpiredPredictions(model, cutoff, cancellationToken);
                results.Add(result);
                if (result.DeletedPredictions > 0 || result.DeletedPendingLabels > 0)
                {
                    logger.LogInformation(
                        "Retention for {Model}: deleted {Rows} prediction rows and {Labels} waiting labels before {Cutoff:O}; {Kept} older rows wait for a check.",
                        model, result.DeletedPredictions, result.DeletedPendingLabels, cutoff, result.Kept);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Retention pass over {Model} failed; it is tried again at the next pass.", model);
            }
        }

        return results;
    }
}
