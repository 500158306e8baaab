namespace Vigil.Monitoring.Checks;

/// <summary>
/// What <see cref="DegradationRule"/> says about one metric of a window, realised or estimated alike: whether the
/// metric is watched, the drop it is judged with, the level its interval must be drawn at, and whether that interval
/// lies wholly beyond the allowed worsening.
/// </summary>
/// <param name="Metric">Metric name.</param>
/// <param name="HigherIsBetter">False for losses and errors.</param>
/// <param name="Watched">True when the metric's degradation raises the alarm; the others are judged and shown only.</param>
/// <param name="MaxRelativeDrop">The allowed relative drop (its own, else the rule's default).</param>
/// <param name="AllowedDrop">The allowed worsening in the metric's units; null without a baseline.</param>
/// <param name="IntervalLevel">The Bonferroni-adjusted level the metric's interval is drawn at.</param>
/// <param name="Degraded">True when the whole interval lies beyond the allowed worsening.</param>
public sealed record MetricVerdict(
    string Metric,
    bool HigherIsBetter,
    bool Watched,
    double MaxRelativeDrop,
    double? AllowedDrop,
    double IntervalLevel,
    bool Degraded)
{
    /// <summary>True when the metric is watched and degraded: it raises the alarm.</summary>
    public bool Alarms => Watched && Degraded;
}
