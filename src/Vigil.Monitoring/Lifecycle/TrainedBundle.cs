using Vigil.AutoML;
using Vigil.Monitoring.Profiles;

namespace Vigil.Monitoring.Lifecycle;

/// <summary>A model trained into a bundle folder that can be registered later: the search that found it and its profile.</summary>
/// <param name="Folder">The bundle folder (model, profile.json, training.csv).</param>
/// <param name="Search">The AutoML result (trials, best per learner).</param>
/// <param name="Profile">The reference profile written into the bundle, with the holdout baseline.</param>
public sealed record TrainedBundle(string Folder, AutoMLResult Search, ReferenceProfile Profile)
{
    /// <summary>The performance estimator fitted on the holdout and stored with the model; null when it cannot be estimated.</summary>
    public Vigil.Monitoring.Estimation.PerformanceEstimator? Estimator { get; init; }
}
