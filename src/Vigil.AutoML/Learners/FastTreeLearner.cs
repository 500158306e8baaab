using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Vigil.AutoML.SearchSpaces;

namespace Vigil.AutoML.Learners;

/// <summary>ML.NET FastTree (MART) boosting; multiclass through one-versus-all. Gets imputed features.</summary>
internal sealed class FastTreeLearner : MlNetLearner
{
    public override string Name => "fasttree";

    public override double RelativeCost => 3;

    public override bool NeedsImputation => true;

    public override bool TrainsOneModelPerClass => true;

    public override SearchSpace CreateSearchSpace(AutoMLTask task, int rows) => new([
        new Hyperparameter("n_estimators", 4, Cap(rows, 4096), 4, LogScale: true, IsInteger: true),
        new Hyperparameter("num_leaves", 4, Cap(rows, 1024), 4, LogScale: true, IsInteger: true),
        new Hyperparameter("min_child_samples", 2, 129, 20, LogScale: true, IsInteger: true),
        new Hyperparameter("learning_rate", 1.0 / 1024, 1.0, 0.1, LogScale: true, IsInteger: false),
        new Hyperparameter("log_max_bin", 3, 11, 8, LogScale: false, IsInteger: true),
        new Hyperparameter("colsample_bytree", 0.1, 1.0, 1.0, LogScale: false, IsInteger: false),
    ]);

    internal override IEstimator<ITransformer> CreateEstimator(MLContext ml, IReadOnlyDictionary<string, double> config, TrainerSettings settings)
    {
        var trees = Int(config, "n_estimators");
        var leaves = Int(config, "num_leaves");
        var minLeaf = Int(config, "min_child_samples");
        var lr = config["learning_rate"];
        var bins = (1 << Int(config, "log_max_bin")) - 1;
        var ff = config["colsample_bytree"];
        FastTreeBinaryTrainer.Options Binary() => new()
        {
            NumberOfTrees = trees,
            NumberOfLeaves = leaves,
            MinimumExampleCountPerLeaf = minLeaf,
            LearningRate = lr,
            MaximumBinCountPerFeature = bins,
            FeatureFraction = ff,
            NumberOfThreads = settings.Threads,
            Seed = settings.Seed,
        };
        return settings.Task switch
        {
            AutoMLTask.Binary => ml.BinaryClassification.Trainers.FastTree(Binary()),
            AutoMLTask.Multiclass => ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.FastTree(Binary())),
            _ => ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
            {
                NumberOfTrees = trees,
                NumberOfLeaves = leaves,
                MinimumExampleCountPerLeaf = minLeaf,
                LearningRate = lr,
                MaximumBinCountPerFeature = bins,
                FeatureFraction = ff,
                NumberOfThreads = settings.Threads,
                Seed = settings.Seed,
            }),
        };
    }
}
