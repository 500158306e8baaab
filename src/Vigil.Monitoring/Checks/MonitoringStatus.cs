namespace Vigil.Monitoring.Checks;

/// <summary>
/// Overall state of a window. Alarm: dataset drift, confident performance degradation, or a quality error.
/// Warning: any drifted feature, label drift, prediction drift, or a quality warning. Healthy: none of these.
/// </summary>
public enum MonitoringStatus
{
    Healthy,
    Warning,
    Alarm,
}
