namespace Vigil.Monitoring.Store;

/// <summary>
/// What a shadow made of one logged row: its predicted label (null when it could not score the row), its one-number
/// score (binary: positive-class probability; multiclass: the top probability; regression: null) and, for a multiclass
/// shadow, every class probability in its class order.
/// </summary>
/// <param name="Seq">The logged row (predictions.seq).</param>
public sealed record ShadowScore(long Seq, string? Prediction, double? Score, IReadOnlyList<double>? Probabilities = null);
