using Vigil.AutoML;

namespace Vigil.Monitoring.Checks;

/// <summary>The model's performance on one window's labelled rows against its <see cref="Profiles.Baseline"/>.</summary>
public sealed record PerformanceWindow
{
    /// <summary>Binary, Multiclass or Regression.</summary>
    public required AutoMLTask Task { get; init; }

    /// <summary>Labelled rows in the window.</summary>
    public int Rows { get; init; }

    /// <summary>The configured (or default) primary metric.</summary>
    public required string PrimaryMetric { get; init; }

    /// <summary>The metric that actually decided: the primary one, or accuracy when the primary is undefined on the window; null when none could.</summary>
    public string? DecidingMetric { get; init; }

    /// <summary>Every tracked metric of the task, in report order.</summary>
    public required IReadOnlyList<MetricChange> Metrics { get; init; }

    /// <summary>True when the deciding metric is degraded (see <see cref="PerformanceOptions"/>).</summary>
    public bool Degraded { get; init; }

    /// <summary>Confidence level of the intervals.</summary>
    public double Level { get; init; }

    /// <summary>Bootstrap resamples drawn.</summary>
    public int Resamples { get; init; }

    /// <summary>Remarks on the window (e.g. a single class present).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
