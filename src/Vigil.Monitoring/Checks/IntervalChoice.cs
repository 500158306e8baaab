namespace Vigil.Monitoring.Checks;

/// <summary>Which intervals <see cref="PerformanceCheck"/> draws.</summary>
public enum IntervalChoice
{
    /// <summary>Analytic intervals from <see cref="PerformanceOptions.AnalyticMinRows"/> labelled rows on, the bootstrap below (default).</summary>
    Auto,

    /// <summary>Always the bootstrap (slow on large windows: every resample recomputes every metric).</summary>
    Bootstrap,

    /// <summary>Always the analytic intervals (normal / delta method / DeLong).</summary>
    Analytic,
}
