namespace Vigil.AutoML.Native;

/// <summary>
/// Settings of a <see cref="LightGbmRegressor"/>. The defaults are a conservative gradient-boosting setup for a few
/// hundred to a few hundred thousand rows: small trees, a slow learning rate and early stopping, so a noisy target
/// (such as a model's error) is smoothed rather than memorised.
/// </summary>
public sealed record LightGbmRegressorOptions
{
    /// <summary>Most boosting rounds. Default 400.</summary>
    public int MaxRounds { get; init; } = 400;

    /// <summary>Rounds without improvement on the validation fifth before stopping. Default 20.</summary>
    public int Patience { get; init; } = 20;

    /// <summary>Below this many rows no validation fifth is set aside and <see cref="MaxRounds"/> is capped at 100. Default 200.</summary>
    public int MinRowsForEarlyStopping { get; init; } = 200;

    /// <summary>Leaves per tree. Default 15.</summary>
    public int Leaves { get; init; } = 15;

    /// <summary>Rows per leaf at least. Default 20.</summary>
    public int MinRowsInLeaf { get; init; } = 20;

    /// <summary>Shrinkage per round. Default 0.05.</summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>L2 regularisation of leaf values. Default 1.</summary>
    public double L2 { get; init; } = 1;

    /// <summary>Bins per feature at most. Default 255.</summary>
    public int MaxBin { get; init; } = 255;

    /// <summary>Threads LightGBM may use. Default 1: monitoring models are small and run beside other work.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Seed of the validation split and of LightGBM.</summary>
    public int Seed { get; init; }
}
