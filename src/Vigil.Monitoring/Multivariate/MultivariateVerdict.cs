using Vigil.Monitoring.Checks;

namespace Vigil.Monitoring.Multivariate;

/// <summary>
/// How multivariate drift enters a check's status: the domain classifier's dataset drift is an alarm (as the drifted
/// column share is), listed first; a PCA reconstruction error outside its band is a warning.
/// </summary>
internal static class MultivariateVerdict
{
    public static (MonitoringStatus Status, IReadOnlyList<string> Reasons) Apply(
        MonitoringStatus status, IReadOnlyList<string> reasons, MultivariateDriftResult? result)
    {
        if (result is null)
        {
            return (status, reasons);
        }

        var list = reasons.ToList();
        if (result.DatasetDrift)
        {
            list.Insert(0, "dataset drift (domain classifier): " + result.DomainClassifier.Reason);
            status = MonitoringStatus.Alarm;
        }

        if (result.Reconstruction.Drifted)
        {
            list.Add("multivariate drift (PCA reconstruction error): " + result.Reconstruction.Reason);
            status = status == MonitoringStatus.Healthy ? MonitoringStatus.Warning : status;
        }

        return (status, list);
    }
}
