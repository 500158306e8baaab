namespace Vigil.Monitoring.Checks;

/// <summary>
/// Overall state of a window. Alarm: dataset drift (drifted column share or domain classifier), confident performance
/// degradation, or a quality error. Warning: any drifted feature, label drift, prediction drift, a PCA reconstruction
/// error outside its band, or a quality warning. Healthy: none of these.
/// </summary>
public enum MonitoringStatus
{
    Healthy,
    Warning,
    Alarm,
}
