using Vigil.Statistics.Internal;

namespace Vigil.Statistics.Calibration;

/// <summary>
/// Least-squares isotonic (non-decreasing) regression by pool-adjacent-violators, equal to scikit-learn's
/// <c>IsotonicRegression(out_of_bounds="clip")</c>: rows with equal x are pooled first (weighted mean of y), PAV runs
/// on the distinct x in ascending order, and a prediction interpolates linearly between the fitted points and is
/// clipped to the first and last outside them.
/// </summary>
public static class IsotonicRegression
{
    /// <summary>
    /// Fits y on x. <paramref name="weights"/> (optional, positive) weight the squared errors. NaN is refused; an
    /// infinite x is refused too (it cannot be interpolated).
    /// </summary>
    public static IsotonicFit Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> weights = default)
    {
        Guard.SameLength(x, y, nameof(x), nameof(y));
        Guard.NoNaN(x, nameof(x));
        Guard.NoNaN(y, nameof(y));
        if (!weights.IsEmpty && weights.Length != x.Length)
        {
            throw new ArgumentException($"weights has {weights.Length} values but x has {x.Length}.", nameof(weights));
        }

        var n = x.Length;
        var order = new int[n];
        var keys = new double[n];
        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(x[i]))
            {
                throw new ArgumentException($"x[{i}] is {x[i]}; isotonic regression needs finite inputs.", nameof(x));
            }

            if (!weights.IsEmpty && !(weights[i] > 0 && double.IsFinite(weights[i])))
            {
                throw new ArgumentException($"weights[{i}] is {weights[i]}; weights must be positive and finite.", nameof(weights));
            }

            order[i] = i;
            keys[i] = x[i];
        }

        Array.Sort(keys, order);

        // Pool equal x into one point: weighted mean of y, summed weight.
        var ux = new List<double>(n);
        var uy = new List<double>(n);
        var uw = new List<double>(n);
        for (var k = 0; k < n;)
        {
            var value = keys[k];
            double sumW = 0, sumWy = 0;
            for (; k < n && keys[k] == value; k++)
            {
                var w = weights.IsEmpty ? 1.0 : weights[order[k]];
                sumW += w;
                sumWy += w * y[order[k]];
            }

            ux.Add(value);
            uy.Add(sumWy / sumW);
            uw.Add(sumW);
        }

        return new IsotonicFit([.. ux], PoolAdjacentViolators(uy, uw));
    }

    /// <summary>The non-decreasing sequence closest to <paramref name="y"/> in weighted least squares.</summary>
    public static double[] PoolAdjacentViolators(IReadOnlyList<double> y, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(weights);
        if (y.Count != weights.Count)
        {
            throw new ArgumentException($"weights has {weights.Count} values but y has {y.Count}.", nameof(weights));
        }

        // Blocks on a stack: mean, weight and the count of points each covers; a new point merges backwards while it
        // violates the order.
        var n = y.Count;
        var mean = new double[n];
        var weight = new double[n];
        var size = new int[n];
        var blocks = 0;
        for (var i = 0; i < n; i++)
        {
            mean[blocks] = y[i];
            weight[blocks] = weights[i];
            size[blocks] = 1;
            blocks++;
            while (blocks > 1 && mean[blocks - 2] >= mean[blocks - 1])
            {
                var w = weight[blocks - 2] + weight[blocks - 1];
                mean[blocks - 2] = ((weight[blocks - 2] * mean[blocks - 2]) + (weight[blocks - 1] * mean[blocks - 1])) / w;
                weight[blocks - 2] = w;
                size[blocks - 2] += size[blocks - 1];
                blocks--;
            }
        }

        var fitted = new double[n];
        var at = 0;
        for (var b = 0; b < blocks; b++)
        {
            for (var j = 0; j < size[b]; j++)
            {
                fitted[at++] = mean[b];
            }
        }

        return fitted;
    }
}
