using Vigil.Statistics.Internal;

namespace Vigil.Statistics.Metrics;

/// <summary>
/// Binary classification metrics matching scikit-learn 1.2. Labels are 0/1 with 1 the positive class;
/// scores and probabilities refer to class 1. Empty or length-mismatched inputs throw <see cref="ArgumentException"/>.
/// </summary>
public static class BinaryMetrics
{
    /// <summary>Clipping bound used by <see cref="LogLoss"/> (scikit-learn 1.2 default eps).</summary>
    public const double LogLossEpsilon = 1e-15;

    /// <summary>
    /// Area under the ROC curve (= sklearn roc_auc_score). Tied scores count one half, which equals the trapezoidal
    /// area sklearn computes over distinct thresholds. Computed as the Mann–Whitney U with mid-ranks divided by n₁·n₀.
    /// Throws <see cref="ArgumentException"/> when yTrue holds only one class.
    /// </summary>
    public static double RocAuc(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> score)
    {
        Guard.SameLength(yTrue, score, nameof(yTrue), nameof(score));
        Guard.BinaryLabels(yTrue, nameof(yTrue));
        Guard.NoNaN(score, nameof(score));
        var order = SortedOrder(score);
        long positives = 0;
        for (var i = 0; i < yTrue.Length; i++)
        {
            positives += yTrue[i];
        }

        long negatives = yTrue.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            throw new ArgumentException("ROC AUC is undefined when only one class is present in yTrue.", nameof(yTrue));
        }

        // Walk ascending scores in tie groups: each positive beats the negatives strictly below and half the tied ones.
        double wins = 0;
        long negativesBelow = 0;
        var n = order.Length;
        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            var value = score[order[start]];
            while (end < n && score[order[end]] == value)
            {
                end++;
            }

            long groupPos = 0;
            for (var k = start; k < end; k++)
            {
                groupPos += yTrue[order[k]];
            }

            long groupNeg = end - start - groupPos;
            wins += groupPos * (negativesBelow + (0.5 * groupNeg));
            negativesBelow += groupNeg;
            start = end;
        }

        return wins / ((double)positives * negatives);
    }

    /// <summary>
    /// Average precision (= sklearn average_precision_score): Σₖ (Rₖ − Rₖ₋₁)·Pₖ over distinct score thresholds taken
    /// in decreasing order, with R₀ = 0 (step-wise, no interpolation). Throws when yTrue has no positive label.
    /// </summary>
    public static double AveragePrecision(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> score)
    {
        Guard.SameLength(yTrue, score, nameof(yTrue), nameof(score));
        Guard.BinaryLabels(yTrue, nameof(yTrue));
        Guard.NoNaN(score, nameof(score));
        var order = SortedOrder(score);
        long positives = 0;
        for (var i = 0; i < yTrue.Length; i++)
        {
            positives += yTrue[i];
        }

        if (positives == 0)
        {
            throw new ArgumentException("Average precision is undefined when yTrue has no positive label.", nameof(yTrue));
        }

        double ap = 0;
        double previousRecall = 0;
        long tp = 0;
        var end = order.Length;
        while (end > 0)
        {
            // Tie group of the highest remaining score (order is ascending, walk from the end).
            var start = end - 1;
            var value = score[order[start]];
            while (start > 0 && score[order[start - 1]] == value)
            {
                start--;
            }

            for (var k = start; k < end; k++)
            {
                tp += yTrue[order[k]];
            }

            var predicted = order.Length - start;
            var recall = (double)tp / positives;
            var precision = (double)tp / predicted;
            ap += (recall - previousRecall) * precision;
            previousRecall = recall;
            end = start;
        }

        return ap;
    }

    /// <summary>
    /// Mean negative log-likelihood in nats (= sklearn 1.2 log_loss with labels [0, 1]): p clipped to [1e-15, 1 − 1e-15],
    /// the pair (1 − p, p) renormalised to sum 1, then −mean(log p_true).
    /// </summary>
    public static double LogLoss(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> probability)
    {
        Guard.SameLength(yTrue, probability, nameof(yTrue), nameof(probability));
        Guard.BinaryLabels(yTrue, nameof(yTrue));
        Guard.NoNaN(probability, nameof(probability));
        double sum = 0;
        for (var i = 0; i < yTrue.Length; i++)
        {
            var p = Math.Clamp(probability[i], LogLossEpsilon, 1 - LogLossEpsilon);
            var q = 1 - p;
            var total = p + q;
            sum -= Math.Log(yTrue[i] == 1 ? p / total : q / total);
        }

        return sum / yTrue.Length;
    }

    /// <summary>Brier score: mean of (p − y)². Probabilities must lie in [0, 1].</summary>
    public static double Brier(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> probability)
    {
        Guard.SameLength(yTrue, probability, nameof(yTrue), nameof(probability));
        Guard.BinaryLabels(yTrue, nameof(yTrue));
        double sum = 0;
        for (var i = 0; i < yTrue.Length; i++)
        {
            var p = probability[i];
            if (!(p >= 0 && p <= 1))
            {
                throw new ArgumentException("Probabilities must lie in [0, 1].", nameof(probability));
            }

            var d = p - yTrue[i];
            sum += d * d;
        }

        return sum / yTrue.Length;
    }

    /// <summary>Fraction of rows where yPred equals yTrue.</summary>
    public static double Accuracy(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred)
    {
        Guard.SameLength(yTrue, yPred, nameof(yTrue), nameof(yPred));
        long hits = 0;
        for (var i = 0; i < yTrue.Length; i++)
        {
            hits += yTrue[i] == yPred[i] ? 1 : 0;
        }

        return (double)hits / yTrue.Length;
    }

    /// <summary>Precision of class 1: TP / (TP + FP); 0 when nothing is predicted positive (zero_division = 0).</summary>
    public static double Precision(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred)
    {
        var (tp, fp, _) = Counts(yTrue, yPred);
        return tp + fp == 0 ? 0 : (double)tp / (tp + fp);
    }

    /// <summary>Recall of class 1: TP / (TP + FN); 0 when yTrue has no positive (zero_division = 0).</summary>
    public static double Recall(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred)
    {
        var (tp, _, fn) = Counts(yTrue, yPred);
        return tp + fn == 0 ? 0 : (double)tp / (tp + fn);
    }

    /// <summary>F1 of class 1: 2·P·R / (P + R) with P, R as above; 0 when P + R = 0 (sklearn 1.2 formula).</summary>
    public static double F1(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred)
    {
        var (tp, fp, fn) = Counts(yTrue, yPred);
        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        return FScore(precision, recall);
    }

    /// <summary>sklearn 1.2 F-beta with beta = 1: (1 + β²)·P·R / (β²·P + R), denominator 0 → 0.</summary>
    internal static double FScore(double precision, double recall)
    {
        var denominator = precision + recall;
        return denominator == 0 ? 0 : 2 * precision * recall / denominator;
    }

    private static (long Tp, long Fp, long Fn) Counts(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred)
    {
        Guard.SameLength(yTrue, yPred, nameof(yTrue), nameof(yPred));
        Guard.BinaryLabels(yTrue, nameof(yTrue));
        Guard.BinaryLabels(yPred, nameof(yPred));
        long tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < yTrue.Length; i++)
        {
            var t = yTrue[i];
            var p = yPred[i];
            tp += t & p;
            fp += (1 - t) & p;
            fn += t & (1 - p);
        }

        return (tp, fp, fn);
    }

    private static int[] SortedOrder(ReadOnlySpan<double> score)
    {
        var keys = score.ToArray();
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        return order;
    }
}
