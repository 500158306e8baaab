namespace Vigil.Monitoring.Estimation;

/// <summary>
/// Binary metrics of one set of scored rows for any per-row probability q of the positive class: the calibrated
/// probability gives the expected confusion matrix (CBPE), 0/1 labels give the realised metrics, simulated labels a
/// draw of them. The model's own score orders the rows for ROC AUC (tied scores form one step of the curve, as
/// scikit-learn's roc_curve does), its predicted class fills the confusion matrix, its probability the log loss.
/// Metric order: <see cref="EstimatedMetricNames"/> for binary.
/// </summary>
internal sealed class BinaryExpectation
{
    private const double Eps = 1e-15;
    private readonly int[] _order;
    private readonly int[] _groupEnds;
    private readonly bool[] _predictedPositive;
    private readonly double[] _logScore;
    private readonly double[] _logOneMinusScore;

    public BinaryExpectation(IReadOnlyList<double> score, IReadOnlyList<int> predicted)
    {
        var n = score.Count;
        _order = Enumerable.Range(0, n).ToArray();
        var keys = new double[n];
        _predictedPositive = new bool[n];
        _logScore = new double[n];
        _logOneMinusScore = new double[n];
        for (var i = 0; i < n; i++)
        {
            var s = double.IsNaN(score[i]) ? 0.5 : score[i];
            keys[i] = -s;
            _predictedPositive[i] = predicted[i] == 1;
            var clipped = Math.Clamp(s, Eps, 1 - Eps);
            _logScore[i] = Math.Log(clipped);
            _logOneMinusScore[i] = Math.Log(1 - clipped);
        }

        Array.Sort(keys, _order);
        var ends = new List<int>();
        for (var k = 1; k <= n; k++)
        {
            if (k == n || keys[k] != keys[k - 1])
            {
                ends.Add(k);
            }
        }

        _groupEnds = [.. ends];
    }

    public int Rows => _order.Length;

    /// <summary>The metrics for probabilities <paramref name="q"/> (one per row).</summary>
    public double[] Metrics(ReadOnlySpan<double> q)
    {
        double tp = 0, fp = 0, fn = 0, tn = 0, logLoss = 0;
        for (var i = 0; i < q.Length; i++)
        {
            var p = q[i];
            if (_predictedPositive[i])
            {
                tp += p;
                fp += 1 - p;
            }
            else
            {
                fn += p;
                tn += 1 - p;
            }

            logLoss -= (p * _logScore[i]) + ((1 - p) * _logOneMinusScore[i]);
        }

        var n = q.Length;
        var precision = Ratio(tp, tp + fp);
        var recall = Ratio(tp, tp + fn);
        return
        [
            (tp + tn) / n,
            Auc(q),
            precision,
            recall,
            Ratio(2 * tp, (2 * tp) + fp + fn),
            Ratio(tn, tn + fp),
            logLoss / n,
        ];
    }

    // Trapezoidal area under the expected ROC curve: rows by descending score, each group of tied scores one step.
    private double Auc(ReadOnlySpan<double> q)
    {
        double positives = 0, negatives = 0, area = 0;
        var start = 0;
        foreach (var end in _groupEnds)
        {
            double p = 0, m = 0;
            for (var k = start; k < end; k++)
            {
                var v = q[_order[k]];
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

    // sklearn's zero_division = 0, as the realised metrics.
    private static double Ratio(double numerator, double denominator) => denominator <= 0 ? 0 : numerator / denominator;
}
