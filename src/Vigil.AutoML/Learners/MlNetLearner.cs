using Microsoft.ML;

namespace Vigil.AutoML.Learners;

/// <summary>A learner trained through ML.NET: a configuration becomes an estimator (featurized rows in, model out).</summary>
public abstract class MlNetLearner : Learner
{
    internal abstract IEstimator<ITransformer> CreateEstimator(MLContext ml, IReadOnlyDictionary<string, double> config, TrainerSettings settings);
}
