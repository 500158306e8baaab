namespace Vigil.Monitoring.Estimation;

/// <summary>
/// The performance of a window estimated without labels (JSON <c>result.estimated_performance</c>):
/// <see cref="Method"/> <c>cbpe</c> (confidence-based, classification) or <c>dle</c> (direct loss estimation,
/// regression), one <see cref="EstimatedMetric"/> per metric, and whether a watched metric is degraded.
/// </summary>
public sealed record EstimatedPerformance
{
    /// <summary><c>cbpe</c> or <c>dle</c>.</summary>
    public required string Method { get; init; }

    /// <summary>Rows estimated.</summary>
    public int Rows { get; init; }

    /// <summary>Family-wise confidence level of the bands over the watched metrics (each band is drawn at <see cref="IntervalLevel"/>).</summary>
    public double Level { get; init; }

    /// <summary>Two-sided level of each band: 1 − (1 − <see cref="Level"/>) / watched count (Bonferroni), as for measured metrics.</summary>
    public double? IntervalLevel { get; init; }

    /// <summary>How the bands are made simultaneous over the watched set: <c>bonferroni</c>.</summary>
    public string? Correction { get; init; }

    /// <summary>The watched metrics, in the order configured (the model's watched set, as for measured performance).</summary>
    public IReadOnlyList<string> Watched { get; init; } = [];

    /// <summary>
    /// Which metrics decided: the degraded watched metrics when <see cref="Degraded"/>; otherwise every watched metric
    /// that could be estimated (none of them degraded).
    /// </summary>
    public IReadOnlyList<string> DecidedBy { get; init; } = [];

    /// <summary>How the probabilities were calibrated (CBPE), e.g. <c>isotonic</c>; per class for multiclass.</summary>
    public string? Calibration { get; init; }

    /// <summary>The calibrated probabilities' cross-validated calibration error (CBPE), added to the rates' bands.</summary>
    public double? CalibrationError { get; init; }

    /// <summary>Every estimated metric, in report order.</summary>
    public required IReadOnlyList<EstimatedMetric> Metrics { get; init; }

    /// <summary>True when a watched metric is degraded.</summary>
    public bool Degraded { get; init; }

    /// <summary>The watched metrics whose band is degraded (those that raise the alarm), also for results stored before <see cref="Watched"/>.</summary>
    public IEnumerable<EstimatedMetric> DegradedWatched() => Metrics.Where(m => m.Degraded && m.Watched);

    /// <summary>
    /// Which estimator gave the estimate: <c>refitted</c> (on labelled production rows, <c>vigil models estimator</c>),
    /// <c>bundle</c> (fitted with the version) or <c>none</c>; absent from results of the library's
    /// <see cref="Checks.WindowMonitor"/> alone and from results stored before refits existed.
    /// </summary>
    public string? EstimatorSource { get; init; }

    /// <summary>Remarks (limits of the method, metrics left out).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
