using Vigil.Monitoring.Drift;

namespace Vigil.Monitoring.Checks;

/// <summary>Settings of every check run on a window.</summary>
public sealed record MonitoringOptions
{
    /// <summary>Drift rule (alpha, correction, effect floors, dataset share).</summary>
    public DriftOptions Drift { get; init; } = new();

    /// <summary>Data-quality thresholds.</summary>
    public QualityOptions Quality { get; init; } = new();

    /// <summary>Degradation rule and bootstrap settings.</summary>
    public PerformanceOptions Performance { get; init; } = new();

    /// <summary>Performance estimation on windows without labels.</summary>
    public Vigil.Monitoring.Estimation.EstimationOptions Estimation { get; init; } = new();
    /// <summary>Multivariate drift (domain classifier, PCA reconstruction error); <c>Enabled = false</c> skips it.</summary>
    public Multivariate.MultivariateOptions Multivariate { get; init; } = new();
}
