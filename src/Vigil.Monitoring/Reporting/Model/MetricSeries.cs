namespace Vigil.Monitoring.Reporting.Model;

/// <summary>One metric over time, with the lines it is judged against.</summary>
public sealed record MetricSeries
{
    /// <summary>Metric name, e.g. <c>accuracy</c>, <c>roc_auc</c>, <c>rmse</c>.</summary>
    public required string Metric { get; init; }

    /// <summary>True when larger values are better (accuracy); false for errors (rmse, log_loss).</summary>
    public bool HigherIsBetter { get; init; } = true;

    /// <summary>The champion's holdout value of this metric; null when unknown.</summary>
    public double? Baseline { get; init; }

    /// <summary>
    /// The degradation threshold in metric units: a value below it (above it when <see cref="HigherIsBetter"/> is
    /// false) is degraded. Null when the metric has no threshold.
    /// </summary>
    public double? LowerThreshold { get; init; }

    /// <summary>Evaluations, oldest first.</summary>
    public IReadOnlyList<MetricPoint> Points { get; init; } = [];

    /// <summary>True when the metric is watched (in the latest labelled check): its degradation raises the alarm.</summary>
    public bool Watched { get; init; }

    /// <summary>
    /// The baseline per champion version, oldest first: one step per run of evaluations against one version, so the
    /// line steps at each promotion. Empty when no evaluation carries a baseline.
    /// </summary>
    public IReadOnlyList<BaselineStep> BaselineSteps { get; init; } = [];
}
