namespace Vigil.Monitoring.Store;

/// <summary>A delayed outcome for a prediction.</summary>
/// <param name="Id">The id of the prediction it belongs to (which may not have arrived yet).</param>
/// <param name="Label">The true label or value, as text.</param>
/// <param name="ObservedAt">When the outcome happened in the world, if known (stored as UTC).</param>
public sealed record LabelRecord(string Id, string Label, DateTimeOffset? ObservedAt);
