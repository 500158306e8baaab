using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Server.Api;

namespace Vigil.Server.Scheduling;

/// <summary>
/// Copies a SQLite workspace's write-ahead log into its database file in the background (PASSIVE checkpoints every
/// <see cref="ServerOptions.CheckpointInterval"/>), so the service's one writer never does it inside a commit: with
/// SQLite's default, the commit that crosses 1,000 log pages also copies them and syncs the database file before its
/// request is answered. Commits keep a backstop (<see cref="BackstopPages"/>) so the log stays bounded if this loop
/// falls behind or a long read holds the log. Nothing to do for PostgreSQL.
/// </summary>
internal sealed class WalCheckpointer(WorkspaceHost host, IOptions<ServerOptions> options, TimeProvider time, ILogger<WalCheckpointer> logger)
    : BackgroundService
{
    /// <summary>Log pages past which a commit checkpoints after all (about 16 MB of 4 KiB pages).</summary>
    public const int BackstopPages = 4000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.CheckpointInterval;
        if (interval <= TimeSpan.Zero || !host.Workspace.HandOverCheckpoints(BackstopPages))
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        var warned = false;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                host.Workspace.Checkpoint();
                warned = false;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Commits still checkpoint past the backstop, so a failing pass costs latency, never data.
                if (!warned)
                {
                    logger.LogWarning(e, "Background checkpoint of the workspace failed; commits checkpoint past {Pages} log pages until it succeeds.", BackstopPages);
                    warned = true;
                }
            }
        }
    }
}
