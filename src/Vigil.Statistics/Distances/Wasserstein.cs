using Vigil.Statistics.Internal;

namespace Vigil.Statistics.Distances;

/// <summary>First Wasserstein (earth mover's) distance between two 1-D empirical distributions.</summary>
public static class Wasserstein
{
    /// <summary>Value used instead of a zero reference standard deviation in <see cref="Normalized(double, double)"/>.</summary>
    public const double ZeroStdReplacement = 0.001;

    /// <summary>
    /// W1 = ∫ |U(t) − V(t)| dt between the (optionally weighted) empirical CDFs (= scipy.stats.wasserstein_distance),
    /// in the units of the values. Inputs in any order; sorts copies. Weights must be non-negative with positive sum.
    /// </summary>
    public static double Distance(ReadOnlySpan<double> u, ReadOnlySpan<double> v, ReadOnlySpan<double> uWeights = default, ReadOnlySpan<double> vWeights = default)
    {
        var (su, wu) = SortWithWeights(u, uWeights, nameof(u), nameof(uWeights));
        var (sv, wv) = SortWithWeights(v, vWeights, nameof(v), nameof(vWeights));
        return DistanceSorted(su, sv, wu, wv);
    }

    /// <summary>
    /// Same as <see cref="Distance"/> for values already sorted ascending (weights aligned with the sorted values;
    /// empty weights = equal weights). O(n + m), no allocation.
    /// </summary>
    public static double DistanceSorted(ReadOnlySpan<double> sortedU, ReadOnlySpan<double> sortedV, ReadOnlySpan<double> uWeights = default, ReadOnlySpan<double> vWeights = default)
    {
        Guard.NotEmpty(sortedU, nameof(sortedU));
        Guard.NotEmpty(sortedV, nameof(sortedV));
        Guard.NoNaN(sortedU, nameof(sortedU));
        Guard.NoNaN(sortedV, nameof(sortedV));
        var totalU = Total(sortedU, uWeights, nameof(uWeights));
        var totalV = Total(sortedV, vWeights, nameof(vWeights));
        int i = 0, j = 0;
        double cumU = 0, cumV = 0, sum = 0;
        var previous = double.NaN;
        while (i < sortedU.Length || j < sortedV.Length)
        {
            var t = i < sortedU.Length ? (j < sortedV.Length ? Math.Min(sortedU[i], sortedV[j]) : sortedU[i]) : sortedV[j];
            if (!double.IsNaN(previous))
            {
                sum += Math.Abs((cumU / totalU) - (cumV / totalV)) * (t - previous);
            }

            while (i < sortedU.Length && sortedU[i] <= t)
            {
                cumU += uWeights.IsEmpty ? 1.0 : uWeights[i];
                i++;
            }

            while (j < sortedV.Length && sortedV[j] <= t)
            {
                cumV += vWeights.IsEmpty ? 1.0 : vWeights[j];
                j++;
            }

            previous = t;
        }

        return sum;
    }

    /// <summary>
    /// W1(sortedReference, sortedCurrent) divided by the population standard deviation (ddof = 0) of the reference;
    /// divides by 0.001 instead when that deviation is 0. Dimensionless.
    /// </summary>
    public static double Normalized(ReadOnlySpan<double> sortedReference, ReadOnlySpan<double> sortedCurrent)
    {
        return Normalized(DistanceSorted(sortedReference, sortedCurrent), PopulationStd(sortedReference));
    }

    /// <summary>A W1 distance divided by a reference's population standard deviation, or by <see cref="ZeroStdReplacement"/> when that is 0.</summary>
    public static double Normalized(double distance, double referenceStd) =>
        distance / (referenceStd > 0 ? referenceStd : ZeroStdReplacement);

    /// <summary>Population standard deviation sqrt(mean((x − x̄)²)) (numpy std, ddof = 0), two-pass.</summary>
    public static double PopulationStd(ReadOnlySpan<double> values)
    {
        Guard.NotEmpty(values, nameof(values));
        double mean = 0;
        foreach (var x in values)
        {
            mean += x;
        }

        mean /= values.Length;
        double ss = 0;
        foreach (var x in values)
        {
            var d = x - mean;
            ss += d * d;
        }

        return Math.Sqrt(ss / values.Length);
    }

    private static double Total(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, string name)
    {
        if (weights.IsEmpty)
        {
            return values.Length;
        }

        if (weights.Length != values.Length)
        {
            throw new ArgumentException("Weights must align with values.", name);
        }

        double total = 0;
        foreach (var w in weights)
        {
            if (!(w >= 0) || double.IsInfinity(w))
            {
                throw new ArgumentException("Weights must be finite and non-negative.", name);
            }

            total += w;
        }

        if (!(total > 0))
        {
            throw new ArgumentException("Weights must have a positive sum.", name);
        }

        return total;
    }

    private static (double[] Values, double[] Weights) SortWithWeights(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, string name, string weightName)
    {
        Guard.NotEmpty(values, name);
        if (!weights.IsEmpty && weights.Length != values.Length)
        {
            throw new ArgumentException("Weights must align with values.", weightName);
        }

        var sorted = values.ToArray();
        if (weights.IsEmpty)
        {
            Array.Sort(sorted);
            return (sorted, []);
        }

        var w = weights.ToArray();
        Array.Sort(sorted, w);
        return (sorted, w);
    }
}
