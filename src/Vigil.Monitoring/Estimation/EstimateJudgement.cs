using Vigil.AutoML;
using Vigil.Monitoring.Checks;

namespace Vigil.Monitoring.Estimation;

/// <summary>
/// Turns estimates and their sampling errors into an <see cref="EstimatedPerformance"/>: a normal band drawn at the
/// <see cref="DegradationRule.IntervalLevel"/> of the model's watched set, the baseline, and the verdict of the same
/// <see cref="DegradationRule"/> that judges measured metrics. Shared by CBPE and DLE.
/// </summary>
internal static class EstimateJudgement
{
    /// <param name="allowance">Added to both sides of every rate's band (not to losses): the error of what the estimate
    /// rests on, e.g. the probabilities' calibration error, which no amount of rows removes.</param>
    public static EstimatedPerformance Judge(
        string method, int rows, AutoMLTask task, IReadOnlyList<string> names, double[] values, double[] errors, double[]? realised,
        IReadOnlyDictionary<string, double> baseline, DegradationRule rule, IReadOnlyList<string> notes, double allowance = 0)
    {
        var z = rule.IntervalZ;
        var metrics = new EstimatedMetric[names.Count];
        for (var k = 0; k < names.Count; k++)
        {
            var name = names[k];
            double? reference = baseline.TryGetValue(name, out var b) && double.IsFinite(b) ? b : null;
            var unjudged = rule.Judge(name, reference, null, null);
            var metric = new EstimatedMetric
            {
                Name = name,
                HigherIsBetter = unjudged.HigherIsBetter,
                Baseline = reference,
                Watched = unjudged.Watched,
                AllowedDrop = unjudged.AllowedDrop,
                MaxRelativeDrop = unjudged.MaxRelativeDrop,
                Realised = realised is not null && double.IsFinite(realised[k]) ? realised[k] : null,
            };
            if (!double.IsFinite(values[k]))
            {
                metrics[k] = metric with { Note = name == "roc_auc" ? "undefined: the calibrated probabilities give no positive or no negative rows" : "undefined on this window" };
                continue;
            }

            var error = double.IsFinite(errors[k]) ? errors[k] : 0;
            var half = (z * error) + (unjudged.HigherIsBetter ? allowance : 0);
            var (lower, upper) = Clip(unjudged.HigherIsBetter, values[k] - half, values[k] + half);
            var verdict = rule.Judge(name, reference, lower, upper);
            metrics[k] = metric with
            {
                Value = values[k],
                Lower = lower,
                Upper = upper,
                SamplingError = error,
                Level = verdict.IntervalLevel,
                Degraded = verdict.Degraded,
            };
        }

        var watched = rule.Watched.Metrics.Select(m => m.Name).ToArray();
        var judged = metrics.Where(m => m.Watched && m.Value is not null).ToArray();
        var degraded = judged.Where(m => m.Degraded).Select(m => m.Name).ToArray();
        var all = notes.ToList();
        if (watched.Where(w => judged.All(m => m.Name != w)).ToArray() is { Length: > 0 } unestimated)
        {
            // A watched metric estimation cannot give (R²) or could not on this window still counts in the Bonferroni
            // level, so the bands are those the same watched set gives measured metrics.
            all.Add($"watched but not estimated on this window: {string.Join(", ", unestimated)}");
        }

        return new EstimatedPerformance
        {
            Method = method,
            Rows = rows,
            Level = rule.Level,
            IntervalLevel = rule.IntervalLevel,
            Correction = DegradationRule.Correction,
            Watched = watched,
            DecidedBy = degraded.Length > 0 ? degraded : judged.Select(m => m.Name).ToArray(),
            Metrics = metrics,
            Degraded = degraded.Length > 0,
            Notes = all,
        };
    }

    // Rates stay in [0, 1]; losses and errors stay non-negative.
    private static (double Lower, double Upper) Clip(bool higherIsBetter, double lower, double upper) =>
        higherIsBetter
            ? (Math.Clamp(lower, 0, 1), Math.Clamp(upper, 0, 1))
            : (Math.Max(0, lower), Math.Max(0, upper));
}
