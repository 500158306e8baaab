using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Policy;

namespace Vigil.Monitoring.Lifecycle;

/// <summary>A check as recorded in the history, with the retrain policy's decision after it.</summary>
/// <param name="CheckId">Row id of the check in the history.</param>
/// <param name="Result">Drift, quality and (with labels) performance on the window.</param>
/// <param name="Decision">Whether to retrain now, with every trigger's why and why not.</param>
/// <param name="DroppedLabels">Labelled rows left out of the performance check (missing or unknown class).</param>
public sealed record CheckOutcome(long CheckId, MonitoringResult Result, RetrainDecision Decision, int DroppedLabels);
