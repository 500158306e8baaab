using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Vigil.Monitoring.Streams;
using Vigil.Server.Api;

namespace Vigil.Server.Scheduling;

/// <summary>
/// Feeds a model's new rows and labels to its online change detectors (on the scheduler's loop, every poll) and logs
/// what they find. A failure is logged once per model until the streams are read again, not every poll.
/// </summary>
public sealed class StreamWatcher(WorkspaceHost host, ILogger<StreamWatcher> logger)
{
    private readonly ConcurrentDictionary<string, bool> _failing = new(StringComparer.Ordinal);

    /// <summary>Reads the model's streams; true when a change was found on a stream that is a retrain reason.</summary>
    public bool Watch(string model, CancellationToken cancellationToken)
    {
        var options = host.Monitor.Options.Streams;
        if (!options.Enabled)
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
            if (_failing.TryAdd(model, true))
            {
                logger.LogWarning(e, "Feeding the change detectors of {Model} failed; the next polls retry quietly.", model);
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
