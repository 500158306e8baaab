using Microsoft.Extensions.Logging;

namespace Vigil.Server.Scheduling;

/// <summary>
/// Runs one pass of a background loop so that a failure ends the pass, never the loop: an exception that leaves a
/// <c>BackgroundService</c> stops the whole host, so a store that is down for a moment (a PostgreSQL restart, a
/// network cut) would otherwise take the service down with it. A failure that repeats at every poll — the store
/// still down — is logged once, and the pass that works again says so.
/// </summary>
internal sealed class PassGuard(ILogger logger, string work)
{
    private bool _failing;

    /// <summary>True while the passes fail (from the first failure to the next pass that works).</summary>
    public bool Failing => _failing;

    /// <summary>Runs <paramref name="pass"/>; false when it failed (logged) and the loop should go on to its next poll.</summary>
    public async Task<bool> RunAsync(Func<Task> pass, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(pass);
        try
        {
            await pass().ConfigureAwait(false);
        }
        catch (Exception e) when (!(e is OperationCanceledException && stoppingToken.IsCancellationRequested) && e is not OutOfMemoryException)
        {
            if (!_failing)
            {
                _failing = true;
                logger.LogWarning(e, "{Work} failed; it is tried again at every poll, and logged again once it works.", work);
            }

            return false;
        }

        if (_failing)
        {
            _failing = false;
            logger.LogInformation("{Work} works again.", work);
        }

        return true;
    }

    /// <summary>The synchronous form of <see cref="RunAsync"/>.</summary>
    public bool Run(Action pass, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(pass);
        return RunAsync(() =>
        {
            pass();
            return Task.CompletedTask;
        }, stoppingToken).GetAwaiter().GetResult();
    }
}
