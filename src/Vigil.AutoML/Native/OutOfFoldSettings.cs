using System.Globalization;

namespace Vigil.AutoML.Native;

/// <summary>
/// A small, fixed LightGBM binary classifier fitted fold by fold (<see cref="OutOfFoldClassifier"/>): no search, so its
/// cost is bounded and its result reproducible for the seed.
/// </summary>
public sealed record OutOfFoldSettings
{
    /// <summary>Stratified folds: every row is scored by the model that did not see it. Default 5.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Boosting rounds per fold. Default 40.</summary>
    public int Rounds { get; init; } = 40;

    /// <summary>Leaves per tree. Default 15.</summary>
    public int Leaves { get; init; } = 15;

    /// <summary>Shrinkage per round. Default 0.1.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Fewest rows in a leaf. Default 20.</summary>
    public int MinRowsInLeaf { get; init; } = 20;

    /// <summary>Bins per feature. Default 63 (a coarse histogram is enough to find where two samples differ, and fast).</summary>
    public int MaxBin { get; init; } = 63;

    /// <summary>Folds fitted at once (one LightGBM thread each); 0 = the processor count. Default 0.</summary>
    public int Parallelism { get; init; }

    /// <summary>Seed of the fold assignment and of LightGBM.</summary>
    public int Seed { get; init; } = 17;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Folds, 2, nameof(Folds));
        ArgumentOutOfRangeException.ThrowIfLessThan(Rounds, 1, nameof(Rounds));
        ArgumentOutOfRangeException.ThrowIfLessThan(Leaves, 2, nameof(Leaves));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinRowsInLeaf, 1, nameof(MinRowsInLeaf));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBin, 2, nameof(MaxBin));
        ArgumentOutOfRangeException.ThrowIfNegative(Parallelism, nameof(Parallelism));
        if (!(LearningRate > 0 && LearningRate <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate must lie in (0, 1].");
        }
    }

    internal string DatasetParameters(IReadOnlyList<int> categorical)
    {
        var parameters = string.Create(CultureInfo.InvariantCulture, $"max_bin={MaxBin} feature_pre_filter=false data_random_seed={Seed} num_threads=1 verbose=-1");
        return categorical.Count == 0 ? parameters : parameters + " categorical_feature=" + string.Join(",", categorical.Select(i => i.ToString(CultureInfo.InvariantCulture)));
    }

    internal string BoosterParameters() => string.Create(
        CultureInfo.InvariantCulture,
        $"boosting=gbdt objective=binary metric=binary_logloss num_leaves={Leaves} max_depth=-1 min_data_in_leaf={MinRowsInLeaf} " +
        $"learning_rate={LearningRate:R} feature_fraction=1 bagging_fraction=1 bagging_freq=0 force_row_wise=true " +
        $"deterministic=true seed={Seed} num_threads=1 verbose=-1");
}
