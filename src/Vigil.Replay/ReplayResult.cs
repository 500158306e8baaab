namespace Vigil.Replay;

/// <summary>A whole replay: the stream, the settings, the first model and every strategy's result.</summary>
public sealed record ReplayResult
{
    /// <summary>Where the rows came from (a file name, for the report).</summary>
    public string? Source { get; init; }

    public required string Label { get; init; }

    /// <summary>Rows in the stream after dropping columns.</summary>
    public int Rows { get; init; }

    /// <summary>Feature columns the models saw.</summary>
    public required IReadOnlyList<string> Features { get; init; }

    public IReadOnlyList<string> DroppedColumns { get; init; } = [];

    public int BatchSize { get; init; }

    public int InitialBatches { get; init; }

    public int WindowBatches { get; init; }

    /// <summary>Batches replayed after the initial ones (the last may be partial).</summary>
    public int ReplayedBatches { get; init; }

    public double BatchHours { get; init; }

    /// <summary>AutoML seconds per training (null: unlimited).</summary>
    public double? TimeBudgetSeconds { get; init; }

    public int? MaxTrials { get; init; }

    public int Seed { get; init; }

    /// <summary>The first model (shared by every strategy): its learner, holdout metrics and training time.</summary>
    public required string InitialLearner { get; init; }

    public required IReadOnlyDictionary<string, double> InitialBaseline { get; init; }

    public double InitialTrainingSeconds { get; init; }

    public required IReadOnlyList<ReplayStrategyResult> Strategies { get; init; }

    /// <summary>Wall time of the whole replay.</summary>
    public double WallSeconds { get; init; }
}
