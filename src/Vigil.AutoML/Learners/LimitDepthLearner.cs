using System.Globalization;
using Vigil.AutoML.SearchSpaces;

namespace Vigil.AutoML.Learners;

/// <summary>
/// LightGBM with depth-limited trees, Vigil's counterpart of FLAML's xgb_limitdepth (XGBoost is not available to
/// .NET here). Where lgbm grows leaf-wise to a leaf count and never tries trees shallower than its 4-leaf floor, this
/// learner searches the depth itself, from stumps (an additive model of the features) up, with XGBoost's row and
/// column subsampling. Opt-in (<see cref="Learner.Defaults"/> says why). Space follows FLAML's: its xgboost space
/// without max_leaves, plus max_depth.
/// </summary>
internal sealed class LimitDepthLearner : LightGbmLearner
{
    public override string Name => "lgbm_limitdepth";

    // Trials cost about what lgbm's do; 2 makes ECI try lgbm and xt first (FLAML rates xgb_limitdepth at 64 × lgbm,
    // a measure of XGBoost's speed in Python, not of this learner's).
    public override double RelativeCost => 2;

    /// <summary>
    /// FLAML's bound: depth 1 to min(max(6, log2 rows), 16) − 1 (deeper trees than the rows can fill only overfit).
    /// The search starts at FLAML's low-cost values (4 stumps) with lgbm's learning rate 0.1, not at FLAML's initial
    /// point (10 trees of depth 6, rate 0.3): from there, on diabetes at 30 s, the local search stayed at depth 6 and
    /// 9 trees (CV R² 0.455, test 0.338 for seed 1); from stumps it found additive models (CV R² 0.480, test 0.475).
    /// </summary>
    public override SearchSpace CreateSearchSpace(AutoMLTask task, int rows) => new([
        new Hyperparameter("n_estimators", 4, Cap(rows, 32768), 4, LogScale: true, IsInteger: true),
        new Hyperparameter("max_depth", 1, MaxDepth(rows), 1, LogScale: false, IsInteger: true),
        new Hyperparameter("min_child_weight", 0.001, 128, 1, LogScale: true, IsInteger: false),
        new Hyperparameter("learning_rate", 1.0 / 1024, 1.0, 0.1, LogScale: true, IsInteger: false),
        new Hyperparameter("subsample", 0.1, 1.0, 1.0, LogScale: false, IsInteger: false),
        new Hyperparameter("colsample_bylevel", 0.01, 1.0, 1.0, LogScale: false, IsInteger: false),
        new Hyperparameter("colsample_bytree", 0.01, 1.0, 1.0, LogScale: false, IsInteger: false),
        new Hyperparameter("reg_alpha", 1.0 / 1024, 1024, 1.0 / 1024, LogScale: true, IsInteger: false),
        new Hyperparameter("reg_lambda", 1.0 / 1024, 1024, 1.0, LogScale: true, IsInteger: false),
    ]);

    internal static int MaxDepth(int rows) => Math.Min(Math.Max(6, (int)Math.Log2(Math.Max(rows, 2))), 16) - 1;

    /// <summary>
    /// Trees as XGBoost's depth-wise ones: at most 2^depth leaves down to max_depth, leaves bounded by hessian weight
    /// (min_child_weight; one row per leaf allowed, as in XGBoost), rows bagged afresh for every tree when subsample is
    /// below 1, columns sampled per tree and again per node (XGBoost samples per level; LightGBM offers per node).
    /// </summary>
    protected override string TreeParameters(IReadOnlyDictionary<string, double> config)
    {
        var depth = Int(config, "max_depth");
        var subsample = config["subsample"];
        return string.Create(
            CultureInfo.InvariantCulture,
            $"num_leaves={1 << depth} max_depth={depth} min_data_in_leaf=1 " +
            $"min_sum_hessian_in_leaf={config["min_child_weight"]:R} feature_fraction={config["colsample_bytree"]:R} " +
            $"feature_fraction_bynode={config["colsample_bylevel"]:R} " +
            $"bagging_fraction={subsample:R} bagging_freq={(subsample < 1 ? 1 : 0)}");
    }
}
