namespace Vigil.Replay;

/// <summary>Where one strategy's replay stands after a batch.</summary>
/// <param name="Strategy">The strategy's name.</param>
/// <param name="BatchesDone">Batches replayed so far (1-based count).</param>
/// <param name="BatchCount">Batches to replay in all.</param>
/// <param name="MeanAccuracy">Mean batch accuracy so far.</param>
/// <param name="Retrains">Retrains so far.</param>
/// <param name="Promotions">New champions so far.</param>
public sealed record ReplayProgress(string Strategy, int BatchesDone, int BatchCount, double MeanAccuracy, int Retrains, int Promotions);
