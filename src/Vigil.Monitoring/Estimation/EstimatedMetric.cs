namespace Vigil.Monitoring.Estimation;

/// <summary>One metric estimated on a window without labels, with its band and the degradation verdict.</summary>
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

    /// <summary>True when the whole band lies beyond the allowed worsening of a watched metric.</summary>
    public bool Degraded { get; init; }

    /// <summary>False for losses and errors.</summary>
    public bool HigherIsBetter { get; init; } = true;

    /// <summary>True when this metric's degradation counts (the watched metrics); the others are shown only.</summary>
    public bool Watched { get; init; }

    /// <summary>The allowed worsening in the metric's units, for watched metrics.</summary>
    public double? AllowedDrop { get; init; }

    /// <summary>Standard deviation of the realised metric around the estimate at the window's size.</summary>
    public double? SamplingError { get; init; }

    /// <summary>The realised value on the same rows, when the window's labels were all known at the check.</summary>
    public double? Realised { get; init; }

    /// <summary>Why the value or band is missing, if it is.</summary>
    public string? Note { get; init; }
}
