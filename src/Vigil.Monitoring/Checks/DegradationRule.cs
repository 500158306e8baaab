using MathNet.Numerics.Distributions;
using Vigil.AutoML;
using Vigil.AutoML.Metrics;

namespace Vigil.Monitoring.Checks;

/// <summary>
/// The one per-metric degradation rule, for realised metrics (<see cref="PerformanceCheck"/>: bootstrap or analytic
/// intervals) and estimated ones (<see cref="Estimation.PerformanceEstimator"/>: the estimator's band) alike —
/// <see cref="Judge"/> takes a metric's interval and baseline, whatever made them, and gives one
/// <see cref="MetricVerdict"/>. A watched metric is degraded when its whole confidence interval lies beyond the allowed worsening
/// max(drop × |baseline|, <see cref="MinAbsoluteDrop"/>) — below the baseline for scores, above it for losses — where
/// drop is the metric's own <see cref="WatchedMetric.MaxRelativeDrop"/> or <see cref="DefaultRelativeDrop"/>.
/// <para>
/// Intervals are <b>simultaneous</b> across the watched set (Bonferroni): each metric's interval is drawn at
/// <see cref="IntervalLevel"/> = 1 − (1 − <see cref="Level"/>) / k for k watched metrics, so the chance that any
/// watched metric of a window at baseline performance is called degraded stays below 1 − <see cref="Level"/>
/// whatever k is (watching four metrics does not quadruple false alarms).
/// </para>
/// </summary>
public sealed record DegradationRule
{
    public DegradationRule(WatchedMetrics watched, double level = 0.95, double defaultRelativeDrop = 0.05, double minAbsoluteDrop = 0)
    {
        ArgumentNullException.ThrowIfNull(watched);
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "Level must lie in (0, 1).");
        }

        if (!(defaultRelativeDrop >= 0) || !(minAbsoluteDrop >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(defaultRelativeDrop), "Allowed drops must be non-negative numbers.");
        }

        Watched = watched;
        Level = level;
        DefaultRelativeDrop = defaultRelativeDrop;
        MinAbsoluteDrop = minAbsoluteDrop;
    }

    /// <summary>The watched metrics and their drops.</summary>
    public WatchedMetrics Watched { get; }

    /// <summary>Family-wise confidence level over the watched set, e.g. 0.95.</summary>
    public double Level { get; }

    /// <summary>Allowed relative drop of a watched metric that names none.</summary>
    public double DefaultRelativeDrop { get; }

    /// <summary>Allowed worsening in the metric's units, used when larger than the relative one.</summary>
    public double MinAbsoluteDrop { get; }

    /// <summary>Bonferroni-adjusted two-sided level at which each metric's interval must be drawn.</summary>
    public double IntervalLevel => 1 - ((1 - Level) / Watched.Metrics.Count);

    /// <summary>The normal quantile of a two-sided interval at <see cref="IntervalLevel"/> (e.g. 2.50 for four watched metrics at 95 %).</summary>
    public double IntervalZ => Normal.InvCDF(0, 1, 1 - ((1 - IntervalLevel) / 2));

    /// <summary>Name of the correction, as results record it.</summary>
    public const string Correction = "bonferroni";

    /// <summary>
    /// The rule for <paramref name="task"/> under <paramref name="options"/>: its <see cref="PerformanceOptions.Watched"/>
    /// set (else the task's default) plus the <see cref="PerformanceOptions.PrimaryMetric"/> when one is named. Throws
    /// <see cref="WatchedMetricsInputException"/> when a watched metric is not tracked for the task.
    /// </summary>
    public static DegradationRule For(AutoMLTask task, PerformanceOptions? options = null)
    {
        options ??= new PerformanceOptions();
        var watched = (options.Watched ?? WatchedMetrics.Default(task)).RequireTask(task);
        if (options.PrimaryMetric is { } primary)
        {
            watched = watched.With(primary).RequireTask(task);
        }

        return new DegradationRule(watched, options.Level, options.MaxRelativeDrop, options.MinAbsoluteDrop);
    }

    /// <summary>True when <paramref name="metric"/> is watched.</summary>
    public bool IsWatched(string metric) => Watched.Metrics.Any(m => m.Name == metric);

    /// <summary>The relative drop allowed for <paramref name="metric"/> (its own, else the default).</summary>
    public double RelativeDrop(string metric) =>
        Watched.Metrics.FirstOrDefault(m => m.Name == metric)?.MaxRelativeDrop ?? DefaultRelativeDrop;

    /// <summary>The allowed worsening of <paramref name="metric"/> in its units, a non-negative amount.</summary>
    public double AllowedDrop(string metric, double baseline) =>
        Math.Max(RelativeDrop(metric) * Math.Abs(baseline), MinAbsoluteDrop);

    /// <summary>
    /// The rule's verdict on <paramref name="metric"/> whose interval (drawn at <see cref="IntervalLevel"/>) is
    /// [<paramref name="lower"/>, <paramref name="upper"/>]: realised and estimated metrics are judged by this one call.
    /// Without a baseline or an interval nothing is degraded. Metrics that are not watched are judged as well
    /// (<see cref="MetricVerdict.Degraded"/>) but never raise the alarm (<see cref="MetricVerdict.Alarms"/>).
    /// </summary>
    public MetricVerdict Judge(string metric, double? baseline, double? lower, double? upper)
    {
        ArgumentException.ThrowIfNullOrEmpty(metric);
        double? allowed = baseline is { } b && double.IsFinite(b) ? AllowedDrop(metric, b) : null;
        var degraded = allowed is not null && lower is { } lo && upper is { } up && IsDegraded(metric, baseline!.Value, lo, up);
        return new MetricVerdict(metric, HigherIsBetter(metric), IsWatched(metric), RelativeDrop(metric), allowed, IntervalLevel, degraded);
    }

    /// <summary>
    /// False for losses and errors (log_loss, rmse, mae, …), true for scores — also for the metrics only estimation
    /// gives (specificity, the multiclass macro averages), which are all scores.
    /// </summary>
    public static bool HigherIsBetter(string metric) => MetricCatalog.Find(metric)?.HigherIsBetter ?? true;

    /// <summary>
    /// True when the interval [<paramref name="lower"/>, <paramref name="upper"/>] of the metric's value (drawn at
    /// <see cref="IntervalLevel"/>) lies wholly beyond the allowed worsening from <paramref name="baseline"/>. Says
    /// nothing about whether the metric is watched (see <see cref="IsWatched"/>); NaN bounds are never degraded.
    /// </summary>
    public bool IsDegraded(string metric, double baseline, double lower, double upper)
    {
        var allowed = AllowedDrop(metric, baseline);
        return HigherIsBetter(metric)
            ? upper - baseline < -allowed
            : lower - baseline > allowed;
    }
}
