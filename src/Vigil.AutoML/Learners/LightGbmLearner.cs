using Vigil.AutoML.SearchSpaces;

namespace Vigil.AutoML.Learners;

/// <summary>LightGBM gradient boosting. Space follows FLAML's lgbm space.</summary>
internal class LightGbmLearner : Learner
{
    /// <summary>LightGBM's extra_trees: split thresholds drawn at random (see <see cref="ExtraTreesLearner"/>).</summary>
    protected virtual bool RandomSplits => false;

    /// <summary>True when leaves hold linear models (<see cref="LinearTreeLearner"/>): the dataset must keep raw values.</summary>
    internal virtual bool LinearTrees => false;

    /// <summary>Cap on LightGBM's histogram cache per trainer, in MB.</summary>
    internal const int HistogramPoolMegabytes = 512;

    public override string Name => "lgbm";

    public override double RelativeCost => 1;

    /// <summary>
    /// LightGBM takes NaN and learns, per split, which side missing values go to. Its models are scored by LightGBM
    /// itself (<see cref="Bundles.LightGbmModel"/>): ML.NET's scorer for LightGBM models did not follow those directions
    /// (on NativeTrialTests' data, where a missing value adds 3 to the target, it predicted 3.7 for a row the booster
    /// scores 6.9), which is why LightGBM got imputed features while its models were ML.NET's.
    /// </summary>
    public override bool NeedsImputation => false;

    public override SearchSpace CreateSearchSpace(AutoMLTask task, int rows) => new([
        new Hyperparameter("n_estimators", 4, Cap(rows, 32768), 4, LogScale: true, IsInteger: true),
        new Hyperparameter("num_leaves", 4, Cap(rows, 32768), 4, LogScale: true, IsInteger: true),
        new Hyperparameter("min_child_samples", 2, 129, 20, LogScale: true, IsInteger: true),
        new Hyperparameter("learning_rate", 1.0 / 1024, 1.0, 0.1, LogScale: true, IsInteger: false),
        // No log_max_bin: bins are fixed at MaxBinCount (see there and docs/automl.md).
        new Hyperparameter("colsample_bytree", 0.01, 1.0, 1.0, LogScale: false, IsInteger: false),
        new Hyperparameter("reg_alpha", 1.0 / 1024, 1024, 1.0 / 1024, LogScale: true, IsInteger: false),
        new Hyperparameter("reg_lambda", 1.0 / 1024, 1024, 1.0, LogScale: true, IsInteger: false),
    ]);

    /// <summary>With early stopping on, trials with fewer searched rounds still run them all.</summary>
    internal const int MinRoundsToStopEarly = 100;

    /// <summary>
    /// Patience of early stopping: a tenth of the searched rounds, at least 10 and at most 50 (the validation loss is
    /// read after every round; a trial stops once it has not improved for this many).
    /// </summary>
    internal static int Patience(IReadOnlyDictionary<string, double> config) => Math.Clamp(Rounds(config) / 10, 10, 50);

    internal static int Rounds(IReadOnlyDictionary<string, double> config) => Int(config, "n_estimators");

    /// <summary>
    /// Bins per feature (at most; wide data gets fewer, see <see cref="Native.DatasetCache.BinBudget"/>), fixed rather than searched (FLAML searches log2 of it from 3 to 11, starting at 8). Early
    /// trials of a few small trees cannot tell bin counts apart and drifted to 127–255, where the local search left
    /// them; large models need the fine thresholds (elec: the same 88-tree, 3 400-leaf configuration scores test ROC
    /// AUC 0.904 at 127 bins, 0.905 at 255 and 0.910 at 1023). A feature with fewer distinct values gets fewer bins anyway.
    /// </summary>
    internal const int MaxBinCount = 1023;

    /// <summary>
    /// The booster parameters of a configuration for LightGBM's C API, used by trials and refits alike (so a trial
    /// measures the model the bundle ships). LightGBM keeps one histogram per leaf (features × bins × 16 bytes) with no
    /// limit by default, gigabytes on wide data at 1023 bins and thousands of leaves; past the cap it recomputes evicted
    /// histograms (same model, somewhat slower).
    /// </summary>
    /// <param name="maxBin">Bins per feature of the dataset trained on (<see cref="Native.DatasetCache.Bins"/>).</param>
    internal string NativeParameters(IReadOnlyDictionary<string, double> config, TrainerSettings settings, int maxBin)
    {
        var objective = settings.Task switch
        {
            AutoMLTask.Binary => "objective=binary sigmoid=1 metric=binary_logloss",
            AutoMLTask.Multiclass => $"objective=multiclass num_class={settings.ClassCount} metric=multi_logloss",
            _ => "objective=regression metric=l2",
        };
        return string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"boosting=gbdt {objective} {TreeParameters(config)} learning_rate={config["learning_rate"]:R} " +
            $"lambda_l1={config["reg_alpha"]:R} lambda_l2={config["reg_lambda"]:R} min_gain_to_split=0 max_bin={maxBin} " +
            $"histogram_pool_size={HistogramPoolMegabytes} extra_trees={(RandomSplits ? "true" : "false")} " +
            $"deterministic=true seed={settings.Seed} num_threads={settings.Threads} verbose=-1");
    }

    /// <summary>How trees grow and which rows and columns each sees: leaf-wise up to num_leaves, all rows, a column share per tree.</summary>
    protected virtual string TreeParameters(IReadOnlyDictionary<string, double> config) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"num_leaves={Int(config, "num_leaves")} max_depth=-1 min_data_in_leaf={Int(config, "min_child_samples")} " +
        $"min_sum_hessian_in_leaf={MinChildWeight:R} feature_fraction={config["colsample_bytree"]:R} bagging_fraction=1 bagging_freq=0");

    /// <summary>LightGBM's own min_sum_hessian_in_leaf default (ML.NET's is 0.1, which stunts leaves under softmax/logistic hessians).</summary>
    private const double MinChildWeight = 1e-3;
}
