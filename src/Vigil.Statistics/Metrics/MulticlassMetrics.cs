using Vigil.Statistics.Internal;

namespace Vigil.Statistics.Metrics;

/// <summary>
/// Multiclass metrics matching scikit-learn 1.2. Labels are class indices 0..classCount−1. Averaged precision, recall
/// and F1 use the labels present in yTrue ∪ yPred (as sklearn does when labels is not given) with zero_division = 0.
/// </summary>
public static class MulticlassMetrics
{
    /// <summary>
    /// Mean negative log-likelihood in nats (= sklearn 1.2 log_loss with labels 0..k−1): each probability is clipped
    /// to [1e-15, 1 − 1e-15], each row is divided by its sum, then −mean(log p[row, yTrue[row]]).
    /// <paramref name="probabilities"/> is row-major n × classCount.
    /// </summary>
    public static double LogLoss(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> probabilities, int classCount)
    {
        Guard.NotEmpty(yTrue, nameof(yTrue));
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        if (probabilities.Length != (long)yTrue.Length * classCount)
        {
            throw new ArgumentException("probabilities must hold yTrue.Length × classCount values (row-major).", nameof(probabilities));
        }

        Guard.ClassLabels(yTrue, classCount, nameof(yTrue));
        Guard.NoNaN(probabilities, nameof(probabilities));
        const double eps = BinaryMetrics.LogLossEpsilon;
        double sum = 0;
        for (var i = 0; i < yTrue.Length; i++)
        {
            var row = probabilities.Slice(i * classCount, classCount);
            double rowSum = 0;
            for (var c = 0; c < classCount; c++)
            {
                rowSum += Math.Clamp(row[c], eps, 1 - eps);
            }

            sum -= Math.Log(Math.Clamp(row[yTrue[i]], eps, 1 - eps) / rowSum);
        }

        return sum / yTrue.Length;
    }

    /// <summary>Fraction of rows where yPred equals yTrue.</summary>
    public static double Accuracy(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred) => BinaryMetrics.Accuracy(yTrue, yPred);

    /// <summary>Unweighted mean over present labels of per-class F1 = 2·P·R/(P + R) (0 when P + R = 0).</summary>
    public static double MacroF1(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, int classCount) =>
        Average(yTrue, yPred, classCount, Score.F1, weighted: false);

    /// <summary>Unweighted mean over present labels of per-class precision TP/(TP + FP) (0 when nothing predicted).</summary>
    public static double MacroPrecision(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, int classCount) =>
        Average(yTrue, yPred, classCount, Score.Precision, weighted: false);

    /// <summary>Unweighted mean over present labels of per-class recall TP/(TP + FN) (0 for a label absent from yTrue).</summary>
    public static double MacroRecall(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, int classCount) =>
        Average(yTrue, yPred, classCount, Score.Recall, weighted: false);

    /// <summary>Mean of per-class F1 over present labels weighted by support (count of the label in yTrue).</summary>
    public static double WeightedF1(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, int classCount) =>
        Average(yTrue, yPred, classCount, Score.F1, weighted: true);

    /// <summary>Mean of per-class precision over present labels weighted by support.</summary>
    public static double WeightedPrecision(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, int classCount) =>
        Average(yTrue, yPred, classCount, Score.Precision, weighted: true);

    /// <summary>Mean of per-class recall over present labels weighted by support (equals accuracy).</summary>
    public static double WeightedRecall(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, int classCount) =>
        Average(yTrue, yPred, classCount, Score.Recall, weighted: true);

    private enum Score
    {
        Precision,
        Recall,
        F1,
    }

    private static double Average(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, int classCount, Score score, bool weighted)
    {
        Guard.SameLength(yTrue, yPred, nameof(yTrue), nameof(yPred));
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        Guard.ClassLabels(yTrue, classCount, nameof(yTrue));
        Guard.ClassLabels(yPred, classCount, nameof(yPred));
        var tp = new long[classCount];
        var support = new long[classCount];
        var predicted = new long[classCount];
        for (var i = 0; i < yTrue.Length; i++)
        {
            support[yTrue[i]]++;
            predicted[yPred[i]]++;
            if (yTrue[i] == yPred[i])
            {
                tp[yTrue[i]]++;
            }
        }

        double total = 0;
        double weightSum = 0;
        for (var c = 0; c < classCount; c++)
        {
            if (support[c] == 0 && predicted[c] == 0)
            {
                continue; // label absent from yTrue ∪ yPred
            }

            var precision = predicted[c] == 0 ? 0 : (double)tp[c] / predicted[c];
            var recall = support[c] == 0 ? 0 : (double)tp[c] / support[c];
            var value = score switch
            {
                Score.Precision => precision,
                Score.Recall => recall,
                _ => BinaryMetrics.FScore(precision, recall),
            };
            var weight = weighted ? support[c] : 1.0;
            total += weight * value;
            weightSum += weight;
        }

        return weightSum == 0 ? 0 : total / weightSum;
    }
}
