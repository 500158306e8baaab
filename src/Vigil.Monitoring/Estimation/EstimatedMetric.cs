namespace Vigil.Monitoring.Estimation;

/// <summary>
/// One metric estimated on a window without labels, with its band and the verdict of the same
/// <see cref="Checks.DegradationRule"/> that judges measured metrics (<see cref="Checks.MetricChange"/>).
/// </summary>
public sealed record EstimatedMetric
{
    /// <summary>Metric name (see <see cref="EstimatedMetricNames"/>).</summary>
    public required string Name { get; init; }

    /// <summary>The estimate; null when undefined on the window (see <see cref="Note"/>).</summary>
    public double? Value { get; init; }

    /// <summary>Lower end of the band: the estimate minus the sampling error of the realised metric at the window's size.</summary>
    public double? Lower { get; init; }

    /// <summary>Upper end of the band.</summary>
    public double? Upper { get; init; }

    /// <summary>The realised value on the version's holdout; null when unknown.</summary>
    public double? Baseline { get; init; }

    /// <summary>
    /// True when the whole band lies beyond the allowed worsening. As for measured metrics, a metric that is not
    /// <see cref="Watched"/> is judged too but never raises the alarm (results stored before the rule was shared
    /// flagged watched metrics only).
    /// </summary>
    public bool Degraded { get; init; }

    /// <summary>False for losses and errors.</summary>
    public bool HigherIsBetter { get; init; } = true;

    /// <summary>True when this metric's degradation counts (the watched metrics); the others are shown only.</summary>
    public bool Watched { get; init; }

    /// <summary>The allowed worsening in the metric's units (results stored before the rule was shared: watched metrics only).</summary>
    public double? AllowedDrop { get; init; }

    /// <summary>The allowed relative drop the metric was judged with (e.g. 0.05).</summary>
    public double? MaxRelativeDrop { get; init; }

    /// <summary>Two-sided level of this metric's band (the Bonferroni-adjusted level of the watched set).</summary>
    public double? Level { get; init; }

    /// <summary>Standard deviation of the realised metric around the estimate at the window's size.</summary>
    public double? SamplingError { get; init; }

    /// <summary>The realised value on the same rows, when the window's labels were all known at the check.</summary>
    public double? Realised { get; init; }

    /// <summary>Why the value or band is missing, if it is.</summary>
    public string? Note { get; init; }
}
