namespace Vigil.Monitoring.Streams;

/// <summary>What one pass over a model's streams did.</summary>
/// <param name="Read">Values fed to the detectors, per stream.</param>
/// <param name="Skipped">Rows passed over: another model version's, or without a usable value (no label yet cannot happen; an unparsable regression value can).</param>
/// <param name="Detections">The detections stored by this pass, oldest first.</param>
public sealed record StreamUpdate(IReadOnlyDictionary<StreamKind, long> Read, long Skipped, IReadOnlyList<StreamDetection> Detections)
{
    /// <summary>True when a change (not just a warning) was stored.</summary>
    public bool AnyChange => Detections.Any(d => d.Kind == StreamDetection.Change);
}
