using System.Globalization;
using Vigil.Monitoring.Checks;

namespace Vigil.Monitoring.Estimation;

/// <summary>
/// Runs performance estimation as part of a window check (<see cref="WindowMonitor"/>) and words its verdict. A window
/// is estimated whenever the version has an estimator and the model scored the rows, labelled or not; the estimate
/// decides (<see cref="Alarm"/>, the policy's EstimatedDegradation) only when the window has no labelled rows, since
/// labels, when present, measure the performance itself.
/// </summary>
internal static class WindowEstimation
{
    public static EstimatedPerformance? Run(PerformanceEstimator? estimator, string? unavailable, MonitoringWindow window, MonitoringOptions options)
    {
        var settings = options.Estimation;
        if (!settings.Enabled || window.Rows.RowCount == 0)
        {
            return null;
        }

        if (estimator is null)
        {
            return unavailable is null ? null : Unavailable("none", unavailable);
        }

        if (window.Predictions is not { Rows: > 0 } scores)
        {
            return Unavailable(estimator.Method, "the model could not score the window's rows, so nothing was estimated");
        }

        try
        {
            settings.Validate();
            // The rule of the window's measured performance: the same watched metrics, drops and Bonferroni level.
            return estimator.Estimate(window.Rows, scores, settings, DegradationRule.For(estimator.Task, options.Performance), window.Outcomes);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // A stored estimator that does not fit the window (or a damaged error model) must not fail the check.
            return Unavailable(estimator.Method, "estimation failed: " + e.Message);
        }
    }

    /// <summary>True when the estimate decides: it is degraded and the window has no labelled rows.</summary>
    public static bool Decides(EstimatedPerformance? estimated, PerformanceWindow? performance) =>
        estimated is { Degraded: true } && performance is null;

    /// <summary>The status line of a degraded estimate, naming every degraded metric.</summary>
    public static string Alarm(EstimatedPerformance estimated) =>
        $"estimated performance degraded ({estimated.Method.ToUpperInvariant()}, no labels yet): " + DegradedMetrics(estimated);

    /// <summary>"accuracy ≈ 0.712 [0.695, 0.729] vs baseline 0.815 (allowed worsening 0.041); …" for the degraded metrics.</summary>
    public static string DegradedMetrics(EstimatedPerformance estimated) =>
        string.Join("; ", estimated.DegradedWatched().Select(Describe));

    /// <summary>One metric in words with its band and baseline.</summary>
    public static string Describe(EstimatedMetric m) => string.Format(CultureInfo.InvariantCulture,
        "{0} ≈ {1:G4} [{2:G4}, {3:G4}] vs baseline {4:G4}{5}", m.Name, m.Value, m.Lower, m.Upper, m.Baseline,
        m.AllowedDrop is { } drop ? string.Format(CultureInfo.InvariantCulture, " (allowed worsening {0:G3})", drop) : "");

    private static EstimatedPerformance Unavailable(string method, string why) =>
        new() { Method = method, Metrics = [], Notes = [why] };
}
