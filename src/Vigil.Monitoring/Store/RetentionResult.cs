namespace Vigil.Monitoring.Store;

/// <summary>
/// What one retention pass deleted: raw prediction rows older than the cutoff that a stored check covers, and labels
/// that waited longer than the cutoff for a prediction that never came. <paramref name="Kept"/> counts rows older
/// than the cutoff that no stored check covers yet (they stay until one does).
/// </summary>
public sealed record RetentionResult(string Model, DateTimeOffset Cutoff, long DeletedPredictions, long DeletedPendingLabels, long Kept);
