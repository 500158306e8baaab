namespace Vigil.Monitoring.Checks;

/// <summary>Everything one monitoring run found for one model version and window; stored as JSON in the history.</summary>
public sealed record MonitoringResult
{
    /// <summary>Model name.</summary>
    public required string Model { get; init; }

    /// <summary>Model version.</summary>
    public required string Version { get; init; }

    /// <summary>The window checked.</summary>
    public required WindowInfo Window { get; init; }

    /// <summary>When the checks ran (from the monitor's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset RanAt { get; init; }

    /// <summary>Feature, label and prediction drift.</summary>
    public required DriftCheckResult Drift { get; init; }

    /// <summary>Data-quality findings.</summary>
    public required QualityReport Quality { get; init; }

    /// <summary>Performance vs baseline; null when the window has no labels (or the profile no baseline).</summary>
    public PerformanceWindow? Performance { get; init; }

    /// <summary>Performance estimated without labels (CBPE or DLE); null when the version has no estimator or estimation is off.</summary>
    public Estimation.EstimatedPerformance? EstimatedPerformance { get; init; }
    /// <summary>Multivariate drift (domain classifier, PCA reconstruction); null when disabled, and in results stored before it existed.</summary>
    public Multivariate.MultivariateDriftResult? Multivariate { get; init; }

    /// <summary>The overall state (rule on <see cref="MonitoringStatus"/>).</summary>
    public MonitoringStatus Status { get; init; }

    /// <summary>Why the status is not healthy, one line per cause (alarm causes first); empty when healthy.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];
}
