using Vigil.Statistics.Internal;

namespace Vigil.Statistics.Calibration;

/// <summary>How far predicted probabilities are from the frequencies they claim.</summary>
public static class CalibrationError
{
    /// <summary>
    /// Expected calibration error with equal-mass bins: the rows sorted by probability are cut into
    /// <paramref name="bins"/> groups of (nearly) equal size, and the error is Σ (n_b / n)·|mean p_b − mean y_b|.
    /// Equal-mass bins keep every bin populated however the probabilities are spread (equal-width bins leave most
    /// empty for a confident model).
    /// </summary>
    public static double Expected(ReadOnlySpan<double> probability, ReadOnlySpan<int> y, int bins = 10)
    {
        Guard.SameLength(probability, y, nameof(probability), nameof(y));
        Guard.NoNaN(probability, nameof(probability));
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var n = probability.Length;
        var order = new int[n];
        var keys = probability.ToArray();
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        bins = Math.Min(bins, n);
        var total = 0.0;
        for (var b = 0; b < bins; b++)
        {
            var start = (int)((long)b * n / bins);
            var end = (int)((long)(b + 1) * n / bins);
            double sumP = 0, sumY = 0;
            for (var k = start; k < end; k++)
            {
                sumP += keys[k];
                sumY += y[order[k]];
            }

            total += Math.Abs(sumP - sumY);
        }

        return total / n;
    }
}
