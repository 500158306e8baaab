namespace Vigil.Monitoring.Reporting.Model;

/// <summary>One evaluation of a metric on a window of labelled rows.</summary>
public sealed record MetricPoint
{
    /// <summary>End of the evaluated window, in UTC.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The metric's value on the window.</summary>
    public required double Value { get; init; }

    /// <summary>Lower end of the bootstrap confidence interval (95 % unless the check says otherwise).</summary>
    public double? CiLow { get; init; }

    /// <summary>Upper end of the bootstrap confidence interval.</summary>
    public double? CiHigh { get; init; }

    /// <summary>Labelled rows in the window.</summary>
    public int Rows { get; init; }

    /// <summary>True when the performance check called this window degraded.</summary>
    public bool Degraded { get; init; }

    /// <summary>The check that produced this point, for cross-reference with the heatmap and events.</summary>
    public string? CheckId { get; init; }
}
