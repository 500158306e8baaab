using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Cluster;
using Vigil.Cluster.Models;
using Vigil.Server.Api;

namespace Vigil.Server.Cluster;

/// <summary>
/// Tells the model grains what this node stored: every <see cref="ClusterSettings.ReportEvery"/> one call per model
/// with the rows committed since the last report (whatever the number of requests), and every
/// <see cref="ClusterSettings.WakeEvery"/> a wake-up to the grain of every registered model, which activates it on a
/// live silo after its silo died. A report that fails is sent again with the next one.
/// </summary>
internal sealed class RowReporter(IGrainFactory grains, IngestWriter writer, WorkspaceHost host, ClusterSettings settings, ILogger<RowReporter> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<string, long> _sent = new(StringComparer.Ordinal);

    /// <summary>Rows of <paramref name="model"/> this node committed and has not sent yet.</summary>
    private long Unsent(string model) => writer.InsertedSinceStart(model) - _sent.GetValueOrDefault(model);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.ReportEvery);
        var nextWake = 0L;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await Report();
                if (Environment.TickCount64 >= nextWake)
                {
                    nextWake = Environment.TickCount64 + (long)settings.WakeEvery.TotalMilliseconds;
                    await WakeAll();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await Report(); // what the last requests committed before the stop
    }

    private async Task Report()
    {
        var calls = new List<Task>();
        foreach (var model in writer.InsertedModels)
        {
            var unsent = Unsent(model);
            if (unsent > 0)
            {
                _sent.AddOrUpdate(model, unsent, (_, n) => n + unsent); // counted as sent before the call (see Unsent)
                calls.Add(Send(model, unsent));
            }
        }

        await Task.WhenAll(calls);
    }

    private async Task Send(string model, long rows)
    {
        try
        {
            await grains.GetGrain<IModelGrain>(model).RowsCommitted(rows);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _sent.AddOrUpdate(model, 0, (_, n) => n - rows); // not delivered: the next report sends them again
            logger.LogDebug(e, "Reporting {Rows} rows of {Model} failed; they go with the next report.", rows, model);
        }
    }

    private async Task WakeAll()
    {
        IReadOnlyList<string> models;
        try
        {
            models = host.Workspace.Registry.ListModels();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Could not list the models to wake their grains.");
            return;
        }

        await Task.WhenAll(models.Select(async model =>
        {
            try
            {
                await grains.GetGrain<IModelGrain>(model).Wake();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                logger.LogDebug(e, "Waking the grain of {Model} failed; tried again with the next wake-up.", model);
            }
        }));
    }
}
