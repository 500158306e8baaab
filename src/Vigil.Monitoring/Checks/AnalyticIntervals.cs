using Vigil.AutoML;
using Vigil.Statistics.Intervals;
using Vigil.Statistics.Metrics;

namespace Vigil.Monitoring.Checks;

/// <summary>
/// Confidence intervals of the task metrics on all rows of a window without resampling: ROC AUC by DeLong; accuracy,
/// precision, recall and F1 as ratios of means (delta method); log loss, MAE as means; RMSE through the interval of
/// the mean squared error (square-rooted, as the percentile bootstrap's interval is); R² through its residual share
/// (a ratio of means); macro F1 through the mean of its classes' linearised F1s. One pass per metric, so a million
/// rows cost about what their metrics cost. Bounded metrics are clipped to their range.
/// </summary>
internal static class AnalyticIntervals
{
    /// <summary>The interval of <paramref name="metric"/> around <paramref name="value"/> (its value on all rows), or null when undefined.</summary>
    public static (double Lower, double Upper, IntervalMethod Method)? Of(PredictionSet p, string metric, double value, double level)
    {
        var z = NormalInterval.Critical(level);
        switch (metric)
        {
            case "roc_auc":
                {
                    var y = ToArray(p.TrueClasses!);
                    var d = DeLong.RocAuc(y, ToArray(p.Probabilities!));
                    return Clip(value, z * d.StandardError, 0, 1, IntervalMethod.Delong);
                }

            case "accuracy" or "precision" or "recall" or "f1":
                return Ratio(p, metric, value, z);
            case "log_loss":
                return Clip(value, z * MeanStandardError(LogLosses(p)), 0, double.PositiveInfinity, IntervalMethod.Normal);
            case "macro_f1":
                return Clip(value, z * MacroF1StandardError(p), 0, 1, IntervalMethod.Normal);
            case "mae":
                return Clip(value, z * MeanStandardError(Errors(p, squared: false)), 0, double.PositiveInfinity, IntervalMethod.Normal);
            case "rmse":
                {
                    var squared = Errors(p, squared: true);
                    var mse = value * value;
                    var half = z * MeanStandardError(squared);
                    return (Math.Sqrt(Math.Max(0, mse - half)), Math.Sqrt(mse + half), IntervalMethod.Normal);
                }

            case "r2":
                return R2(p, value, z);
            default:
                return null;
        }
    }

    private static (double, double, IntervalMethod)? Ratio(PredictionSet p, string metric, double value, double z)
    {
        var moments = new RatioMoments();
        var y = p.TrueClasses!;
        var f = p.PredictedClasses!;
        for (var i = 0; i < p.Rows; i++)
        {
            var t = y[i];
            var pr = f[i];
            switch (metric)
            {
                case "accuracy":
                    moments.Add(t == pr ? 1 : 0, 1);
                    break;
                case "precision":
                    moments.Add(t == 1 && pr == 1 ? 1 : 0, pr == 1 ? 1 : 0);
                    break;
                case "recall":
                    moments.Add(t == 1 && pr == 1 ? 1 : 0, t == 1 ? 1 : 0);
                    break;
                default: // f1 = 2TP / (2TP + FP + FN)
                    var tp = t == 1 && pr == 1 ? 2 : 0;
                    moments.Add(tp, tp + (t != pr ? 1 : 0));
                    break;
            }
        }

        var se = moments.StandardError;
        return double.IsFinite(se) ? Clip(value, z * se, 0, 1, IntervalMethod.Normal) : null;
    }

    private static (double, double, IntervalMethod)? R2(PredictionSet p, double value, double z)
    {
        var y = p.TrueValues!;
        var f = p.PredictedValues!;
        double mean = 0;
        for (var i = 0; i < p.Rows; i++)
        {
            mean += y[i];
        }

        mean /= p.Rows;
        // R² = 1 − ΣU/ΣV with U = residual², V = (y − ȳ)²; estimating ȳ adds nothing at first order (Σ(y − ȳ) = 0).
        var moments = new RatioMoments();
        for (var i = 0; i < p.Rows; i++)
        {
            var e = y[i] - f[i];
            var c = y[i] - mean;
            moments.Add(e * e, c * c);
        }

        var se = moments.StandardError;
        return double.IsFinite(se) ? Clip(value, z * se, double.NegativeInfinity, 1, IntervalMethod.Normal) : null;
    }

