namespace Vigil.Monitoring.Store;

/// <summary>What one <see cref="IMonitoringStore.LogPredictions"/> call did.</summary>
/// <param name="Inserted">Predictions stored.</param>
/// <param name="Duplicates">Predictions ignored because the model already had (or the batch repeated) their id; the first one stays.</param>
/// <param name="LateLabelsJoined">Labels that had arrived before their prediction and are now joined to it.</param>
public sealed record IngestResult(int Inserted, int Duplicates, int LateLabelsJoined);
