namespace Vigil.Monitoring.Checks;

/// <summary>
/// One metric on a window compared with the baseline. Changes are window − baseline; the interval is that of the
/// window's value (percentile bootstrap on small windows, analytic on large ones: <see cref="Method"/>) moved by the
/// baseline, which is taken as fixed. Intervals are drawn at the simultaneous level of the watched set (<see cref="Level"/>).
/// </summary>
public sealed record MetricChange
{
    /// <summary>Metric name (see <see cref="TaskMetrics"/>).</summary>
    public required string Name { get; init; }

    /// <summary>False for losses and errors (log_loss, rmse, mae).</summary>
    public bool HigherIsBetter { get; init; }

    /// <summary>The metric on the window; null when undefined there (see <see cref="Note"/>).</summary>
    public double? Value { get; init; }

    /// <summary>The metric on the baseline holdout; null when the baseline lacks it.</summary>
    public double? Baseline { get; init; }

    /// <summary>Value − Baseline.</summary>
    public double? AbsoluteChange { get; init; }

    /// <summary>(Value − Baseline) / |Baseline|; null when the baseline is 0.</summary>
    public double? RelativeChange { get; init; }

    /// <summary>Lower end of the value's confidence interval (the interval <see cref="DegradationRule.Judge"/> judges).</summary>
    public double? Lower { get; init; }

    /// <summary>Upper end of the value's confidence interval.</summary>
    public double? Upper { get; init; }

    /// <summary>Lower end of the change's confidence interval.</summary>
    public double? ChangeLower { get; init; }

    /// <summary>Upper end of the change's confidence interval.</summary>
    public double? ChangeUpper { get; init; }

    /// <summary>The allowed worsening, a non-negative amount in the metric's units.</summary>
    public double? AllowedDrop { get; init; }

    /// <summary>True when the whole interval of the change lies beyond the allowed worsening.</summary>
    public bool Degraded { get; init; }

    /// <summary>True when the metric is watched: its degradation raises the alarm (see <see cref="DegradationRule"/>).</summary>
    public bool Watched { get; init; }

    /// <summary>The allowed relative drop the metric was judged with (e.g. 0.05).</summary>
    public double? MaxRelativeDrop { get; init; }

    /// <summary>Two-sided level of this metric's interval (the Bonferroni-adjusted level of the watched set).</summary>
    public double? Level { get; init; }

    /// <summary>How the interval was computed; null when there is none.</summary>
    public IntervalMethod? Method { get; init; }

    /// <summary>Why a value or interval is missing, if it is.</summary>
    public string? Note { get; init; }
}