    private static double MacroF1StandardError(PredictionSet p)
    {
        var k = p.ClassCount;
        var y = p.TrueClasses!;
        var f = p.PredictedClasses!;
        var tp = new long[k];
        var support = new long[k];
        var predicted = new long[k];
        for (var i = 0; i < p.Rows; i++)
        {
            support[y[i]]++;
            predicted[f[i]]++;
            if (y[i] == f[i])
            {
                tp[y[i]]++;
            }
        }

        // Per present class c: F1_c = ΣU/ΣV with U = 2·[TP], V = [y = c] + [ŷ = c]; its influence is (U − F1_c·V)/V̄.
        var present = Enumerable.Range(0, k).Where(c => support[c] + predicted[c] > 0).ToArray();
        var f1 = new double[k];
        var meanV = new double[k];
        foreach (var c in present)
        {
            f1[c] = 2.0 * tp[c] / (support[c] + predicted[c]);
            meanV[c] = (double)(support[c] + predicted[c]) / p.Rows;
        }

        var influence = new double[p.Rows];
        for (var i = 0; i < p.Rows; i++)
        {
            double sum = 0;
            foreach (var c in present)
            {
                var u = y[i] == c && f[i] == c ? 2.0 : 0.0;
                var v = (y[i] == c ? 1.0 : 0.0) + (f[i] == c ? 1.0 : 0.0);
                sum += (u - (f1[c] * v)) / meanV[c];
            }

            influence[i] = sum / present.Length;
        }

        return MeanStandardError(influence);
    }

    private static double[] LogLosses(PredictionSet p)
    {
        const double eps = BinaryMetrics.LogLossEpsilon;
        var y = p.TrueClasses!;
        var prob = p.Probabilities!;
        var losses = new double[p.Rows];
        if (p.Task == AutoMLTask.Binary)
        {
            for (var i = 0; i < p.Rows; i++)
            {
                var q = Math.Clamp(prob[i], eps, 1 - eps);
                losses[i] = -Math.Log(y[i] == 1 ? q : 1 - q);
            }

            return losses;
        }

        var k = p.ClassCount;
        for (var i = 0; i < p.Rows; i++)
        {
            double rowSum = 0;
            for (var c = 0; c < k; c++)
            {
                rowSum += Math.Clamp(prob[(i * k) + c], eps, 1 - eps);
            }

            losses[i] = -Math.Log(Math.Clamp(prob[(i * k) + y[i]], eps, 1 - eps) / rowSum);
        }

        return losses;
    }

    private static double[] Errors(PredictionSet p, bool squared)
    {
        var y = p.TrueValues!;
        var f = p.PredictedValues!;
        var e = new double[p.Rows];
        for (var i = 0; i < p.Rows; i++)
        {
            var d = y[i] - f[i];
            e[i] = squared ? d * d : Math.Abs(d);
        }

        return e;
    }

    // Plug-in (ddof 0) standard error of a mean, the spread the percentile bootstrap reproduces.
    private static double MeanStandardError(double[] values)
    {
        double sum = 0;
        foreach (var v in values)
        {
            sum += v;
        }

        var mean = sum / values.Length;
        double squares = 0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        return Math.Sqrt(squares / values.Length / values.Length);
    }

    private static (double, double, IntervalMethod) Clip(double value, double half, double min, double max, IntervalMethod method) =>
        (Math.Max(min, value - half), Math.Min(max, value + half), method);

    private static T[] ToArray<T>(IReadOnlyList<T> list) => list as T[] ?? [.. list];
}
