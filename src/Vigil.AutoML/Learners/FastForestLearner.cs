using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Vigil.AutoML.SearchSpaces;

namespace Vigil.AutoML.Learners;

/// <summary>
/// ML.NET FastForest (random forest). Binary scores are Platt-calibrated into probabilities; multiclass goes
/// through one-versus-all. Gets imputed features. Space follows FLAML's rf space (trees, leaves, feature fraction).
/// </summary>
internal sealed class FastForestLearner : MlNetLearner
{
    public override string Name => "rf";

    public override double RelativeCost => 2;

    public override bool NeedsImputation => true;

    public override bool TrainsOneModelPerClass => true;

    public override SearchSpace CreateSearchSpace(AutoMLTask task, int rows) => new([
        new Hyperparameter("n_estimators", 4, Cap(rows, 2048), 4, LogScale: true, IsInteger: true),
        new Hyperparameter("num_leaves", 4, Cap(rows, 32768), 4, LogScale: true, IsInteger: true),
        new Hyperparameter("min_child_samples", 1, 64, 2, LogScale: true, IsInteger: true),
        new Hyperparameter("max_features", 0.1, 1.0, 1.0, LogScale: false, IsInteger: false),
    ]);

    internal override IEstimator<ITransformer> CreateEstimator(MLContext ml, IReadOnlyDictionary<string, double> config, TrainerSettings settings)
    {
        var trees = Int(config, "n_estimators");
        var leaves = Int(config, "num_leaves");
        var minLeaf = Int(config, "min_child_samples");
        var ff = config["max_features"];
        FastForestBinaryTrainer.Options Binary() => new()
        {
            NumberOfTrees = trees,
            NumberOfLeaves = leaves,
            MinimumExampleCountPerLeaf = minLeaf,
            FeatureFraction = ff,
            NumberOfThreads = settings.Threads,
            Seed = settings.Seed,
        };
        return settings.Task switch
        {
            AutoMLTask.Binary => ml.BinaryClassification.Trainers.FastForest(Binary())
                .Append(ml.BinaryClassification.Calibrators.Platt()),
            AutoMLTask.Multiclass => ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.FastForest(Binary())),
            _ => ml.Regression.Trainers.FastForest(new FastForestRegressionTrainer.Options
            {
                NumberOfTrees = trees,
                NumberOfLeaves = leaves,
                MinimumExampleCountPerLeaf = minLeaf,
                FeatureFraction = ff,
                NumberOfThreads = settings.Threads,
                Seed = settings.Seed,
            }),
        };
    }
}
