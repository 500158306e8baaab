namespace Vigil.Monitoring.Store;

/// <summary>A stored prediction with its label when one has been joined.</summary>
/// <param name="Timestamp">When the row was scored (UTC).</param>
/// <param name="Features">Feature values as read back from JSON: double, string, bool or null.</param>
/// <param name="Label">The joined label, or null when none has arrived.</param>
/// <param name="LabelObservedAt">The label's <see cref="LabelRecord.ObservedAt"/> (UTC), if given.</param>
public sealed record LoggedRow(
    string Id,
    DateTimeOffset Timestamp,
    IReadOnlyDictionary<string, object?> Features,
    string Prediction,
    double? Score,
    string? Label,
    int? ModelVersion,
    DateTimeOffset? LabelObservedAt = null);
