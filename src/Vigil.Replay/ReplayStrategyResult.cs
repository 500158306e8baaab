namespace Vigil.Replay;

/// <summary>One strategy's whole replay: the summary figures and the per-batch series.</summary>
public sealed record ReplayStrategyResult
{
    public required string Strategy { get; init; }

    /// <summary>Mean of the batch accuracies (each batch counts once).</summary>
    public double MeanAccuracy { get; init; }

    /// <summary>Mean of the defined batch ROC AUCs; null when none is defined.</summary>
    public double? MeanRocAuc { get; init; }

    /// <summary>Lowest batch accuracy and its batch index.</summary>
    public double WorstAccuracy { get; init; }

    public int WorstBatch { get; init; }

    public int Retrains { get; init; }

    /// <summary>Retrains whose model became champion.</summary>
    public int Promotions { get; init; }

    /// <summary>Wall time spent in retrains (AutoML, evaluation, registration).</summary>
    public double TrainingSeconds { get; init; }

    /// <summary>Wall time of the strategy's whole replay.</summary>
    public double WallSeconds { get; init; }

    public required IReadOnlyList<ReplayBatch> Batches { get; init; }

    internal static ReplayStrategyResult Summarise(string strategy, IReadOnlyList<ReplayBatch> batches, double wallSeconds)
    {
        var accuracies = batches.Where(b => double.IsFinite(b.Accuracy)).ToArray();
        var aucs = batches.Where(b => b.RocAuc is { } a && double.IsFinite(a)).Select(b => b.RocAuc!.Value).ToArray();
        var worst = accuracies.Length == 0 ? null : accuracies.MinBy(b => b.Accuracy);
        return new ReplayStrategyResult
        {
            Strategy = strategy,
            MeanAccuracy = accuracies.Length == 0 ? double.NaN : accuracies.Average(b => b.Accuracy),
            MeanRocAuc = aucs.Length == 0 ? null : aucs.Average(),
            WorstAccuracy = worst?.Accuracy ?? double.NaN,
            WorstBatch = worst?.Index ?? -1,
            Retrains = batches.Count(b => b.Retrained),
            Promotions = batches.Count(b => b.Promoted),
            TrainingSeconds = batches.Sum(b => b.TrainingSeconds),
            WallSeconds = wallSeconds,
            Batches = batches,
        };
    }
}
