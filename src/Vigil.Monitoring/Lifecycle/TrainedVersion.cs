using Vigil.AutoML;
using Vigil.Monitoring.Profiles;
using Vigil.Monitoring.Registry;

namespace Vigil.Monitoring.Lifecycle;

/// <summary>A model version trained and registered: the registry entry, the search that found it and its profile.</summary>
/// <param name="Version">The registered version (champion when it is the model's first).</param>
/// <param name="Search">The AutoML result (trials, best per learner).</param>
/// <param name="Profile">The reference profile saved with the version, with the holdout baseline.</param>
public sealed record TrainedVersion(ModelVersion Version, AutoMLResult Search, ReferenceProfile Profile)
{
    /// <summary>The performance estimator fitted on the holdout and stored with the model; null when it cannot be estimated.</summary>
    public Vigil.Monitoring.Estimation.PerformanceEstimator? Estimator { get; init; }
}
