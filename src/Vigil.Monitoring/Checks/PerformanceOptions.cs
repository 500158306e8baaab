namespace Vigil.Monitoring.Checks;

/// <summary>
/// How <see cref="PerformanceCheck"/> decides degradation. A metric is degraded only when the whole bootstrap
/// confidence interval of its change vs the baseline lies beyond the allowed drop
/// max(<see cref="MaxRelativeDrop"/> × |baseline|, <see cref="MinAbsoluteDrop"/>) in the worse direction (down for
/// scores, up for losses), so a small window at baseline performance does not alarm on noise.
/// </summary>
public sealed record PerformanceOptions
{
    /// <summary>Allowed drop as a fraction of the baseline value. Default 0.05 (5 %).</summary>
    public double MaxRelativeDrop { get; init; } = 0.05;

    /// <summary>Allowed drop in the metric's units, used when larger than the relative one. Default 0.</summary>
    public double MinAbsoluteDrop { get; init; }

    /// <summary>Bootstrap resamples of the window's rows. Default 1000.</summary>
    public int Resamples { get; init; } = 1000;

    /// <summary>Confidence level of the intervals. Default 0.95.</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>Bootstrap seed (every metric uses the same resamples).</summary>
    public int Seed { get; init; }

    /// <summary>The metric that decides <see cref="PerformanceWindow.Degraded"/>; null means the task's default (roc_auc, log_loss, rmse).</summary>
    public string? PrimaryMetric { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (!(MaxRelativeDrop >= 0) || !(MinAbsoluteDrop >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRelativeDrop), "Allowed drops must be non-negative numbers.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Resamples, 1, nameof(Resamples));
        if (!(Level > 0 && Level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Level), Level, "Level must lie in (0, 1).");
        }
    }
}
