using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Monitoring.Streams;
using Vigil.Server.Api;

namespace Vigil.Server.Scheduling;

/// <summary>
/// Feeds a model's new rows and labels to its online change detectors (on the scheduler's loop, every poll) and logs
/// what they find. A model whose streams cannot be read (e.g. its champion's files are damaged) is logged once and
/// tried again after the scheduler's <see cref="SchedulerOptions.FailureBackoff"/>, not at every poll.
/// </summary>
public sealed class StreamWatcher(WorkspaceHost host, IOptions<ServerOptions> settings, TimeProvider time, ILogger<StreamWatcher> logger)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _failing = new(StringComparer.Ordinal);

    /// <summary>Reads the model's streams; true when a change was found on a stream that is a retrain reason.</summary>
    public bool Watch(string model, CancellationToken cancellationToken)
    {
        var options = host.Monitor.Options.Streams;
        if (!options.Enabled)
        {
            return false;
        }

        var now = time.GetUtcNow();
        if (_failing.TryGetValue(model, out var retryAt) && now < retryAt)
        {
            return false;
        }

        StreamUpdate update;
        try
        {
            update = host.Monitor.WatchStreams(model, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var next = now + settings.Value.Scheduler.FailureBackoff;
            if (_failing.TryAdd(model, next))
            {
                logger.LogWarning(e, "Feeding the change detectors of {Model} failed; retrying quietly every {Backoff}.", model, settings.Value.Scheduler.FailureBackoff);
            }
            else
            {
                _failing[model] = next;
            }

            return false;
        }

        if (_failing.TryRemove(model, out _))
        {
            logger.LogInformation("The change detectors of {Model} read their streams again.", model);
        }

        foreach (var d in update.Detections)
        {
            logger.LogInformation("Stream {Kind} for {Model} v{Version}: {Detail} (row {Row}, observation {Observation}).",
                d.Kind, model, d.ModelVersion, d.Detail, d.PredictionId, d.Observation);
        }

        return update.Detections.Any(d => d.Kind == StreamDetection.Change && options.RetrainsOn(d.Stream));
    }
}
