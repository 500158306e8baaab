namespace Vigil.Monitoring.Checks;

/// <summary>One watched metric and how far it may fall before it counts as degraded.</summary>
/// <param name="Name">Metric name (see <see cref="TaskMetrics"/>), e.g. <c>recall</c>.</param>
/// <param name="MaxRelativeDrop">Allowed worsening as a fraction of the baseline (0.10 = 10 %); null means the
/// check's default (<see cref="PerformanceOptions.MaxRelativeDrop"/>, 5 %).</param>
public sealed record WatchedMetric(string Name, double? MaxRelativeDrop = null);
