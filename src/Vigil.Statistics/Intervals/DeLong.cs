using Vigil.Statistics.Internal;
using Vigil.Statistics.Sorting;

namespace Vigil.Statistics.Intervals;

/// <summary>
/// ROC AUC with its DeLong, DeLong &amp; Clarke-Pearson (1988) variance, computed as Sun &amp; Xu (2014) do: each
/// positive's placement V10 (share of negatives scored below it, ties one half) and each negative's V01 (share of
/// positives scored above it); AUC = mean V10 = mean V01 and Var = s²(V10)/m + s²(V01)/n (sample variances,
/// m positives, n negatives). The two classes' scores are sorted separately and merged, so a million rows cost two
/// radix sorts and one pass.
/// </summary>
public static class DeLong
{
    /// <summary>AUC and its variance; throws <see cref="ArgumentException"/> when a class is missing or a score is NaN.</summary>
    public static DeLongResult RocAuc(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> score)
    {
        Guard.SameLength(yTrue, score, nameof(yTrue), nameof(score));
        Guard.BinaryLabels(yTrue, nameof(yTrue));
        Guard.NoNaN(score, nameof(score));
        var m = 0;
        foreach (var y in yTrue)
        {
            m += y;
        }

        var n = yTrue.Length - m;
        if (m == 0 || n == 0)
        {
            throw new ArgumentException("ROC AUC is undefined when only one class is present in yTrue.", nameof(yTrue));
        }

        var positives = new double[m];
        var negatives = new double[n];
        int p = 0, q = 0;
        for (var i = 0; i < yTrue.Length; i++)
        {
            if (yTrue[i] == 1)
            {
                positives[p++] = score[i];
            }
            else
            {
                negatives[q++] = score[i];
            }
        }

        DoubleSort.Sort(positives);
        DoubleSort.Sort(negatives);
        var v10 = Placements(positives, negatives, below: true);
        var v01 = Placements(negatives, positives, below: false);
        var (mean10, var10) = MeanAndSampleVariance(v10);
        var (_, var01) = MeanAndSampleVariance(v01);
        var variance = (m > 1 ? var10 / m : 0) + (n > 1 ? var01 / n : 0);
        return new DeLongResult(mean10, variance, m, n);
    }

    // For each value of `sorted` (ascending): the share of `other` strictly below it (or above it), ties counting one half.
    private static double[] Placements(double[] sorted, double[] other, bool below)
    {
        var result = new double[sorted.Length];
        int lessEnd = 0, equalEnd = 0; // other[..lessEnd] < v, other[lessEnd..equalEnd] == v
        for (var i = 0; i < sorted.Length; i++)
        {
            var v = sorted[i];
            while (lessEnd < other.Length && other[lessEnd] < v)
            {
                lessEnd++;
            }

            equalEnd = Math.Max(equalEnd, lessEnd);
            while (equalEnd < other.Length && other[equalEnd] == v)
            {
                equalEnd++;
            }

            var ties = equalEnd - lessEnd;
            var strictly = below ? lessEnd : other.Length - equalEnd;
            result[i] = (strictly + (0.5 * ties)) / other.Length;
        }

        return result;
    }

    private static (double Mean, double Variance) MeanAndSampleVariance(double[] values)
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

        return (mean, values.Length > 1 ? squares / (values.Length - 1) : 0);
    }
}
