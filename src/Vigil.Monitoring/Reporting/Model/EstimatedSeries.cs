namespace Vigil.Monitoring.Reporting.Model;

/// <summary>One metric estimated without labels over time, with the realised value wherever labels came later.</summary>
public sealed record EstimatedSeries
{
    /// <summary>Metric name, e.g. <c>accuracy</c>, <c>roc_auc</c>, <c>mae</c>.</summary>
    public required string Metric { get; init; }

    /// <summary>How it was estimated: <c>cbpe</c> or <c>dle</c> (of the latest point).</summary>
    public required string Method { get; init; }

    /// <summary>True when larger values are better.</summary>
    public bool HigherIsBetter { get; init; } = true;

    /// <summary>True when the metric's estimated degradation counts (a watched metric).</summary>
    public bool Watched { get; init; }

    /// <summary>The holdout value the estimates are judged against (latest point's).</summary>
    public double? Baseline { get; init; }

    /// <summary>The degradation threshold in metric units (baseline ∓ allowed worsening); null for metrics not watched.</summary>
    public double? Threshold { get; init; }

    /// <summary>Estimates, oldest first.</summary>
    public IReadOnlyList<EstimatedPoint> Points { get; init; } = [];
}
