using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Estimation;

namespace Vigil.Monitoring.Policy;

/// <summary>
/// The <see cref="RetrainTrigger.EstimatedDegradation"/> reason: fires when a window without labels has a watched
/// metric whose estimated band lies wholly beyond the allowed worsening. The verdicts it reads are those of the one
/// <see cref="DegradationRule"/> that also judges measured metrics for ConfidentDegradation: the model's watched
/// metrics, their drops and the Bonferroni level of the set. A window with labelled rows is judged by its measured
/// performance (ConfidentDegradation) instead.
/// </summary>
internal static class EstimatedDegradationReason
{
    public static TriggerEvaluation Evaluate(bool enabled, MonitoringResult latest)
    {
        const RetrainTrigger t = RetrainTrigger.EstimatedDegradation;
        if (!enabled)
        {
            return TriggerEvaluation.Reason(t, false, "disabled");
        }

        var estimated = latest.EstimatedPerformance;
        if (estimated is null || estimated.Metrics.Count == 0)
        {
            var why = estimated?.Notes.FirstOrDefault() ?? "no estimate for this window";
            return TriggerEvaluation.Reason(t, false, "no estimate: " + why);
        }

        if (latest.Performance is not null)
        {
            return TriggerEvaluation.Reason(t, false,
                $"the window has {latest.Performance.Rows} labelled rows, so the measured performance decides (ConfidentDegradation)");
        }

        // As ConfidentDegradation words it: which watched metrics fell, of which watched set.
        var watchedSet = estimated.Watched.Count > 0 ? estimated.Watched : estimated.Metrics.Where(m => m.Watched).Select(m => m.Name).ToArray();
        if (WindowEstimation.Decides(estimated, latest.Performance))
        {
            var fell = string.Join(", ", estimated.DegradedWatched().Select(m => m.Name));
            return TriggerEvaluation.Reason(t, true,
                $"degraded ({estimated.Method}: {fell} of watched {string.Join(", ", watchedSet)}): {WindowEstimation.DegradedMetrics(estimated)}");
        }

        var watched = estimated.Metrics.Where(m => m.Watched && m.Value is not null).ToArray();
        return TriggerEvaluation.Reason(t, false, watched.Length == 0
            ? $"not degraded ({estimated.Method}): no watched metric could be estimated"
            : $"not degraded ({estimated.Method}): " + string.Join("; ", watched.Select(WindowEstimation.Describe)));
    }
}
