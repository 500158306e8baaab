namespace Vigil.Monitoring.Store;

/// <summary>What one <see cref="IMonitoringStore.LogLabels"/> call did. The three counts add up to the batch size.</summary>
/// <param name="Joined">Labels joined to a stored prediction.</param>
/// <param name="Pending">Labels whose prediction has not arrived; kept and joined when it does.</param>
/// <param name="Duplicates">Labels ignored because the id already had a label (joined or pending): the first label wins.</param>
public sealed record LabelResult(int Joined, int Pending, int Duplicates);
