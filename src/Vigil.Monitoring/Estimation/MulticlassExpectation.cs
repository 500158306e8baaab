namespace Vigil.Monitoring.Estimation;

/// <summary>
/// Multiclass metrics of one set of scored rows for any per-row class distribution q (rows × classes, row-major):
/// calibrated probabilities give the expected values (CBPE), one-hot labels the realised ones. Accuracy is the mean
/// q of the predicted class; precision, recall, F1 and specificity are one-vs-rest per class and averaged without
/// weights; ROC AUC is one-vs-rest per class (rows ordered by the model's own score of that class, ties one step) and
/// averaged over the classes where it is defined; log loss is −Σ q·log(model probability).
/// Metric order: <see cref="EstimatedMetricNames"/> for multiclass.
/// </summary>
internal sealed class MulticlassExpectation
{
    private const double Eps = 1e-15;
    private readonly int _classes;
    private readonly int[] _predicted;
    private readonly int[][] _order;
    private readonly int[][] _groupEnds;
    private readonly double[] _logScore;

    public MulticlassExpectation(IReadOnlyList<double> scores, IReadOnlyList<int> predicted, int classes)
    {
        var n = predicted.Count;
        _classes = classes;
        _predicted = [.. predicted];
        _logScore = new double[n * classes];
        _order = new int[classes][];
        _groupEnds = new int[classes][];
        for (var c = 0; c < classes; c++)
        {
            var keys = new double[n];
            var order = Enumerable.Range(0, n).ToArray();
            for (var i = 0; i < n; i++)
            {
                var s = scores[(i * classes) + c];
                s = double.IsNaN(s) ? 0 : s;
                keys[i] = -s;
                _logScore[(i * classes) + c] = Math.Log(Math.Clamp(s, Eps, 1));
            }

            Array.Sort(keys, order);
            var ends = new List<int>();
            for (var k = 1; k <= n; k++)
            {
                if (k == n || keys[k] != keys[k - 1])
                {
                    ends.Add(k);
                }
            }

            _order[c] = order;
            _groupEnds[c] = [.. ends];
        }
    }

    public int Rows => _predicted.Length;

    /// <summary>The metrics for class distributions <paramref name="q"/> (rows × classes).</summary>
    public double[] Metrics(ReadOnlySpan<double> q)
    {
        var n = _predicted.Length;
        var k = _classes;
        var tp = new double[k];
        var predictedCount = new double[k];
        var actual = new double[k];
        double correct = 0, logLoss = 0;
        for (var i = 0; i < n; i++)
        {
            var c = _predicted[i];
            var row = q.Slice(i * k, k);
            correct += row[c];
            tp[c] += row[c];
            predictedCount[c] += 1;
            for (var j = 0; j < k; j++)
            {
                actual[j] += row[j];
                logLoss -= row[j] * _logScore[(i * k) + j];
            }
        }

        double precision = 0, recall = 0, f1 = 0, specificity = 0, auc = 0;
        var aucClasses = 0;
        for (var c = 0; c < k; c++)
        {
            var fp = predictedCount[c] - tp[c];
            var fn = actual[c] - tp[c];
            var tn = n - tp[c] - fp - fn;
            precision += Ratio(tp[c], tp[c] + fp);
            recall += Ratio(tp[c], tp[c] + fn);
            f1 += Ratio(2 * tp[c], (2 * tp[c]) + fp + fn);
            specificity += Ratio(tn, tn + fp);
            var a = Auc(q, c);
            if (!double.IsNaN(a))
            {
                auc += a;
                aucClasses++;
            }
        }

        return
        [
            correct / n,
            aucClasses == 0 ? double.NaN : auc / aucClasses,
            precision / k,
            recall / k,
            f1 / k,
            specificity / k,
            logLoss / n,
        ];
    }

    private double Auc(ReadOnlySpan<double> q, int c)
    {
        var order = _order[c];
        double positives = 0, negatives = 0, area = 0;
        var start = 0;
        foreach (var end in _groupEnds[c])
        {
            double p = 0, m = 0;
            for (var r = start; r < end; r++)
            {
                var v = q[(order[r] * _classes) + c];
                p += v;
                m += 1 - v;
            }

            area += m * (positives + (p / 2));
            positives += p;
            negatives += m;
            start = end;
        }

        return positives <= 0 || negatives <= 0 ? double.NaN : area / (positives * negatives);
    }

    private static double Ratio(double numerator, double denominator) => denominator <= 0 ? 0 : numerator / denominator;
}
