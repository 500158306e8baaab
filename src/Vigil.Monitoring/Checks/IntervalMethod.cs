namespace Vigil.Monitoring.Checks;

/// <summary>How a metric's confidence interval was computed (see docs/performance.md for the rule).</summary>
public enum IntervalMethod
{
    /// <summary>Seeded percentile bootstrap over the window's rows (small windows).</summary>
    Bootstrap,

    /// <summary>Normal interval from the delta method: ratio-of-means metrics, mean losses and errors (large windows).</summary>
    Normal,

    /// <summary>Normal interval with the DeLong variance of ROC AUC (large windows).</summary>
    Delong,
}
