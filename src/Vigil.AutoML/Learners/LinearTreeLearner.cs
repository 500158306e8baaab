using System.Globalization;
using Vigil.AutoML.SearchSpaces;

namespace Vigil.AutoML.Learners;

/// <summary>
/// LightGBM with linear trees (linear_tree = true; Shi et al., "Gradient Boosting with Piece-Wise Linear Regression
/// Trees", IJCAI'19): every leaf holds a ridge regression on the numeric features its branch split on, instead of a
/// constant. On small data where a linear model and trees each capture part of the signal, one such model captures
/// both. FLAML has no counterpart. Same space as lgbm plus linear_lambda, the ridge penalty of the leaf models.
/// LightGBM keeps each feature's raw values in the dataset for these fits, so a run that uses this learner bins its
/// rows with raw values kept (<see cref="Native.DatasetCache"/>). A leaf model falls back to the leaf's constant for a
/// row with a missing value among its features.
/// </summary>
internal sealed class LinearTreeLearner : LightGbmLearner
{
    public override string Name => "lgbm_linear";

    // A leaf's regression costs more than a constant; 2 (as lgbm_limitdepth) makes ECI try lgbm and xt first.
    public override double RelativeCost => 2;

    internal override bool LinearTrees => true;

    /// <summary>
    /// lgbm's space plus linear_lambda from 1/1024 (close to LightGBM's default of 0, no penalty) to 1024. Features are
    /// not scaled, so the penalty a dataset needs depends on its units: log scale over six decades.
    /// </summary>
    public override SearchSpace CreateSearchSpace(AutoMLTask task, int rows) =>
        new([.. base.CreateSearchSpace(task, rows).Parameters, new Hyperparameter("linear_lambda", 1.0 / 1024, 1024, 1.0 / 1024, LogScale: true, IsInteger: false)]);

    protected override string TreeParameters(IReadOnlyDictionary<string, double> config) =>
        base.TreeParameters(config) + string.Create(CultureInfo.InvariantCulture, $" linear_tree=true linear_lambda={config["linear_lambda"]:R}");
}
