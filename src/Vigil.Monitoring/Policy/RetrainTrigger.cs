namespace Vigil.Monitoring.Policy;

/// <summary>
/// The conditions a <see cref="RetrainPolicy"/> weighs: three reasons to retrain and three gates. Each one's kind is
/// fixed here (<see cref="RetrainTriggers.Kind"/>), so a renderer never has to know which is which.
/// </summary>
public enum RetrainTrigger
{
    /// <summary>Reason: a watched metric is degraded with confidence (whole simultaneous interval beyond its allowed drop); the detail names which.</summary>
    ConfidentDegradation,

    /// <summary>Reason: the window shows dataset drift.</summary>
    DatasetDrift,

    /// <summary>Reason: PSI at or above the threshold on one of the important features.</summary>
    ImportantFeaturePsi,

    /// <summary>Gate: enough newly labelled rows since the last retrain to learn from.</summary>
    MinNewLabels,

    /// <summary>Gate: the cooldown since the last retrain has passed.</summary>
    Cooldown,

    /// <summary>Gate: fewer retrains than the maximum in the trailing period.</summary>
    RetrainLimit,

    /// <summary>Reason: an online detector found a change on a watched stream (the error stream by default) since the last retrain.</summary>
    StreamChange,

    /// <summary>Reason: performance estimated without labels (CBPE / DLE) is degraded beyond the allowed drop, band included.</summary>
    EstimatedDegradation,
}
