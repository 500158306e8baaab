namespace Vigil.Replay;

/// <summary>One replayed batch of one strategy (serialised in snake_case).</summary>
/// <param name="Index">0-based index among the replayed batches.</param>
/// <param name="Rows">Rows in the batch.</param>
/// <param name="Accuracy">The champion's accuracy on the batch's labelled rows (NaN when none).</param>
/// <param name="RocAuc">ROC AUC on the batch (binary labels with both classes present; else null).</param>
/// <param name="ModelVersion">The version that scored the batch.</param>
/// <param name="Retrained">A retrain ran after the batch's labels were revealed.</param>
/// <param name="Promoted">That retrain's model became champion (it scores the next batch).</param>
/// <param name="TrainingSeconds">Wall time of the retrain (0 without one).</param>
/// <param name="Reason">The strategy's reason for its decision.</param>
/// <param name="End">Simulated end of the batch.</param>
public sealed record ReplayBatch(int Index, int Rows, double Accuracy, double? RocAuc, int ModelVersion, bool Retrained,
    bool Promoted, double TrainingSeconds, string Reason, DateTimeOffset End);
