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

    /// <summary>Confidence level of the bands (simultaneous over the watched metrics).</summary>
    public double Level { get; init; }

    /// <summary>How the probabilities were calibrated (CBPE), e.g. <c>isotonic</c>; per class for multiclass.</summary>
    public string? Calibration { get; init; }

    /// <summary>The calibrated probabilities' cross-validated calibration error (CBPE), added to the rates' bands.</summary>
    public double? CalibrationError { get; init; }

    /// <summary>Every estimated metric, in report order.</summary>
    public required IReadOnlyList<EstimatedMetric> Metrics { get; init; }

    /// <summary>True when a watched metric is degraded.</summary>
    public bool Degraded { get; init; }

    /// <summary>Remarks (limits of the method, metrics left out).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
