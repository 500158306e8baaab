namespace Vigil.Monitoring.Reporting.Model;

/// <summary>One evaluation of a metric on a window of labelled rows.</summary>
public sealed record MetricPoint
{
    /// <summary>End of the evaluated window, in UTC.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The metric's value on the window.</summary>
    public required double Value { get; init; }

    /// <summary>Lower end of the confidence interval (at the check's simultaneous per-metric level; bootstrap or analytic).</summary>
    public double? CiLow { get; init; }

    /// <summary>Upper end of the confidence interval.</summary>
    public double? CiHigh { get; init; }

    /// <summary>Labelled rows in the window.</summary>
    public int Rows { get; init; }

    /// <summary>True when the performance check called this window degraded.</summary>
    public bool Degraded { get; init; }

    /// <summary>The check that produced this point, for cross-reference with the heatmap and events.</summary>
    public string? CheckId { get; init; }

    /// <summary>The champion version the window was checked against, e.g. <c>v2</c>.</summary>
    public string? Version { get; init; }

    /// <summary>The baseline this evaluation was judged against (that version's holdout value).</summary>
    public double? Baseline { get; init; }
}
