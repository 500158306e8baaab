using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;
using Vigil.AutoML.SearchSpaces;

namespace Vigil.AutoML.Learners;

/// <summary>LightGBM gradient boosting; takes NaN natively. Space follows FLAML's lgbm space.</summary>
internal class LightGbmLearner : Learner
{
    /// <summary>LightGBM's extra_trees: split thresholds drawn at random (see <see cref="ExtraTreesLearner"/>).</summary>
    protected virtual bool RandomSplits => false;

    /// <summary>Cap on LightGBM's histogram cache per trainer, in MB.</summary>
    internal const int HistogramPoolMegabytes = 512;

    public override string Name => "lgbm";

    public override double RelativeCost => 1;

    public override bool NeedsImputation => false;

    public override SearchSpace CreateSearchSpace(AutoMLTask task, int rows) => new([
        new Hyperparameter("n_estimators", 4, Cap(rows, 32768), 4, LogScale: true, IsInteger: true),
        new Hyperparameter("num_leaves", 4, Cap(rows, 32768), 4, LogScale: true, IsInteger: true),
        new Hyperparameter("min_child_samples", 2, 129, 20, LogScale: true, IsInteger: true),
        new Hyperparameter("learning_rate", 1.0 / 1024, 1.0, 0.1, LogScale: true, IsInteger: false),
        // Starts at 1023 bins, not FLAML's 255: see docs/automl.md (fine thresholds on continuous features; the local
        // search rarely climbs back once early few-tree trials have drifted towards coarse bins).
        new Hyperparameter("log_max_bin", 3, 11, 10, LogScale: false, IsInteger: true),
        new Hyperparameter("colsample_bytree", 0.01, 1.0, 1.0, LogScale: false, IsInteger: false),
        new Hyperparameter("reg_alpha", 1.0 / 1024, 1024, 1.0 / 1024, LogScale: true, IsInteger: false),
        new Hyperparameter("reg_lambda", 1.0 / 1024, 1024, 1.0, LogScale: true, IsInteger: false),
    ]);

    internal override IEstimator<ITransformer> CreateEstimator(MLContext ml, IReadOnlyDictionary<string, double> config, TrainerSettings settings) =>
        CreateTrainer(ml, config, settings, earlyStoppingRounds: 0);

    /// <summary>With early stopping on, trials with fewer searched rounds still run them all.</summary>
    internal const int MinRoundsToStopEarly = 100;

    /// <summary>
    /// Patience of early stopping: a tenth of the searched rounds, at least 10 and at most 50 (LightGBM evaluates the
    /// validation loss after every round; a trial stops once it has not improved for this many).
    /// </summary>
    internal static int Patience(IReadOnlyDictionary<string, double> config) => Math.Clamp(Int(config, "n_estimators") / 10, 10, 50);

    internal override (ITransformer Model, int? Rounds) FitWithEarlyStopping(
        MLContext ml, IReadOnlyDictionary<string, double> config, TrainerSettings settings, IDataView train, Func<IDataView> validation)
    {
        var searched = Int(config, "n_estimators");
        if (searched < MinRoundsToStopEarly || settings.Task == AutoMLTask.Multiclass)
        {
            // Too few rounds for stopping to save what the validation data costs (ML.NET converts it too, and the
            // loss is evaluated after every round: on elec at 10 s, stopping every trial early cut the trial count
            // by a third). Multiclass models do not expose their tree count through ML.NET's public API
            // (one-versus-all parameters), so the rounds kept could not be carried to the refit.
            return (CreateEstimator(ml, config, settings).Fit(train), null);
        }

        var trainer = CreateTrainer(ml, config, settings, Patience(config));
        switch (trainer)
        {
            case LightGbmBinaryTrainer binary:
                var b = binary.Fit(train, validation());
                return (b, b.Model.SubModel.TrainedTreeEnsemble.Trees.Count);
            case LightGbmRegressionTrainer regression:
                var r = regression.Fit(train, validation());
                return (r, r.Model.TrainedTreeEnsemble.Trees.Count);
            default:
                return (trainer.Fit(train), null);
        }
    }

    private IEstimator<ITransformer> CreateTrainer(MLContext ml, IReadOnlyDictionary<string, double> config, TrainerSettings settings, int earlyStoppingRounds)
    {
        var booster = new GradientBooster.Options
        {
            FeatureFraction = config["colsample_bytree"],
            L1Regularization = config["reg_alpha"],
            L2Regularization = config["reg_lambda"],
            // LightGBM's own default (ML.NET's is 0.1, which stunts leaves under softmax/logistic hessians).
            MinimumChildWeight = 1e-3,
        };
        var iterations = Int(config, "n_estimators");
        var leaves = Int(config, "num_leaves");
        var minChild = Int(config, "min_child_samples");
        var learningRate = config["learning_rate"];
        var maxBin = (1 << Int(config, "log_max_bin")) - 1;
        IEstimator<ITransformer> trainer = settings.Task switch
        {
            AutoMLTask.Binary => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            {
                NumberOfIterations = iterations,
                NumberOfLeaves = leaves,
                MinimumExampleCountPerLeaf = minChild,
                LearningRate = learningRate,
                MaximumBinCountPerFeature = maxBin,
                Booster = booster,
                Sigmoid = 1.0,
                NumberOfThreads = settings.Threads,
                Seed = settings.Seed,
                Deterministic = true,
                Silent = true,
                HandleMissingValue = true,
                EarlyStoppingRound = earlyStoppingRounds,
            }),
            AutoMLTask.Multiclass => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
            {
                NumberOfIterations = iterations,
                NumberOfLeaves = leaves,
                MinimumExampleCountPerLeaf = minChild,
                LearningRate = learningRate,
                MaximumBinCountPerFeature = maxBin,
                Booster = booster,
                UseSoftmax = true,
                NumberOfThreads = settings.Threads,
                Seed = settings.Seed,
                Deterministic = true,
                Silent = true,
                HandleMissingValue = true,
                EarlyStoppingRound = earlyStoppingRounds,
            }),
            _ => ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
            {
                NumberOfIterations = iterations,
                NumberOfLeaves = leaves,
                MinimumExampleCountPerLeaf = minChild,
                LearningRate = learningRate,
                MaximumBinCountPerFeature = maxBin,
                Booster = booster,
                NumberOfThreads = settings.Threads,
                Seed = settings.Seed,
                Deterministic = true,
                Silent = true,
                HandleMissingValue = true,
                EarlyStoppingRound = earlyStoppingRounds,
            }),
        };
        // LightGBM keeps one histogram per leaf (features × bins × 16 bytes each) with no limit by default: on wide numeric
        // data at 1023 bins and thousands of leaves that is gigabytes. Past the cap it recomputes evicted histograms
        // (same model, somewhat slower).
        LightGbmParameters.Set(trainer, "histogram_pool_size", HistogramPoolMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (RandomSplits)
        {
            LightGbmParameters.Set(trainer, "extra_trees", "true");
        }

        return trainer;
    }
}
