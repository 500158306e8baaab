using Vigil.AutoML;

namespace Vigil.Monitoring.Checks;

/// <summary>The model's performance on one window's labelled rows against its <see cref="Profiles.Baseline"/>.</summary>
public sealed record PerformanceWindow
{
    /// <summary>Binary, Multiclass or Regression.</summary>
    public required AutoMLTask Task { get; init; }

    /// <summary>Labelled rows in the window.</summary>
    public int Rows { get; init; }

    /// <summary>The headline metric (configured, or the task's default); it is always watched.</summary>
    public required string PrimaryMetric { get; init; }

    /// <summary>The first of <see cref="DecidedBy"/>; null when no watched metric could be judged.</summary>
    public string? DecidingMetric { get; init; }

    /// <summary>The watched metrics, in the order configured: confident degradation of any of them is an alarm.</summary>
    public IReadOnlyList<string> Watched { get; init; } = [];

    /// <summary>
    /// Which metrics decided the verdict: the degraded watched metrics when <see cref="Degraded"/>; otherwise every
    /// watched metric that could be judged on the window (none of them degraded). Empty when none could be judged.
    /// </summary>
    public IReadOnlyList<string> DecidedBy { get; init; } = [];

    /// <summary>Two-sided level of each metric's interval: 1 − (1 − <see cref="Level"/>) / watched count (Bonferroni).</summary>
    public double? IntervalLevel { get; init; }

    /// <summary>How the intervals are made simultaneous over the watched set: <c>bonferroni</c>.</summary>
    public string? Correction { get; init; }

    /// <summary>Every tracked metric of the task, in report order.</summary>
    public required IReadOnlyList<MetricChange> Metrics { get; init; }

    /// <summary>True when any watched metric is confidently degraded (see <see cref="DegradationRule"/>).</summary>
    public bool Degraded { get; init; }

    /// <summary>Family-wise confidence level over the watched metrics (each interval is drawn at <see cref="IntervalLevel"/>).</summary>
    public double Level { get; init; }

    /// <summary>Bootstrap resamples drawn per metric; 0 when every interval is analytic.</summary>
    public int Resamples { get; init; }

    /// <summary>Remarks on the window (e.g. a single class present).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The watched metrics, also for results stored before they existed (then the primary metric alone was watched).</summary>
    public IReadOnlyList<string> WatchedOrPrimary() => Watched.Count > 0 ? Watched : [PrimaryMetric];

    /// <summary>The metrics that decided, also for results stored before <see cref="DecidedBy"/> existed.</summary>
    public IReadOnlyList<string> DecidedByOrDeciding() =>
        DecidedBy.Count > 0 || Watched.Count > 0 ? DecidedBy : DecidingMetric is { } d ? [d] : [];

    /// <summary>The watched metrics confidently degraded on this window (also for results stored before <see cref="Watched"/>).</summary>
    public IEnumerable<MetricChange> DegradedWatched() => Watched.Count > 0
        ? Metrics.Where(m => m.Degraded && Watched.Contains(m.Name, StringComparer.Ordinal))
        : Metrics.Where(m => m.Degraded && m.Name == DecidingMetric); // stored before: the deciding metric alone judged
}
