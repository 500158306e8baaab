using Vigil.AutoML;
using Vigil.Monitoring.Checks;

namespace Vigil.Monitoring.Estimation;

/// <summary>
/// When an estimated metric counts as degraded — the same rule as for measured metrics: a watched metric is degraded
/// when its whole band lies beyond the allowed worsening max(<see cref="MaxRelativeDrop"/> × |baseline|,
/// <see cref="MinAbsoluteDrop"/>), the bands taken at a simultaneous level over the watched metrics (Bonferroni:
/// each at 1 − (1 − <see cref="Level"/>) / m), so that watching several metrics does not multiply false alarms.
/// </summary>
public sealed record EstimatedDegradationRule
{
    /// <summary>Allowed worsening as a fraction of the baseline. Default 0.05.</summary>
    public double MaxRelativeDrop { get; init; } = 0.05;

    /// <summary>Allowed worsening in the metric's units, when larger. Default 0.</summary>
    public double MinAbsoluteDrop { get; init; }

    /// <summary>Simultaneous confidence level of the bands. Default 0.95.</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>The metrics whose degradation counts; null means the task's defaults (<see cref="DefaultWatched"/>).</summary>
    public IReadOnlyList<string>? Watched { get; init; }

    /// <summary>
    /// The watched metrics' defaults among those estimation can give: accuracy, ROC AUC, precision and recall (binary);
    /// log loss and accuracy (multiclass); RMSE and MAE (regression; R² needs the window's label variance).
    /// </summary>
    public static IReadOnlyList<string> DefaultWatched(AutoMLTask task) => task switch
    {
        AutoMLTask.Binary => ["accuracy", "roc_auc", "precision", "recall"],
        AutoMLTask.Multiclass => ["log_loss", "accuracy"],
        _ => ["rmse", "mae"],
    };

    /// <summary>The rule with the allowed drops and level of the measured-performance options.</summary>
    public static EstimatedDegradationRule From(PerformanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new EstimatedDegradationRule { MaxRelativeDrop = options.MaxRelativeDrop, MinAbsoluteDrop = options.MinAbsoluteDrop, Level = options.Level };
    }

    /// <summary>The watched metrics of <paramref name="task"/> that estimation gives.</summary>
    public IReadOnlyList<string> WatchedFor(AutoMLTask task)
    {
        var available = EstimatedMetricNames.For(task);
        return (Watched ?? DefaultWatched(task)).Where(available.Contains).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The allowed worsening of a metric with baseline <paramref name="baseline"/>.</summary>
    public double AllowedDrop(double baseline) => Math.Max(MaxRelativeDrop * Math.Abs(baseline), MinAbsoluteDrop);

    /// <summary>True when the band [lower, upper] lies wholly beyond the allowed worsening.</summary>
    public bool IsDegraded(double lower, double upper, double baseline, bool higherIsBetter) =>
        higherIsBetter ? upper < baseline - AllowedDrop(baseline) : lower > baseline + AllowedDrop(baseline);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (!(MaxRelativeDrop >= 0) || !(MinAbsoluteDrop >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRelativeDrop), "Allowed drops must be non-negative numbers.");
        }

        if (!(Level > 0 && Level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Level), Level, "Level must lie in (0, 1).");
        }
    }
}
