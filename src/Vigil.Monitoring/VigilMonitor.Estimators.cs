using System.Globalization;
using Vigil.Data.Tables;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Estimation;
using Vigil.Monitoring.Registry;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring;

// A version's performance estimator refitted on labelled production rows (#17): stored in the workspace beside the
// version (the bundle stays content-addressed), used by its checks instead of the bundle's until reset.
public sealed partial class VigilMonitor
{
    /// <summary>Newest labelled rows of the log a refit reads by default.</summary>
    public const int DefaultRefitLogRows = 10_000;

    /// <summary>The estimator <paramref name="model"/>'s version (default the champion) uses, and where it comes from.</summary>
    public VersionEstimator EstimatorOf(string model, int? version = null) => Estimator(VersionOf(model, version));

    /// <summary>
    /// Refits the version's estimator on the labelled rows of <paramref name="data"/> (<paramref name="dataName"/> in
    /// messages and the stored source), scored by the version (an external model: its prediction and score columns),
    /// and stores it; the version's checks use it from now on. <see cref="EstimatorInputException"/> when the rows do
    /// not serve (nothing is stored).
    /// </summary>
    public VersionEstimator RefitEstimator(string model, int? version, Table data, string dataName, string fittedBy = "library", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrEmpty(dataName);
        var target = VersionOf(model, version);
        var (estimator, rows) = EstimatorRefit.FromTable(Load(target).Model, target.Version, data, dataName, seed: 0, _time, cancellationToken);
        return Store(target, estimator, string.Create(CultureInfo.InvariantCulture, $"{rows:N0} labelled rows of {dataName}"), rows, fittedBy);
    }

    /// <summary>
    /// Refits the version's estimator on the <paramref name="rows"/> most recently labelled rows of the log, scored by
    /// the version (an external model: the predictions and scores it logged), and stores it.
    /// </summary>
    public VersionEstimator RefitEstimatorFromLog(string model, int? version = null, int rows = DefaultRefitLogRows, string fittedBy = "library", CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        var target = VersionOf(model, version);
        var (loaded, profile) = Load(target);
        var logged = Workspace.Store.ReadRecentlyLabelled(model, rows);
        if (logged.Count == 0)
        {
            throw new EstimatorInputException(
                $"the log of model '{model}' has no labelled rows; fitting the estimator needs at least {PerformanceEstimator.MinHoldoutRows} (log labels first).");
        }

        var (estimator, used) = EstimatorRefit.FromLog(loaded, target.Version, profile, logged, seed: 0, _time, cancellationToken);
        var from = logged.Min(r => r.Timestamp).UtcDateTime;
        var to = logged.Max(r => r.Timestamp).UtcDateTime;
        return Store(target, estimator, string.Create(CultureInfo.InvariantCulture,
            $"the {used:N0} most recently labelled rows of the log ({from:yyyy-MM-dd HH:mm}–{to:yyyy-MM-dd HH:mm} UTC)"), used, fittedBy);
    }

    /// <summary>Forgets the version's refitted estimator: its checks use the bundle's again.</summary>
    public VersionEstimator ResetEstimator(string model, int? version = null)
    {
        var target = VersionOf(model, version);
        Workspace.Store.ClearVersionEstimator(target.Model, target.Version);
        _estimators.TryRemove((target.Model, target.Version), out _);
        return Estimator(target);
    }

    private VersionEstimator Store(ModelVersion target, PerformanceEstimator estimator, string source, int rows, string fittedBy)
    {
        Workspace.Store.SetVersionEstimator(new StoredEstimator(target.Model, target.Version, estimator.Method, source, rows, estimator.FittedAt, fittedBy)
        {
            Json = MonitoringJson.Serialize(estimator),
        });
        _estimators.TryRemove((target.Model, target.Version), out _);
        return Estimator(target);
    }

    private ModelVersion VersionOf(string model, int? version)
    {
        ModelName.Validate(model);
        return version is { } v ? Workspace.Registry.GetVersion(model, v) : Champion(model);
    }
}
