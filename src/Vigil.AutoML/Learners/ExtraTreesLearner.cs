namespace Vigil.AutoML.Learners;

/// <summary>
/// LightGBM with extra_trees = true: each split threshold is drawn at random per feature (Geurts et al., 2006), which
/// smooths the fit and reduces variance. It stands in for FLAML's extra_tree learner (scikit-learn's ExtraTrees is
/// not in ML.NET) and on small, noisy data it generalises better than exact-split boosting. Same space as lgbm.
/// </summary>
internal sealed class ExtraTreesLearner : LightGbmLearner
{
    public override string Name => "xt";

    // FLAML rates its extra_tree at 1.9 × lgbm. xt trials cost about what lgbm's do; 1.9 only makes ECI try lgbm first.
    public override double RelativeCost => 1.9;

    protected override bool RandomSplits => true;
}
