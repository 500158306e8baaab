namespace Vigil.Monitoring.Checks;

/// <summary>
/// One metric on a window compared with the baseline. Changes are window − baseline; the interval is the percentile
/// bootstrap interval of that change over the window's rows (the baseline is taken as fixed).
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

    /// <summary>Lower end of the change's confidence interval.</summary>
    public double? ChangeLower { get; init; }

    /// <summary>Upper end of the change's confidence interval.</summary>
    public double? ChangeUpper { get; init; }

    /// <summary>The allowed worsening, a non-negative amount in the metric's units.</summary>
    public double? AllowedDrop { get; init; }

    /// <summary>True when the whole interval of the change lies beyond the allowed worsening.</summary>
    public bool Degraded { get; init; }

    /// <summary>Why a value or interval is missing, if it is.</summary>
    public string? Note { get; init; }
}
