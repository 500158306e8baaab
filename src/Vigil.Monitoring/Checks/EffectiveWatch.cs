using Vigil.AutoML;

namespace Vigil.Monitoring.Checks;

/// <summary>The watched metrics a model's checks use now, and where they come from.</summary>
/// <param name="Model">Model name.</param>
/// <param name="Task">The champion's task.</param>
/// <param name="Metrics">The watched metrics (drops as given; null = <paramref name="DefaultRelativeDrop"/>).</param>
/// <param name="Source">Which setting won.</param>
/// <param name="DefaultRelativeDrop">The drop of a metric that names none.</param>
/// <param name="Level">Family-wise level over the watched set.</param>
/// <param name="IntervalLevel">Bonferroni-adjusted level of each metric's interval.</param>
/// <param name="SetAt">When a stored setting was made; null otherwise.</param>
/// <param name="SetBy">Who made a stored setting; null otherwise.</param>
public sealed record EffectiveWatch(
    string Model,
    AutoMLTask Task,
    WatchedMetrics Metrics,
    WatchSource Source,
    double DefaultRelativeDrop,
    double Level,
    double IntervalLevel,
    DateTimeOffset? SetAt = null,
    string? SetBy = null);
