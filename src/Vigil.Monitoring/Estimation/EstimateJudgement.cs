using MathNet.Numerics.Distributions;
using Vigil.AutoML;

namespace Vigil.Monitoring.Estimation;

/// <summary>
/// Turns estimates and their sampling errors into <see cref="EstimatedMetric"/>s: a normal band at the rule's
/// simultaneous level, the baseline, and the degradation verdict for watched metrics. Shared by CBPE and DLE.
/// </summary>
internal static class EstimateJudgement
{
    /// <param name="allowance">Added to both sides of every rate's band (not to losses): the error of what the estimate
    /// rests on, e.g. the probabilities' calibration error, which no amount of rows removes.</param>
    public static (IReadOnlyList<EstimatedMetric> Metrics, bool Degraded, double Level) Judge(
        AutoMLTask task, IReadOnlyList<string> names, double[] values, double[] errors, double[]? realised,
        IReadOnlyDictionary<string, double> baseline, EstimatedDegradationRule rule, double allowance = 0)
    {
        var watched = rule.WatchedFor(task);
        var m = Math.Max(1, watched.Count);
        var alpha = (1 - rule.Level) / m;
        var z = Normal.InvCDF(0, 1, 1 - (alpha / 2));
        var metrics = new EstimatedMetric[names.Count];
        for (var k = 0; k < names.Count; k++)
        {
            var name = names[k];
            var higher = EstimatedMetricNames.HigherIsBetter(name);
            double? reference = baseline.TryGetValue(name, out var b) && double.IsFinite(b) ? b : null;
            var isWatched = watched.Contains(name, StringComparer.Ordinal);
            var metric = new EstimatedMetric
            {
                Name = name,
                HigherIsBetter = higher,
                Baseline = reference,
                Watched = isWatched,
                AllowedDrop = isWatched && reference is { } r ? rule.AllowedDrop(r) : null,
                Realised = realised is not null && double.IsFinite(realised[k]) ? realised[k] : null,
            };
            if (!double.IsFinite(values[k]))
            {
                metrics[k] = metric with { Note = name == "roc_auc" ? "undefined: the calibrated probabilities give no positive or no negative rows" : "undefined on this window" };
                continue;
            }

            var error = double.IsFinite(errors[k]) ? errors[k] : 0;
            var half = (z * error) + (higher ? allowance : 0);
            var (lower, upper) = Clip(name, values[k] - half, values[k] + half);
            metrics[k] = metric with
            {
                Value = values[k],
                Lower = lower,
                Upper = upper,
                SamplingError = error,
                Degraded = isWatched && reference is { } baseValue && rule.IsDegraded(lower, upper, baseValue, higher),
            };
        }

        return (metrics, metrics.Any(x => x.Degraded), 1 - (alpha * m));
    }

    // Rates stay in [0, 1]; losses and errors stay non-negative.
    private static (double Lower, double Upper) Clip(string name, double lower, double upper) =>
        EstimatedMetricNames.HigherIsBetter(name)
            ? (Math.Clamp(lower, 0, 1), Math.Clamp(upper, 0, 1))
            : (Math.Max(0, lower), Math.Max(0, upper));
}
