namespace Vigil.Monitoring.Checks;

/// <summary>
/// How <see cref="PerformanceCheck"/> decides degradation (the rule itself is <see cref="DegradationRule"/>). A
/// watched metric is degraded only when the whole confidence interval of its change vs the baseline lies beyond the
/// allowed drop max(drop × |baseline|, <see cref="MinAbsoluteDrop"/>) in the worse direction (down for scores, up
/// for losses), so a small window at baseline performance does not alarm on noise; the intervals are simultaneous
/// over the watched metrics (Bonferroni), and the window is degraded when any watched metric is.
/// </summary>
public sealed record PerformanceOptions
{
    /// <summary>Allowed drop as a fraction of the baseline value, for watched metrics that name none. Default 0.05 (5 %).</summary>
    public double MaxRelativeDrop { get; init; } = 0.05;

    /// <summary>Allowed drop in the metric's units, used when larger than the relative one. Default 0.</summary>
    public double MinAbsoluteDrop { get; init; }

    /// <summary>Bootstrap resamples of the window's rows, where the bootstrap is used. Default 1000.</summary>
    public int Resamples { get; init; } = 1000;

    /// <summary>Family-wise confidence level over the watched metrics. Default 0.95.</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>Bootstrap seed (every metric uses the same resamples).</summary>
    public int Seed { get; init; }

    /// <summary>
    /// The headline metric (reports, dashboards, <see cref="PerformanceWindow.PrimaryMetric"/>); it is watched too.
    /// Null means the task's default (roc_auc, log_loss, rmse).
    /// </summary>
    public string? PrimaryMetric { get; init; }

    /// <summary>The metrics whose degradation raises the alarm; null means the task's default (<see cref="WatchedMetrics.Default"/>).</summary>
    public WatchedMetrics? Watched { get; init; }

    /// <summary>Analytic intervals or the bootstrap; default <see cref="IntervalChoice.Auto"/>.</summary>
    public IntervalChoice Intervals { get; init; } = IntervalChoice.Auto;

    /// <summary>With <see cref="IntervalChoice.Auto"/>, windows with at least this many labelled rows get analytic intervals. Default 1000.</summary>
    public int AnalyticMinRows { get; init; } = 1000;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (!(MaxRelativeDrop >= 0) || !(MinAbsoluteDrop >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRelativeDrop), "Allowed drops must be non-negative numbers.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Resamples, 1, nameof(Resamples));
        ArgumentOutOfRangeException.ThrowIfLessThan(AnalyticMinRows, 1, nameof(AnalyticMinRows));
        if (!(Level > 0 && Level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Level), Level, "Level must lie in (0, 1).");
        }
    }
}
